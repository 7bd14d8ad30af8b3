import type { ReactNode } from 'react';
import { Group, Paper, Text } from '@mantine/core';

/** Above a list whose rows are ticked: how many, a hint (wide windows only), what to do with them. */
export function TickedBar(props: { label: string; hint: string; testId: string; countTestId: string; children: ReactNode }) {
  return (
    <Paper withBorder px="sm" py={6} bg="var(--mantine-primary-color-light)" data-testid={props.testId}>
      <Group justify="space-between" gap="xs">
        <Group gap="xs" wrap="nowrap">
          <Text fw={600} size="sm" style={{ whiteSpace: 'nowrap' }} data-testid={props.countTestId}>
            {props.label}
          </Text>
          {/* gray 8, not dimmed: dimmed text on the tint is under WCAG AA */}
          <Text size="xs" c="gray.8" visibleFrom="lg">
            {props.hint}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {props.children}
        </Group>
      </Group>
    </Paper>
  );
}
