// "Dán danh sách…" (a decision's recipients, a dossier's nominees, registrations): many names pasted at once
// (a superior's decision, a Word or Excel table), matched to the office's people as typed
// (shared/staff/paste-list.ts); those alike are chosen here, those not found are listed by line.
// The caller adds the people it is given.
import { useMemo, useState } from 'react';
import { Alert, Button, Group, List, ScrollArea, Select, Stack, Text, Textarea } from '@mantine/core';
import { matchPastedList } from '../../../shared/staff/paste-list';
import { UnitMatcher } from '../../../shared/units/match';
import { useUnsavedForm } from '../../lib/GuardedModal';
import { useUnits } from '../units/store';
import type { StaffChoice, StaffOption } from './choices';
import { T } from './strings';

const P = T.paste;

interface Props {
  options: readonly StaffOption[];
  /** people already on the list (not added twice) */
  present: ReadonlySet<string>;
  onAdd(staffIds: string[]): void;
  onCancel(): void;
  /** the button's text for n people (default "Thêm n người vào danh sách") */
  addLabel?(n: number): string;
}

export function PasteListDialog({ options, present, onAdd, onCancel, addLabel = P.add }: Props) {
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<Record<number, string | null>>({});
  const { cancel } = useUnsavedForm(text.trim() ? text : '', P.unsaved);
  const units = useUnits((s) => s.units);
  const labelOf = useMemo(() => new Map(options.map((o) => [o.value, o.label])), [options]);
  const people = useMemo(() => options.map((o) => o.staff), [options]);
  const matcher = useMemo(() => new UnitMatcher(units), [units]);
  const lines = useMemo(() => {
    const unitIds = (cell: string) => {
      const m = matcher.find(cell);
      return m === null ? null : 'unit' in m ? [m.unit.id] : m.ambiguous.map((u) => u.id);
    };
    return matchPastedList<StaffChoice>(text, people, unitIds);
  }, [text, people, matcher]);

  const found = lines.flatMap((l) => ('person' in l ? [l] : []));
  const alike = lines.flatMap((l) => ('candidates' in l ? [l] : []));
  const missing = lines.flatMap((l) => ('missing' in l ? [l] : []));
  // a choice counts only while its line still names that person (the text may have been edited since)
  const choiceOf = (l: (typeof alike)[number]) => {
    const id = chosen[l.line];
    return id && l.candidates.some((c) => c.id === id) ? id : null;
  };
  const picked = [...found.map((l) => l.person.id), ...alike.map(choiceOf).filter((id): id is string => !!id)];
  const fresh = [...new Set(picked)].filter((id) => !present.has(id));
  const already = new Set(picked.filter((id) => present.has(id))).size;

  return (
    <Stack>
      <Textarea
        label={P.text}
        description={P.hint}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        autosize
        minRows={6}
        maxRows={12}
        data-autofocus
        data-testid="paste-text"
      />
      {found.length > 0 && (
        <Text size="sm" c="green.9" data-testid="paste-found">
          {P.found(found.length)}
        </Text>
      )}
      {already > 0 && (
        <Text size="sm" c="dimmed" data-testid="paste-already">
          {P.already(already)}
        </Text>
      )}
      {alike.length > 0 && (
        <Stack gap={6} data-testid="paste-alike">
          <Text size="sm" fw={600}>
            {P.choose(alike.length)}
          </Text>
          <ScrollArea.Autosize mah={220}>
            <Stack gap={6}>
              {alike.map((l) => (
                <Select
                  key={l.line}
                  label={P.line(l.line, l.name)}
                  placeholder={P.choosePlaceholder}
                  data={l.candidates.map((c) => ({ value: c.id, label: labelOf.get(c.id) ?? c.fullName }))}
                  value={choiceOf(l)}
                  onChange={(v) => setChosen({ ...chosen, [l.line]: v })}
                  clearable
                  data-testid="paste-choose"
                />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Stack>
      )}
      {missing.length > 0 && (
        <Alert color="orange" title={P.missing(missing.length)} data-testid="paste-missing">
          <ScrollArea.Autosize mah={160}>
            <List size="sm">
              {missing.map((l) => (
                <List.Item key={l.line}>{P.line(l.line, l.name)}</List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={() => cancel(onCancel)}>
          {P.cancel}
        </Button>
        <Button disabled={fresh.length === 0} onClick={() => onAdd(fresh)} data-testid="paste-add">
          {addLabel(fresh.length)}
        </Button>
      </Group>
    </Stack>
  );
}
