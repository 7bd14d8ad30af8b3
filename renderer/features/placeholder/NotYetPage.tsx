import { Alert, Stack, Title, Text } from '@mantine/core';

/** An area of the product that is not built yet says so plainly. */
export function NotYetPage({ title, description }: { title: string; description: string }) {
  return (
    <Stack maw={720}>
      <Title order={2}>{title}</Title>
      <Alert color="gray" title="Chức năng này chưa có trong phiên bản hiện tại" data-testid="not-yet">
        <Text size="sm">{description}</Text>
      </Alert>
    </Stack>
  );
}
