// Small building blocks of the task views: status badge, due text, the task card, a
// virtualised list, and the "mark done with a note" dialog.
import { useRef, useState, type ReactNode } from 'react';
import { ActionIcon, Badge, Button, Group, Menu, Modal, Paper, Stack, Text, TextInput, Textarea, Tooltip, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Task, TaskDisplayStatus, TaskStatus } from '../../../shared/contract/tasks';
import { TASK_STATUS_LABELS, TASK_STATUS_OPTIONS } from '../../../shared/tasks/labels';
import { daysUntilDue } from '../../../shared/tasks/status';
import { formatDateVi } from '../../../shared/text/vn';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { discardOrAsk, useLeaveGuard } from '../../lib/leave-guard';
import { unitRefsText, useUnitLabels } from '../units/store';
import { useTasks } from './store';
import { T } from './strings';

export const STATUS_COLORS: Record<TaskDisplayStatus, string> = {
  chua_thuc_hien: 'gray',
  dang_thuc_hien: 'blue',
  hoan_thanh: 'teal',
  qua_han: 'red',
};

/** Chart and legend colours (Mantine palette, shade 6). */
export const STATUS_FILL: Record<TaskDisplayStatus, string> = {
  hoan_thanh: 'var(--mantine-color-teal-6)',
  dang_thuc_hien: 'var(--mantine-color-blue-5)',
  chua_thuc_hien: 'var(--mantine-color-gray-4)',
  qua_han: 'var(--mantine-color-red-6)',
};

export function StatusBadge({ status, size = 'sm' }: { status: TaskDisplayStatus; size?: 'xs' | 'sm' | 'md' }) {
  return (
    // title: the year view's cards at 1024 px cut the label short ("HOÀN T…"); the colour bar and the tooltip still tell it
    <Badge color={STATUS_COLORS[status]} variant={status === 'qua_han' ? 'filled' : 'light'} size={size} title={TASK_STATUS_LABELS[status]} data-testid="task-status-badge">
      {TASK_STATUS_LABELS[status]}
    </Badge>
  );
}

/** "Hạn 31/03/2026 · quá 40 ngày" / "còn 5 ngày". */
export function DueText({ task, today }: { task: Task; today: string | null }) {
  const left = today ? daysUntilDue(task, today) : null;
  const extra =
    task.status === 'hoan_thanh' || left === null ? '' : left < 0 ? ` · ${T.overdueDays(-left)}` : left <= 14 ? ` · ${T.dueInDays(left)}` : '';
  return (
    <Text size="xs" c={task.overdue ? 'red.9' : 'dimmed'} fw={task.overdue ? 600 : 400} span>
      {T.due(formatDateVi(task.effectiveDue))}
      {extra}
    </Text>
  );
}

export const CARD_HEIGHT = 136;

interface CardProps {
  task: Task;
  today: string | null;
  onOpen(): void;
  onMove(status: TaskStatus): void;
  onComplete(): void;
  draggable?: boolean;
}

