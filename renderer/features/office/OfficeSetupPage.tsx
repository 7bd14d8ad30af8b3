import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useSession } from '../../app/session';
import { OfficeForm } from './OfficeForm';
import { T } from './strings';

export function OfficeSetupPage({ firstRun }: { firstRun: boolean }) {
  const setOffice = useSession((s) => s.setOffice);
  return (
    <Container size="sm" py="xl">
      <Paper withBorder p="xl" radius="md">
        <Stack>
          <Title order={2}>{T.firstRunTitle}</Title>
          {firstRun && <Text c="dimmed">{T.firstRunIntro}</Text>}
          <OfficeForm initial={null} submitLabel={T.start} onSaved={setOffice} />
        </Stack>
      </Paper>
    </Container>
  );
}
