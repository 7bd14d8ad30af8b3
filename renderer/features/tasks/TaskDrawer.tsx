// The task detail drawer: status, information, progress notes timeline, evidence attachments.
import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Divider,
  Drawer,
  FileButton,
  Group,
  Loader,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Timeline,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TaskDetail, TaskStatus } from '../../../shared/contract/tasks';
import { TASK_STATUS_LABELS, TASK_STATUS_OPTIONS } from '../../../shared/tasks/labels';
import { quarterRoman } from '../../../shared/tasks/status';
import { formatDateVi, formatInstantDateVi } from '../../../shared/text/vn';
import { call, fileToBase64, saveFile } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { DueText, STATUS_FILL, StatusBadge } from './parts';
import { TaskForm } from './TaskForm';
import { unitRefsText, useUnitLabels } from '../units/store';
import { useTasks } from './store';
import { T } from './strings';
import { FileDropZone } from '../../lib/file-drop';
import { diskPath } from '../../lib/desktop-files';
import { EVIDENCE_MAX_BYTES } from '../../../shared/contract/fields';
import { notifyDeleted } from '../trash/notify';
import { GuardedModal } from '../../lib/GuardedModal';

const MAX_UPLOAD = EVIDENCE_MAX_BYTES;

function sizeText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
  return `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

function Info({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

export function TaskDrawer() {
  const { openTaskId, openTask, version, today, changed, setStatus } = useTasks();
  const [task, setTask] = useState<TaskDetail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const labels = useUnitLabels();
  const [noteText, setNoteText] = useState('');
  const [noteDate, setNoteDate] = useState('');
  const [uploading, setUploading] = useState(false);
  const noteAction = useAction();

  useEffect(() => {
    if (!openTaskId) {
      setTask(null);
      return;
    }
    let live = true;
    call('tasks.get', { id: openTaskId })
      .then((t) => live && (setTask(t), setLoadError(null)))
      .catch((e: Error) => live && setLoadError(e.message));
    return () => {
      live = false;
    };
  }, [openTaskId, version]);

  // the task's person's unit: two "Nguyễn Văn An" in a province are told apart by it
  const responsibleId = task?.responsibleStaffId ?? null;
  const [responsibleUnit, setResponsibleUnit] = useState<{ staffId: string; unitId: string | null } | null>(null);
  useEffect(() => {
    if (!responsibleId) return;
    let live = true;
    call('staff.get', { id: responsibleId })
      .then((s) => live && setResponsibleUnit({ staffId: s.id, unitId: s.unitId }))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [responsibleId]);
  const responsibleUnitLabel = responsibleUnit && responsibleUnit.staffId === responsibleId && responsibleUnit.unitId ? labels.get(responsibleUnit.unitId) : undefined;

  const close = () => {
    openTask(null);
    setEditing(false);
    setNoteText('');
    setNoteDate('');
    noteAction.setError(null);
  };

  const changeStatus = (s: TaskStatus) => {
    if (!task || s === task.status) return;
    setStatus(task.id, s).catch((e: Error) => notifications.show({ color: 'red', message: e.message }));
  };

  const addNote = async () => {
    if (!task) return;
    const r = await noteAction.run(() => call('tasks.addNote', { taskId: task.id, text: noteText, date: noteDate || undefined }));
    if (r) {
      setNoteText('');
      setNoteDate('');
      changed();
    }
  };

  const upload = async (files: File[]) => {
    if (!task || files.length === 0) return;
    setUploading(true);
    try {
      for (const file of files) {
        if (file.size > MAX_UPLOAD) {
          notifications.show({ color: 'red', message: `${file.name}: ${T.drawer.tooBig}` });
          continue;
        }
        // the desktop app gives the file's place: the core reads it from disk
        const onDisk = diskPath(file);
        const source = onDisk ? { path: onDisk } : { fileBase64: await fileToBase64(file) };
        await call('tasks.addAttachment', { taskId: task.id, fileName: file.name, mimeType: file.type, ...source });
        notifications.show({ color: 'teal', message: T.drawer.uploaded(file.name) });
      }
    } catch (e) {
      notifications.show({ color: 'red', title: 'Chưa tải lên được', message: (e as Error).message });
    } finally {
      setUploading(false);
      changed();
    }
  };

  const remove = () => {
    if (!task) return;
    modals.openConfirmModal({
      title: T.drawer.confirmDeleteTitle,
      children: <Text size="sm">{T.drawer.confirmDelete(task.title)}</Text>,
      labels: { confirm: T.drawer.delete, cancel: T.form.cancel },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('tasks.delete', { id: task.id })
          .then(() => {
            notifyDeleted(T.drawer.deleted, { kind: 'task', id: task.id }, changed);
            close();
            changed();
          })
          .catch((e: Error) => notifications.show({ color: 'red', message: e.message })),
    });
  };

  const dueNote = task && !task.dueDate ? (task.quarter ? T.drawer.dueDefault : T.drawer.dueYear) : '';

  return (
    <Drawer opened={openTaskId !== null} onClose={close} position="right" size={620} title={<Text fw={600}>{T.drawer.title}</Text>} padding="lg">
      {loadError && <Alert color="red">{loadError}</Alert>}
      {!task && !loadError && <Loader size="sm" />}
      {task && (
        <Stack gap="md" data-testid="task-drawer">
          <Stack gap={6}>
            <Title order={4} lh={1.35} data-testid="task-drawer-title">
              {task.title}
            </Title>
            <Group gap="xs">
              <StatusBadge status={task.displayStatus} />
              <DueText task={task} today={today} />
            </Group>
          </Stack>
          <div>
            <Text size="sm" fw={500} mb={4}>
              {T.drawer.status}
            </Text>
            <SegmentedControl
              fullWidth
              value={task.status}
              onChange={(v) => changeStatus(v as TaskStatus)}
              data={TASK_STATUS_OPTIONS}
              data-testid="task-drawer-status"
            />
          </div>
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
            <Info label={T.drawer.quarter}>{task.quarter ? `${T.quarter(quarterRoman(task.quarter))}/${task.year}` : `${task.year}`}</Info>
            <Info label={T.drawer.due}>
              {formatDateVi(task.effectiveDue)} {dueNote}
            </Info>
            <Info label={T.drawer.lead}>{unitRefsText(task.lead, labels)}</Info>
            <Info label={T.drawer.coordinating}>{unitRefsText(task.coordinating, labels)}</Info>
            <Info label={T.drawer.responsible}>
              {task.responsibleName && (
                <span data-testid="task-drawer-responsible">{responsibleUnitLabel ? `${task.responsibleName} — ${responsibleUnitLabel}` : task.responsibleName}</span>
              )}
            </Info>
            <Info label={T.drawer.source}>{T.drawer.sources[task.source]}</Info>
            {task.timing && <Info label={T.drawer.timing}>{task.timing}</Info>}
            {task.completedOn && <Info label={T.drawer.completedOn}>{formatDateVi(task.completedOn)}</Info>}
          </SimpleGrid>
          {task.description && <Info label={T.drawer.description}>{task.description}</Info>}
          <Group>
            <Button variant="default" size="xs" onClick={() => setEditing(true)} data-testid="task-drawer-edit">
              {T.drawer.edit}
            </Button>
            <Button variant="subtle" color="red" size="xs" onClick={remove} data-testid="task-drawer-delete">
              {T.drawer.delete}
            </Button>
          </Group>

          <Divider label={T.drawer.notes} labelPosition="left" />
          <Stack gap="xs">
            <FormError error={noteAction.error} />
            <Textarea
              placeholder={T.drawer.noteText}
              aria-label={T.drawer.noteText}
              autosize
              minRows={2}
              value={noteText}
              onChange={(e) => setNoteText(e.currentTarget.value)}
              data-testid="note-text"
            />
            <Group justify="space-between">
              <TextInput
                size="xs"
                w={150}
                aria-label={T.drawer.noteDate}
                placeholder={formatDateVi(today)}
                value={noteDate}
                onChange={(e) => setNoteDate(e.currentTarget.value)}
                leftSection={<Text size="xs">{T.drawer.noteDate}</Text>}
                leftSectionWidth={44}
              />
              <Button size="xs" onClick={() => void addNote()} loading={noteAction.busy} disabled={!noteText.trim()} data-testid="note-add">
                {T.drawer.addNote}
              </Button>
            </Group>
          </Stack>
          {task.notes.length === 0 ? (
            <Text size="sm" c="dimmed">
              {T.drawer.noNotes}
            </Text>
          ) : (
            <Timeline bulletSize={14} lineWidth={2} data-testid="note-timeline">
              {task.notes.map((n) => (
                <Timeline.Item
                  key={n.id}
                  color={n.statusChange ? undefined : 'gray'}
                  bullet={n.statusChange ? <span style={{ width: 8, height: 8, borderRadius: 4, background: STATUS_FILL[n.statusChange] }} /> : undefined}
                  title={
                    <Group justify="space-between" gap="xs">
                      <Text size="sm" fw={600}>
                        {formatDateVi(n.date)}
                      </Text>
                      <Anchor
                        size="xs"
                        c="dimmed"
                        onClick={() =>
                          void call('tasks.deleteNote', { id: n.id })
                            .then(() => {
                              notifyDeleted(T.drawer.noteDeleted, { kind: 'task_note', id: n.id }, changed);
                              changed();
                            })
                            .catch((e: Error) => notifications.show({ color: 'red', message: e.message }))
                        }
                      >
                        {T.drawer.deleteNote}
                      </Anchor>
                    </Group>
                  }
                  data-testid="note-item"
                >
                  {n.statusChange && (
                    <Text size="xs" c="dimmed">
                      {T.drawer.statusChanged(TASK_STATUS_LABELS[n.statusChange])}
                    </Text>
                  )}
                  {n.text && (
                    <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                      {n.text}
                    </Text>
                  )}
                </Timeline.Item>
              ))}
            </Timeline>
          )}

          <Divider label={T.drawer.attachments} labelPosition="left" />
          <FileDropZone onFiles={(files) => void upload(files)} testId="attachment-drop">
            <Group>
              <FileButton onChange={(files) => void upload(files)} multiple>
                {(props) => (
                  <Button {...props} size="xs" variant="default" loading={uploading} data-testid="attachment-upload">
                    {T.drawer.upload}
                  </Button>
                )}
              </FileButton>
            </Group>
          </FileDropZone>
          {task.attachments.length === 0 ? (
            <Text size="sm" c="dimmed">
              {T.drawer.noFiles}
            </Text>
          ) : (
            <Stack gap={4}>
              {task.attachments.map((a) => (
                <Group key={a.id} justify="space-between" wrap="nowrap" data-testid="attachment-item">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" truncate="end" title={a.fileName}>
                      {a.fileName}
                    </Text>
                    <Text size="xs" c="dimmed" title={`SHA-256: ${a.sha256}`}>
                      {sizeText(a.size)} · {formatInstantDateVi(a.createdAt)}
                    </Text>
                  </div>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      onClick={() =>
                        void call('tasks.getAttachment', { id: a.id })
                          .then(saveFile)
                          .catch((e: Error) => notifications.show({ color: 'red', message: e.message }))
                      }
                      data-testid="attachment-download"
                    >
                      {T.drawer.download}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="red"
                      onClick={() =>
                        void call('tasks.deleteAttachment', { id: a.id })
                          .then(() => {
                            notifyDeleted(T.drawer.fileDeleted(a.fileName), { kind: 'task_file', id: a.id }, changed);
                            changed();
                          })
                          .catch((e: Error) => notifications.show({ color: 'red', message: e.message }))
                      }
                    >
                      {T.drawer.removeFile}
                    </Button>
                  </Group>
                </Group>
              ))}
            </Stack>
          )}
        </Stack>
      )}
      <GuardedModal opened={editing && task !== null} onClose={() => setEditing(false)} title={T.form.editTitle} size="xl">
        {task && editing && (
          <TaskForm
            editing={task}
            defaultYear={task.year}
            defaultQuarter={task.quarter}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              notifications.show({ color: 'teal', message: T.form.saved });
              changed();
            }}
          />
        )}
      </GuardedModal>
    </Drawer>
  );
}