export function TaskCard({ task, today, onOpen, onMove, onComplete, draggable }: CardProps) {
  const lead = unitRefsText(task.lead, useUnitLabels());
  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      h={CARD_HEIGHT - 8}
      draggable={draggable}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', task.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      style={{
        cursor: draggable ? 'grab' : undefined,
        borderLeft: `4px solid ${STATUS_FILL[task.displayStatus]}`,
        display: 'flex',
        flexDirection: 'column',
        gap: 4,
        background: 'var(--mantine-color-body)',
      }}
      data-testid="task-card"
      data-task-id={task.id}
      data-status={task.displayStatus}
    >
      <UnstyledButton onClick={onOpen} title={task.title}>
        <Text size="sm" fw={500} lineClamp={3} lh={1.3} data-testid="task-card-title">
          {task.title}
        </Text>
      </UnstyledButton>
      <Text size="xs" c="dimmed" truncate="end" title={lead}>
        {lead || T.noLead}
      </Text>
      <Group justify="space-between" wrap="nowrap" gap={4} mt="auto">
        <Text size="xs" truncate="end" style={{ minWidth: 0, flex: 1 }}>
          <DueText task={task} today={today} />
          {task.noteCount > 0 && (
            <Text size="xs" c="dimmed" span>
              {' '}
              · {T.notes(task.noteCount)}
            </Text>
          )}
          {task.attachmentCount > 0 && (
            <Text size="xs" c="dimmed" span>
              {' '}
              · {T.files(task.attachmentCount)}
            </Text>
          )}
        </Text>
        <Group gap={2} wrap="nowrap">
          {task.status !== 'hoan_thanh' && (
            <Tooltip label={T.markDone} openDelay={400}>
              <ActionIcon variant="subtle" color="teal" size="sm" onClick={onComplete} aria-label={T.markDone} data-testid="task-card-done">
                ✓
              </ActionIcon>
            </Tooltip>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" size="sm" aria-label={T.moveTo} data-testid="task-card-menu">
                ⋯
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={onOpen}>{T.open}</Menu.Item>
              <Menu.Label>{T.moveTo}</Menu.Label>
              {TASK_STATUS_OPTIONS.map((o) => (
                <Menu.Item
                  key={o.value}
                  disabled={o.value === task.status}
                  onClick={() => (o.value === 'hoan_thanh' ? onComplete() : onMove(o.value))}
                  data-testid={`task-move-${o.value}`}
                >
                  {o.value === 'hoan_thanh' ? T.markDone : o.label}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
    </Paper>
  );
}

/** A virtualised vertical list with fixed row height inside a scrolling box that fills its parent. */
export function VirtualList<I>({
  items,
  rowHeight,
  render,
  empty,
  testId,
  gap = 0,
}: {
  items: readonly I[];
  rowHeight: number;
  render(item: I, index: number): ReactNode;
  empty?: ReactNode;
  testId?: string;
  gap?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: items.length, getScrollElement: () => ref.current, estimateSize: () => rowHeight, overscan: 8 });
  return (
    <div ref={ref} style={{ flex: 1, minHeight: 0, overflow: 'auto' }} data-testid={testId}>
      {items.length === 0 ? (
        (empty ?? null)
      ) : (
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((vi) => (
            <div
              key={vi.key}
              style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight - gap, transform: `translateY(${vi.start}px)` }}
            >
              {render(items[vi.index]!, vi.index)}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** Asks for the result note (optional) and the completion date, then marks the task done. */
export function CompleteDialog({ task, onClose }: { task: Task | null; onClose(): void }) {
  const today = useTasks((s) => s.today);
  const setStatus = useTasks((s) => s.setStatus);
  const [note, setNote] = useState('');
  const [date, setDate] = useState('');
  const { busy, error, run } = useAction();
  const close = () => {
    setNote('');
    setDate('');
    onClose();
  };
  // a result note typed is not dropped by a stray Esc or click beside the dialog
  const unsaved = task && (note.trim() || date.trim()) ? T.complete.unsaved(task.title) : null;
  useLeaveGuard(unsaved);
  const cancel = () => discardOrAsk(unsaved, close);
  const save = async () => {
    if (!task) return;
    const r = await run(() => setStatus(task.id, 'hoan_thanh', note, date || formatDateVi(today)));
    if (r) {
      notifications.show({ color: 'teal', message: T.moved });
      close();
    }
  };
  return (
    <Modal opened={task !== null} onClose={cancel} title={T.complete.title} size="lg">
      {task && (
        <Stack>
          <Text size="sm" fw={500}>
            {task.title}
          </Text>
          <FormError error={error} />
          <Textarea
            label={T.complete.note}
            placeholder={T.complete.notePlaceholder}
            autosize
            minRows={3}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
            data-testid="complete-note"
          />
          <TextInput
            label={T.complete.date}
            placeholder={formatDateVi(today)}
            value={date}
            onChange={(e) => setDate(e.currentTarget.value)}
            w={180}
            data-testid="complete-date"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={cancel}>
              {T.complete.cancel}
            </Button>
            <Button color="teal" loading={busy} onClick={() => void save()} data-testid="complete-save">
              {T.complete.save}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
