// The year as four quarters: each quarter's tasks with its progress.
import { Group, Paper, Progress, Stack, Text, UnstyledButton } from '@mantine/core';
import { QUARTERS, quarterRoman } from '../../../shared/tasks/status';
import { countStatuses } from '../../../shared/tasks/stats';
import { formatDateVi } from '../../../shared/text/vn';
import { STATUS_FILL, StatusBadge, VirtualList } from './parts';
import { useTasks } from './store';
import { T } from './strings';

const ROW = 70;

export function YearView() {
  const { rows, today, year, openTask } = useTasks();
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: 12, flex: 1, minHeight: 0 }}>
      {QUARTERS.map((q) => {
        const items = rows.filter((t) => t.effectiveQuarter === q);
        const c = countStatuses(items, today ?? '0000-00-00');
        const pct = (n: number) => (c.total ? (n * 100) / c.total : 0);
        return (
          <Paper key={q} withBorder p="xs" bg="var(--mantine-color-gray-0)" style={{ display: 'flex', flexDirection: 'column', minHeight: 0 }} data-testid={`year-quarter-${q}`}>
            <Stack gap={6} mb={8} px={4}>
              <Group justify="space-between">
                <Text fw={700}>{T.quarter(quarterRoman(q))}</Text>
                <Text size="xs" c="dimmed">
                  {T.yearView.progress(c.done, c.total)}
                </Text>
              </Group>
              <Progress.Root size="md">
                <Progress.Section value={pct(c.done)} color={STATUS_FILL.hoan_thanh} />
                <Progress.Section value={pct(c.inProgress)} color={STATUS_FILL.dang_thuc_hien} />
                <Progress.Section value={pct(c.overdue)} color={STATUS_FILL.qua_han} />
                <Progress.Section value={pct(c.notStarted)} color={STATUS_FILL.chua_thuc_hien} />
              </Progress.Root>
            </Stack>
            <VirtualList
              items={items}
              rowHeight={ROW}
              gap={6}
              empty={
                <Text size="sm" c="dimmed" ta="center" py="lg">
                  {T.emptyColumn}
                </Text>
              }
              render={(t) => (
                <UnstyledButton
                  onClick={() => openTask(t.id)}
                  data-testid="year-task"
                  style={{
                    display: 'flex',
                    flexDirection: 'column',
                    justifyContent: 'space-between',
                    height: '100%',
                    width: '100%',
                    padding: '6px 8px',
                    borderRadius: 4,
                    background: 'var(--mantine-color-body)',
                    border: '1px solid var(--mantine-color-gray-3)',
                    borderLeft: `4px solid ${STATUS_FILL[t.displayStatus]}`,
                  }}
                >
                  <Text size="xs" fw={500} lineClamp={2} lh={1.3} title={t.title}>
                    {t.title}
                  </Text>
                  <Group justify="space-between" wrap="nowrap" gap={4}>
                    {/* the year shown is the view's, unless the deadline moved into another: at 1024 px the
                        four columns leave a card room for "31/03" and "HOÀN THÀNH", not "31/03/2026" too */}
                    <Text size="xs" c={t.overdue ? 'red.9' : 'dimmed'} title={formatDateVi(t.effectiveDue)} style={{ whiteSpace: 'nowrap' }}>
                      {t.effectiveDue && t.effectiveDue.startsWith(`${year}-`) ? formatDateVi(t.effectiveDue).slice(0, 5) : formatDateVi(t.effectiveDue)}
                    </Text>
                    <StatusBadge status={t.displayStatus} size="xs" />
                  </Group>
                </UnstyledButton>
              )}
            />
          </Paper>
        );
      })}
    </div>
  );
}
