// Small pieces shared by the award tabs: year input, unit select, staff picker (search
// without diacritics), the "chưa xác minh" badge, delete confirmation.
import { useMemo } from 'react';
import { Badge, NumberInput, Select, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { buildUnitTree, flattenUnitTree, unitTreeOptions } from '../../../shared/units/tree';
import { useUnits } from '../units/store';
import { useStaffChoices, type StaffOption } from '../staff/choices';
import { T } from './strings';
import { notifyDeleted } from '../trash/notify';
import type { TrashKind } from '../../../shared/contract/trash';

export const ALL = '__all__';

export function YearInput({ value, onChange, label = T.year, testId, w = 110 }: { value: number; onChange(y: number): void; label?: string; testId?: string; w?: number | string }) {
  return (
    <NumberInput
      label={label}
      value={value}
      onChange={(v) => {
        const y = typeof v === 'number' ? v : Number(v);
        if (Number.isInteger(y) && y >= 1990 && y <= 2200) onChange(y);
      }}
      min={1990}
      max={2200}
      allowDecimal={false}
      thousandSeparator=""
      w={w}
      data-testid={testId}
    />
  );
}

export function useUnitOptions(withAll: boolean) {
  const { units } = useUnits();
  return useMemo(() => {
    const opts = unitTreeOptions(flattenUnitTree(buildUnitTree(units)), units, (u) => (u.active ? '' : ' (ngừng hoạt động)'));
    return withAll ? [{ value: ALL, label: T.allUnits }, ...opts] : opts;
  }, [units, withAll]);
}

export function UnitSelect({
  value,
  onChange,
  withAll,
  label = T.unit,
  testId,
  w,
  placeholder,
}: {
  value: string | null;
  onChange(id: string | null): void;
  withAll: boolean;
  label?: string;
  testId?: string;
  w?: number | string;
  placeholder?: string;
}) {
  const data = useUnitOptions(withAll);
  return (
    <Select
      label={label}
      data={data}
      value={value ?? (withAll ? ALL : null)}
      onChange={(v) => onChange(!v || v === ALL ? null : v)}
      searchable
      allowDeselect={false}
      placeholder={placeholder ?? T.chooseUnit}
      nothingFoundMessage="Không có đơn vị nào khớp"
      w={w}
      data-testid={testId}
    />
  );
}

export function StaffPicker({
  value,
  onChange,
  options,
  label,
  testId,
  placeholder = T.timeline.pickPerson,
  w,
  required,
  error,
}: {
  value: string | null;
  onChange(id: string | null): void;
  options: StaffOption[];
  label?: string;
  testId?: string;
  placeholder?: string;
  w?: number | string;
  required?: boolean;
  error?: string | null;
}) {
  const loaded = useStaffChoices((s) => s.loaded);
  return (
    <Select
      label={label}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      limit={50}
      placeholder={placeholder}
      nothingFoundMessage={loaded ? T.staffPicker.nothingFound : T.staffPicker.loading}
      w={w}
      required={required}
      error={error}
      data-testid={testId}
    />
  );
}

export function UnverifiedBadge({ verified, size = 'xs' }: { verified: boolean; size?: 'xs' | 'sm' }) {
  if (verified) return null;
  return (
    <Tooltip label={T.unverifiedHint} multiline w={280}>
      <Badge color="yellow" variant="light" size={size} style={{ flexShrink: 0 }} data-testid="unverified-badge">
        {T.unverified}
      </Badge>
    </Tooltip>
  );
}

/** Ask, delete, and offer "Hoàn tác" (the record goes to the Thùng rác). */
export function confirmDelete(what: string, run: () => Promise<unknown>, after: () => void, undo: { kind: TrashKind; id: string }) {
  modals.openConfirmModal({
    title: T.confirmDeleteTitle,
    children: <Text size="sm">{T.confirmDelete(what)}</Text>,
    labels: { confirm: T.delete, cancel: T.cancel },
    confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as never,
    onConfirm: () =>
      void run()
        .then(() => {
          notifyDeleted(T.deleted, undo, after);
          after();
        })
        .catch((e: Error) => notifications.show({ color: 'red', message: e.message })),
  });
}

/** Today in the user's time zone (ISO): who may decide, and the cash a form carries, depend on the date. */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export const money = (v: number | null) => (v === null ? '' : `${v.toLocaleString('vi-VN')} đ`);
