// The quarter as a board: three columns by status; moving a card (drag, or its menu) changes the
// task's status. Overdue tasks stay in their column with a red "Quá hạn" mark.
import { useMemo, useState } from 'react';
import { Badge, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Task, TaskStatus } from '../../../shared/contract/tasks';
import { TASK_STATUS_OPTIONS } from '../../../shared/tasks/labels';
import { QUARTERS, quarterRoman, type Quarter } from '../../../shared/tasks/status';
import { CARD_HEIGHT, CompleteDialog, STATUS_FILL, TaskCard, VirtualList } from './parts';
import { useTasks } from './store';
import { T } from './strings';

export function BoardView() {
  const { rows, today, boardQuarter, setBoardQuarter, openTask, setStatus } = useTasks();
  const q = boardQuarter ?? 1;
  const inQuarter = useMemo(() => rows.filter((t) => t.effectiveQuarter === q), [rows, q]);
  const [completing, setCompleting] = useState<Task | null>(null);
  const [over, setOver] = useState<TaskStatus | null>(null);

  const move = (task: Task, status: TaskStatus) => {
    if (task.status === status) return;
    if (status === 'hoan_thanh') return setCompleting(task);
    setStatus(task.id, status).catch((e: Error) => notifications.show({ color: 'red', message: e.message }));
  };

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between">
        <SegmentedControl
          value={String(q)}
          onChange={(v) => setBoardQuarter(Number(v) as Quarter)}
          data={QUARTERS.map((x) => ({ value: String(x), label: `${T.quarter(quarterRoman(x))} (${rows.filter((t) => t.effectiveQuarter === x).length})` }))}
          data-testid="board-quarter"
        />
        {inQuarter.some((t) => t.overdue) && (
          <Badge color="red" variant="light" size="lg">
            {inQuarter.filter((t) => t.overdue).length} quá hạn
          </Badge>
        )}
      </Group>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 12, flex: 1, minHeight: 0 }}>
        {TASK_STATUS_OPTIONS.map((col) => {
          const items = inQuarter.filter((t) => t.status === col.value);
          return (
            <Paper
              key={col.value}
              withBorder
              p="xs"
              bg={over === col.value ? 'var(--mantine-color-gray-1)' : 'var(--mantine-color-gray-0)'}
              style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
              onDragOver={(e) => {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'move';
                if (over !== col.value) setOver(col.value);
              }}
              onDragLeave={() => setOver(null)}
              onDrop={(e) => {
                e.preventDefault();
                setOver(null);
                const t = inQuarter.find((x) => x.id === e.dataTransfer.getData('text/plain'));
                if (t) move(t, col.value);
              }}
              data-testid={`board-column-${col.value}`}
            >
              <Group justify="space-between" mb={8} px={4}>
                <Group gap={8}>
                  <span style={{ width: 10, height: 10, borderRadius: 5, background: STATUS_FILL[col.value] }} />
                  <Text fw={600} size="sm">
                    {col.label}
                  </Text>
                </Group>
                <Badge variant="default" size="sm" data-testid="board-column-count">
                  {items.length}
                </Badge>
              </Group>
              <VirtualList
                items={items}
                rowHeight={CARD_HEIGHT}
                gap={8}
                empty={
                  <Text size="sm" c="dimmed" ta="center" py="lg">
                    {over === col.value ? T.dropHere : T.emptyColumn}
                  </Text>
                }
                render={(t) => (
                  <TaskCard
                    task={t}
                    today={today}
                    draggable
                    onOpen={() => openTask(t.id)}
                    onMove={(s) => move(t, s)}
                    onComplete={() => setCompleting(t)}
                  />
                )}
              />
            </Paper>
          );
        })}
      </div>
      <CompleteDialog task={completing} onClose={() => setCompleting(null)} />
    </Stack>
  );
}
