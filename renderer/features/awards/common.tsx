// Small pieces shared by the award tabs: year input, unit select, staff picker (search
// without diacritics), the "chưa xác minh" badge, delete confirmation.
import { useEffect, useMemo, useState } from 'react';
import { Badge, NumberInput, Select, Text, Tooltip, type ComboboxItem } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { Staff } from '../../../shared/contract/staff';
import { buildUnitTree, flattenUnitTree, unitTreeOptions } from '../../../shared/units/tree';
import { compareViPersonName, foldVi, formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { useUnitLabels, useUnits } from '../units/store';
import { T } from './strings';

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

export interface StaffOption extends ComboboxItem {
  search: string;
  staff: Staff;
}

/** Every staff member (all statuses) as picker options, in Vietnamese order. */
export function useStaffOptions() {
  // "Văn phòng (Sở Tài chính)" where units share a name: two namesakes in two Văn phòng differ
  const unitNames = useUnitLabels();
  const [rows, setRows] = useState<Staff[]>([]);
  useEffect(() => {
    let live = true;
    void call('staff.list', { status: 'all' }).then((r) => {
      if (live) setRows(r.rows);
    });
    return () => {
      live = false;
    };
  }, []);
  return useMemo(() => {
    return [...rows]
      .sort((a, b) => compareViPersonName(a.fullName, b.fullName))
      .map((s): StaffOption => {
        const unit = s.unitId ? unitNames.get(s.unitId) ?? '' : '';
        const label = [s.fullName, unit, s.birthDate ? formatDateVi(s.birthDate) : ''].filter(Boolean).join(' — ');
        return { value: s.id, label, search: foldVi(label), staff: s };
      });
  }, [rows, unitNames]);
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
  return (
    <Select
      label={label}
      data={options}
      value={value}
      onChange={onChange}
      searchable
      limit={50}
      placeholder={placeholder}
      nothingFoundMessage="Không có cán bộ nào khớp"
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
      <Badge color="yellow" variant="light" size={size} data-testid="unverified-badge">
        {T.unverified}
      </Badge>
    </Tooltip>
  );
}

export function confirmDelete(what: string, run: () => Promise<unknown>, after: () => void) {
  modals.openConfirmModal({
    title: T.confirmDeleteTitle,
    children: <Text size="sm">{T.confirmDelete(what)}</Text>,
    labels: { confirm: T.delete, cancel: T.cancel },
    confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as never,
    onConfirm: () =>
      void run()
        .then(() => {
          notifications.show({ color: 'green', message: T.deleted });
          after();
        })
        .catch((e: Error) => notifications.show({ color: 'red', message: e.message })),
  });
}

export const money = (v: number | null) => (v === null ? '' : `${v.toLocaleString('vi-VN')} đ`);
