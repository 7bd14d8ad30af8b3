import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { Staff, StaffCategory, StaffStatus } from '../../../shared/contract/staff';
import type { Unit } from '../../../shared/contract/units';
import { CATEGORY_LABELS, GENDER_LABELS, STATUS_LABELS } from '../../../shared/staff/labels';
import { buildUnitTree, flattenUnitTree, unitTreeOptions } from '../../../shared/units/tree';
import { foldVi, formatDateVi, parseDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { useUnsavedForm } from '../../lib/GuardedModal';
import { T } from './strings';
import { useStaffChoices, type StaffChoice } from './choices';
import { useUnitLabels } from '../units/store';

const NONE = '__none__';

interface Props {
  units: Unit[];
  editing: Staff | null;
  defaultUnitId: string | null;
  onDone(s: Staff): void;
  onCancel(): void;
}

export function StaffForm({ units, editing, defaultUnitId, onDone, onCancel }: Props) {
  const [f, setF] = useState({
    fullName: editing?.fullName ?? '',
    gender: editing?.gender ?? null,
    birthDate: formatDateVi(editing?.birthDate),
    unitId: editing ? editing.unitId : defaultUnitId,
    position: editing?.position ?? '',
    category: editing?.category ?? null,
    isLeader: editing?.isLeader ?? false,
    employmentStart: formatDateVi(editing?.employmentStart),
    employmentEnd: formatDateVi(editing?.employmentEnd),
    status: editing?.status ?? ('dang_cong_tac' as StaffStatus),
    note: editing?.note ?? '',
  });
  const { busy, error, run } = useAction();
  const { cancel } = useUnsavedForm(f, T.form.unsaved(editing?.fullName ?? null));
  // a new person of a name and birth date already here (no birth date: the same unit) is asked about once
  const [twin, setTwin] = useState<StaffChoice | null>(null);
  const unitLabels = useUnitLabels();
  useEffect(() => setTwin(null), [f.fullName, f.birthDate, f.unitId]);
  const unitOptions = flattenUnitTree(buildUnitTree(units.filter((u) => u.active || u.id === f.unitId)));

  const findTwin = async (): Promise<StaffChoice | null> => {
    const name = foldVi(f.fullName);
    if (!name) return null;
    await useStaffChoices.getState().refresh();
    const birth = f.birthDate.trim() ? parseDateVi(f.birthDate) : null;
    if (f.birthDate.trim() && !birth) return null; // the core says what is wrong with the date
    return (
      useStaffChoices
        .getState()
        .rows.find((s) => s.status === 'dang_cong_tac' && s.birthDate === birth && (birth !== null || s.unitId === f.unitId) && foldVi(s.fullName) === name) ?? null
    );
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!editing && !twin) {
      const found = await findTwin();
      if (found) {
        setTwin(found);
        return;
      }
    }
    const saved = await run(() => (editing ? call('staff.update', { id: editing.id, data: f }) : call('staff.create', f)));
    if (saved) onDone(saved);
  };

  const text = (k: 'fullName' | 'birthDate' | 'position' | 'employmentStart' | 'employmentEnd') => ({
    value: f[k],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setF({ ...f, [k]: e.currentTarget.value }),
  });

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormError error={error} />
        {twin && (
          <Alert color="orange" title={T.form.twinTitle} data-testid="staff-twin">
            {T.form.twin(twin.fullName, formatDateVi(twin.birthDate), (twin.unitId && unitLabels.get(twin.unitId)) || '')}
          </Alert>
        )}
        <TextInput label={T.form.fullName} required data-autofocus {...text('fullName')} data-testid="staff-name" />
        <SimpleGrid cols={3}>
          <Select
            label={T.form.gender}
            data={Object.entries(GENDER_LABELS).map(([value, label]) => ({ value, label }))}
            value={f.gender}
            onChange={(v) => setF({ ...f, gender: v as 'nam' | 'nu' | null })}
            clearable
            data-testid="staff-gender"
          />
          <TextInput label={T.form.birthDate} placeholder={T.form.datePlaceholder} {...text('birthDate')} data-testid="staff-birth" />
          <Select
            label={T.form.category}
            data={Object.entries(CATEGORY_LABELS).map(([value, label]) => ({ value, label }))}
            value={f.category}
            onChange={(v) => setF({ ...f, category: v as StaffCategory | null })}
            clearable
          />
        </SimpleGrid>
        <Select
          label={T.form.unit}
          data={[{ value: NONE, label: T.form.noUnit }, ...unitTreeOptions(unitOptions)]}
          value={f.unitId ?? NONE}
          onChange={(v) => setF({ ...f, unitId: !v || v === NONE ? null : v })}
          searchable
          allowDeselect={false}
          data-testid="staff-unit"
        />
        <SimpleGrid cols={2}>
          <TextInput label={T.form.position} {...text('position')} data-testid="staff-position" />
          <Checkbox mt={30} label={T.form.isLeader} checked={f.isLeader} onChange={(e) => setF({ ...f, isLeader: e.currentTarget.checked })} />
          <TextInput label={T.form.employmentStart} placeholder={T.form.datePlaceholder} {...text('employmentStart')} />
          <TextInput label={T.form.employmentEnd} placeholder={T.form.datePlaceholder} {...text('employmentEnd')} />
        </SimpleGrid>
        <Select
          label={T.form.status}
          data={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
          value={f.status}
          onChange={(v) => setF({ ...f, status: (v ?? 'dang_cong_tac') as StaffStatus })}
          allowDeselect={false}
        />
        <Textarea label={T.form.note} value={f.note} onChange={(e) => setF({ ...f, note: e.currentTarget.value })} autosize minRows={2} />
        <Group justify="flex-end">
          {/* the twin warning itself says to press "Hủy": no question then */}
          <Button variant="default" onClick={() => (twin ? onCancel() : cancel(onCancel))}>
            {T.form.cancel}
          </Button>
          <Button type="submit" loading={busy} data-testid="staff-save">
            {twin ? T.form.saveAnyway : T.form.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
