// The people ticked on the staff list and what is done to all of them at once: another unit
// (a reorganisation, a transfer of a team), another status (a group retiring at the year's
// end), the Thùng rác (a list imported twice). Each change is all or nothing in the core.
import { memo, useState } from 'react';
import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { STAFF_STATUSES, type StaffStatus } from '../../../shared/contract/staff';
import { STATUS_LABELS } from '../../../shared/staff/labels';
import { buildUnitTree, flattenUnitTree, unitTreeOptions } from '../../../shared/units/tree';
import { call, saveFile } from '../../lib/api';
import { FormError } from '../../lib/FormError';
import { useAction } from '../../lib/useAction';
import { TickedBar } from '../../lib/TickedBar';
import { notifyDeleted } from '../trash/notify';
import { useUnits } from '../units/store';
import { useStaff } from './store';
import { T } from './strings';

const B = T.bulk;
const STATUS_OPTIONS = STAFF_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] }));

/** The header's box: ticks every person the filter matches (rows not loaded yet too). */
export const SelectAllBox = memo(function SelectAllBox() {
  const total = useStaff((st) => st.total);
  const size = useStaff((st) => st.selected.size);
  const all = total > 0 && size >= total;
  // drawn as the rows' boxes are (aria-checked "mixed": some ticked)
  return (
    <button
      type="button"
      role="checkbox"
      className="staff-check"
      aria-checked={all ? true : size > 0 ? 'mixed' : false}
      disabled={total === 0}
      onClick={() => void useStaff.getState().toggleAll()}
      aria-label={B.selectAll(total)}
      title={B.selectAll(total)}
      data-testid="staff-select-all"
    />
  );
});

type Open = 'move' | 'status' | null;

/** "Đã chọn N người" and the changes offered for them; nothing while no one is ticked. */
export function SelectionBar({ afterChange }: { afterChange(): void }) {
  const size = useStaff((st) => st.selected.size);
  const [open, setOpen] = useState<Open>(null);
  const [exporting, setExporting] = useState(false);
  if (size === 0 && open === null) return null;
  const done = (message: string) => {
    setOpen(null);
    useStaff.getState().clearSelection();
    notifications.show({ color: 'green', message });
    afterChange();
  };
  const exportTicked = async () => {
    setExporting(true);
    try {
      const st = useStaff.getState();
      saveFile(await call('staff.export', { ...st.filter, includeSubunits: true, ids: [...st.selected] }));
      notifications.show({ color: 'green', message: T.exported });
    } catch (e) {
      notifications.show({ color: 'red', title: B.failed, message: (e as Error).message });
    } finally {
      setExporting(false);
    }
  };
  const remove = () =>
    modals.openConfirmModal({
      title: B.deleteTitle(size),
      children: <Text size="sm">{B.deleteText(size)}</Text>,
      labels: { confirm: B.delete, cancel: B.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-bulk-delete' } as never,
      onConfirm: () => {
        const ids = [...useStaff.getState().selected];
        void call('staff.bulkDelete', { ids })
          .then((r) => {
            useStaff.getState().clearSelection();
            notifyDeleted(
              B.deleted(r.deleted),
              r.ids.map((id) => ({ kind: 'staff' as const, id })),
              afterChange,
            );
            afterChange();
          })
          .catch((e: Error) => notifications.show({ color: 'red', title: B.failed, message: e.message, autoClose: 10_000 }));
      },
    });
  return (
    <>
      {size > 0 && (
        <TickedBar label={B.selected(size)} hint={B.hint} testId="staff-selection" countTestId="staff-selected-count">
          <Button size="compact-sm" variant="default" onClick={() => setOpen('move')} data-testid="staff-bulk-move">
            {B.move}
          </Button>
          <Button size="compact-sm" variant="default" onClick={() => setOpen('status')} data-testid="staff-bulk-status">
            {B.status}
          </Button>
          <Button size="compact-sm" variant="default" loading={exporting} onClick={() => void exportTicked()} data-testid="staff-bulk-export">
            {B.export}
          </Button>
          <Button size="compact-sm" variant="default" color="red" c="red.9" onClick={remove} data-testid="staff-bulk-delete">
            {B.delete}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => useStaff.getState().clearSelection()} data-testid="staff-clear-selection">
            {B.clear}
          </Button>
        </TickedBar>
      )}
      <Modal opened={open === 'move'} onClose={() => setOpen(null)} title={B.moveTitle(size)}>
        {open === 'move' && <MoveForm onCancel={() => setOpen(null)} onDone={done} />}
      </Modal>
      <Modal opened={open === 'status'} onClose={() => setOpen(null)} title={B.statusTitle(size)}>
        {open === 'status' && <StatusForm onCancel={() => setOpen(null)} onDone={done} />}
      </Modal>
    </>
  );
}

interface FormProps {
  onCancel(): void;
  onDone(message: string): void;
}

function MoveForm({ onCancel, onDone }: FormProps) {
  const units = useUnits((u) => u.units);
  const officeId = useStaff((st) => st.filter.officeId);
  const [unitId, setUnitId] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  // units at work (of the office shown, at the province); the core refuses another office's
  const options = unitTreeOptions(flattenUnitTree(buildUnitTree(units.filter((u) => u.active && (!officeId || u.officeId === officeId)))));
  const year = new Date().getFullYear();
  const submit = async () => {
    if (!unitId) return;
    const r = await run(() => call('staff.bulkMove', { ids: [...useStaff.getState().selected], unitId }));
    if (r) onDone(B.moved(r.moved, r.unit.name, r.years));
  };
  return (
    <Stack>
      <FormError error={error} />
      <Select
        label={B.moveTarget}
        placeholder={B.movePlaceholder}
        data={options}
        value={unitId}
        onChange={(v) => {
          setUnitId(v);
          setError(null);
        }}
        searchable
        comboboxProps={{ keepMounted: false }}
        data-testid="staff-bulk-move-target"
      />
      <Text size="sm" c="dimmed">
        {B.moveIntro(year)}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {B.cancel}
        </Button>
        <Button disabled={!unitId} loading={busy} onClick={() => void submit()} data-testid="staff-bulk-move-confirm">
          {B.moveConfirm}
        </Button>
      </Group>
    </Stack>
  );
}

function StatusForm({ onCancel, onDone }: FormProps) {
  const [status, setStatus] = useState<StaffStatus>('nghi_huu');
  const [end, setEnd] = useState('');
  const { busy, error, run } = useAction();
  const working = status === 'dang_cong_tac';
  const submit = async () => {
    const r = await run(() => call('staff.bulkStatus', { ids: [...useStaff.getState().selected], status, employmentEnd: working ? null : end }));
    if (r) onDone(B.statusDone(r.changed, STATUS_LABELS[status]));
  };
  return (
    <Stack>
      <FormError error={error} />
      <Select
        label={B.statusLabel}
        data={STATUS_OPTIONS}
        value={status}
        onChange={(v) => v && setStatus(v as StaffStatus)}
        allowDeselect={false}
        data-testid="staff-bulk-status-value"
      />
      {working ? (
        <Text size="sm" c="dimmed">
          {B.backAtWork}
        </Text>
      ) : (
        <TextInput
          label={B.endLabel}
          description={B.endHint}
          placeholder={T.form.datePlaceholder}
          value={end}
          onChange={(e) => setEnd(e.currentTarget.value)}
          data-testid="staff-bulk-status-end"
        />
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {B.cancel}
        </Button>
        <Button loading={busy} onClick={() => void submit()} data-testid="staff-bulk-status-confirm">
          {B.statusConfirm}
        </Button>
      </Group>
    </Stack>
  );
}
