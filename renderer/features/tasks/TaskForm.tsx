// Create or edit a task by hand.
import { useEffect, useMemo, useState } from 'react';
import { Autocomplete, Button, Group, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput, Textarea } from '@mantine/core';
import type { Task, TaskStatus, TaskUnitRef } from '../../../shared/contract/tasks';
import type { Unit } from '../../../shared/contract/units';
import { useStaffOptions } from '../staff/choices';
import { resolveResponsible } from './responsible';
import { TASK_STATUS_OPTIONS } from '../../../shared/tasks/labels';
import { QUARTERS, quarterRoman, type Quarter } from '../../../shared/tasks/status';
import { formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { useUnsavedForm } from '../../lib/GuardedModal';
import { useUnitLabels, useUnits } from '../units/store';
import { T } from './strings';

const NONE = '0';

interface Props {
  editing: Task | null;
  defaultYear: number;
  defaultQuarter: Quarter | null;
  onDone(t: Task): void;
  onCancel(): void;
}

export function TaskForm({ editing, defaultYear, defaultQuarter, onDone, onCancel }: Props) {
  const { units, refresh: refreshUnits } = useUnits();
  // a unit is offered, and read back, by a label of its own: "Văn phòng (Sở Tài chính)" where
  // units share a name (a name alone chose the first unit of that name, whichever Sở it was in)
  const unitLabels = useUnitLabels();
  // people at work are offered; everyone is looked up (a task's person may have retired since)
  const staff = useStaffOptions('dang_cong_tac');
  const everyone = useStaffOptions('all');
  // the task's person as it was, kept while the field still names them
  const [kept] = useState(() => (editing?.responsibleStaffId ? { id: editing.responsibleStaffId, fullName: editing.responsibleName } : null));
  const [f, setF] = useState(() => {
    const tagOf = (r: TaskUnitRef) => (r.unitId && unitLabels.get(r.unitId)) || r.name;
    return {
      title: editing?.title ?? '',
      year: editing?.year ?? defaultYear,
      quarter: editing ? editing.quarter : defaultQuarter,
      dueDate: formatDateVi(editing?.dueDate),
      lead: editing?.lead.map((r) => tagOf(r)) ?? [],
      coordinating: editing?.coordinating.map((r) => tagOf(r)) ?? [],
      responsible: editing?.responsibleName ?? '',
      status: editing?.status ?? ('chua_thuc_hien' as TaskStatus),
      description: editing?.description ?? '',
      timing: editing?.timing ?? '',
    };
  });
  const { busy, error, run } = useAction();
  const { cancel } = useUnsavedForm(f, T.form.unsaved(editing?.title ?? null));

  useEffect(() => {
    void refreshUnits();
  }, [refreshUnits]);

  const unitNames = useMemo(() => [...new Set(units.filter((u) => u.active).map((u) => unitLabels.get(u.id)!))], [units, unitLabels]);
  const byLabel = useMemo(() => {
    const m = new Map<string, Unit | null>();
    for (const u of units) {
      m.set(unitLabels.get(u.id)!, u);
      // a plain name typed or pasted points at a unit only when no other unit has it
      const plain = m.get(u.name);
      m.set(u.name, plain === undefined || plain?.id === u.id ? u : null);
    }
    return m;
  }, [units, unitLabels]);
  const staffLabels = useMemo(() => [...new Set(staff.map((s) => s.label))], [staff]);
  const keptLabel = useMemo(() => (kept ? everyone.find((o) => o.value === kept.id)?.label ?? null : null), [kept, everyone]);

  // the task's units as they were: a tag left as it was keeps its unit even if its label changed since
  const [original] = useState(() => new Map([...(editing?.lead ?? []), ...(editing?.coordinating ?? [])].map((r) => [r.name, r])));
  const refs = (tags: string[]) =>
    tags.map((tag) => {
      const u = byLabel.get(tag);
      if (u) return { unitId: u.id, name: u.name };
      return original.get(tag) ?? { unitId: null, name: tag };
    });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const responsible = resolveResponsible(
      f.responsible,
      kept && { ...kept, label: keptLabel },
      staff.map((o) => ({ id: o.value, label: o.label, fullName: o.staff.fullName })),
    );
    const data = {
      year: f.year,
      quarter: f.quarter,
      dueDate: f.dueDate,
      title: f.title,
      description: f.description,
      timing: f.timing,
      lead: refs(f.lead),
      coordinating: refs(f.coordinating),
      responsibleStaffId: responsible.staffId,
      responsibleName: responsible.name,
      status: f.status,
    };
    const saved = await run(() => (editing ? call('tasks.update', { id: editing.id, data, expectedUpdatedAt: editing.updatedAt }) : call('tasks.create', data)));
    if (saved) onDone(saved);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormError error={error} />
        <Textarea
          label={T.form.title}
          required
          autosize
          minRows={2}
          value={f.title}
          onChange={(e) => setF({ ...f, title: e.currentTarget.value })}
          data-autofocus
          data-testid="task-form-title"
        />
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput label={T.form.year} value={f.year} onChange={(v) => setF({ ...f, year: Number(v) || f.year })} min={1990} max={2200} allowDecimal={false} thousandSeparator={false} />
          <Select
            label={T.form.quarter}
            data={[{ value: NONE, label: T.form.noQuarter }, ...QUARTERS.map((q) => ({ value: String(q), label: T.quarter(quarterRoman(q)) }))]}
            value={String(f.quarter ?? NONE)}
            onChange={(v) => setF({ ...f, quarter: !v || v === NONE ? null : (Number(v) as Quarter) })}
            allowDeselect={false}
            data-testid="task-form-quarter"
          />
          <TextInput
            label={T.form.dueDate}
            placeholder={T.form.datePlaceholder}
            description={T.form.dueHint}
            inputWrapperOrder={['label', 'input', 'description']}
            value={f.dueDate}
            onChange={(e) => setF({ ...f, dueDate: e.currentTarget.value })}
            data-testid="task-form-due"
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
        <TagsInput
          label={T.form.lead}
          description={T.form.unitsHint}
          inputWrapperOrder={['label', 'input', 'description']}
          data={unitNames}
          value={f.lead}
          onChange={(v) => setF({ ...f, lead: v })}
          splitChars={[';']}
          clearable
          data-testid="task-form-lead"
        />
        <TagsInput
          label={T.form.coordinating}
          data={unitNames}
          value={f.coordinating}
          onChange={(v) => setF({ ...f, coordinating: v })}
          splitChars={[';']}
          clearable
          data-testid="task-form-coordinating"
        />
        <SimpleGrid cols={2}>
          <Autocomplete
            label={T.form.responsible}
            description={T.form.responsibleHint}
            inputWrapperOrder={['label', 'input', 'description']}
            data={staffLabels}
            value={f.responsible}
            onChange={(v) => setF({ ...f, responsible: v })}
            limit={30}
            data-testid="task-form-responsible"
          />
          <Select
            label={T.form.status}
            data={TASK_STATUS_OPTIONS}
            value={f.status}
            onChange={(v) => setF({ ...f, status: (v ?? 'chua_thuc_hien') as TaskStatus })}
            allowDeselect={false}
            data-testid="task-form-status"
          />
        </SimpleGrid>
        {(editing?.timing || f.timing) && (
          <TextInput label={T.form.timing} value={f.timing} onChange={(e) => setF({ ...f, timing: e.currentTarget.value })} />
        )}
        <Textarea label={T.form.description} autosize minRows={2} value={f.description} onChange={(e) => setF({ ...f, description: e.currentTarget.value })} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => cancel(onCancel)}>
            {T.form.cancel}
          </Button>
          <Button type="submit" loading={busy} data-testid="task-form-save">
            {T.form.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
