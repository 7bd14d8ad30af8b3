import { useEffect, useState } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { Office, OfficeLevel } from '../../../shared/contract/office';
import { officeHeadTitle } from '../../../shared/documents/agency';
import { call } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { useUnsavedForm } from '../../lib/GuardedModal';
import { T } from './strings';

interface Props {
  initial: Office | null;
  submitLabel: string;
  onSaved(o: Office): void;
}

export function OfficeForm({ initial, submitLabel, onSaved }: Props) {
  const [levels, setLevels] = useState<OfficeLevel[]>([]);
  const [f, setF] = useState({
    name: initial?.name ?? '',
    parentAgency: initial?.parentAgency ?? '',
    levelCode: initial?.levelCode ?? 'so_nganh',
    placeName: initial?.placeName ?? '',
    abbreviation: initial?.abbreviation ?? '',
    headTitle: initial?.headTitle ?? '',
    headName: initial?.headName ?? '',
    superiorName: initial?.superiorName ?? '',
  });
  const { busy, error, run } = useAction();
  // the settings page remounts the form with what was saved (its key), which clears this
  useUnsavedForm(f, T.unsaved);

  useEffect(() => {
    void call('office.levels').then(setLevels);
  }, []);

  const set = (k: keyof typeof f) => (e: React.ChangeEvent<HTMLInputElement>) => setF({ ...f, [k]: e.currentTarget.value });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const saved = await run(() => call('office.save', f));
    if (saved) onSaved(saved);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormError error={error} title="Chưa lưu được" />
        <TextInput label={T.name} description={T.nameHint} required value={f.name} onChange={set('name')} data-testid="office-name" />
        <SimpleGrid cols={2}>
          <TextInput label={T.parentAgency} description={T.parentHint} value={f.parentAgency} onChange={set('parentAgency')} />
          <Select
            label={T.level}
            required
            data={levels.map((l) => ({ value: l.code, label: l.name }))}
            value={f.levelCode}
            onChange={(v) => setF({ ...f, levelCode: v ?? '' })}
            allowDeselect={false}
            data-testid="office-level"
          />
          <TextInput label={T.place} description={T.placeHint} required value={f.placeName} onChange={set('placeName')} data-testid="office-place" />
          <TextInput
            label={T.abbreviation}
            description={T.abbreviationHint}
            required
            value={f.abbreviation}
            onChange={set('abbreviation')}
            // saved in capitals whatever the case typed (the contract's rule): shown so while typing
            styles={{ input: { textTransform: 'uppercase' } }}
            data-testid="office-abbr"
          />
          <TextInput
            label={T.headTitle}
            description={T.headTitleHint}
            // left empty, documents sign with the title the office's name tells
            placeholder={officeHeadTitle({ name: f.name, headTitle: '' })}
            value={f.headTitle}
            onChange={set('headTitle')}
            data-testid="office-head-title"
          />
          <TextInput label={T.headName} value={f.headName} onChange={set('headName')} />
        </SimpleGrid>
        <TextInput label={T.superior} description={T.superiorHint} value={f.superiorName} onChange={set('superiorName')} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy} data-testid="office-save">
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
