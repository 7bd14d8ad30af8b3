import { useState } from 'react';
import { Button, Group, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import type { Unit, UnitKind } from '../../../shared/contract/units';
import { UNIT_KIND_LABELS, buildUnitTree, flattenUnitTree, unitTreeOptions } from '../../../shared/units/tree';
import { call } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { useUnsavedForm } from '../../lib/GuardedModal';
import { T } from './strings';

interface Props {
  units: Unit[];
  editing: Unit | null;
  defaultParentId: string | null;
  onDone(u: Unit): void;
  onCancel(): void;
}

const ROOT = '__root__';

export function UnitForm({ units, editing, defaultParentId, onDone, onCancel }: Props) {
  const [f, setF] = useState({
    name: editing?.name ?? '',
    code: editing?.code ?? '',
    kind: (editing?.kind ?? 'phong_chuyen_mon') as UnitKind,
    parentId: editing ? editing.parentId : defaultParentId,
    sortOrder: editing?.sortOrder ?? 0,
    note: editing?.note ?? '',
  });
  const { busy, error, run } = useAction();
  const { cancel } = useUnsavedForm(f, T.unsaved(editing?.name ?? null));
  const parents = flattenUnitTree(buildUnitTree(units)).filter((n) => n.unit.id !== editing?.id);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const saved = await run(() => (editing ? call('units.update', { id: editing.id, ...f }) : call('units.create', f)));
    if (saved) onDone(saved);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormError error={error} />
        <TextInput label={T.name} required value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} data-autofocus data-testid="unit-name" />
        <Group grow>
          <TextInput label={T.code} value={f.code} onChange={(e) => setF({ ...f, code: e.currentTarget.value })} />
          <Select
            label={T.kind}
            data={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={f.kind}
            onChange={(v) => setF({ ...f, kind: (v ?? 'phong_chuyen_mon') as UnitKind })}
            allowDeselect={false}
          />
        </Group>
        {!editing && (
          <Select
            label={T.parent}
            data={[{ value: ROOT, label: T.noParent }, ...unitTreeOptions(parents)]}
            value={f.parentId ?? ROOT}
            onChange={(v) => setF({ ...f, parentId: !v || v === ROOT ? null : v })}
            searchable
            allowDeselect={false}
          />
        )}
        <NumberInput label={T.sortOrder} value={f.sortOrder} onChange={(v) => setF({ ...f, sortOrder: Number(v) || 0 })} w={160} />
        <Textarea label={T.note} value={f.note} onChange={(e) => setF({ ...f, note: e.currentTarget.value })} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={() => cancel(onCancel)}>
            {T.cancel}
          </Button>
          <Button type="submit" loading={busy} data-testid="unit-save">
            {T.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
