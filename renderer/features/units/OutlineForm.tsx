// "Thêm nhiều đơn vị": a unit tree typed or pasted as lines, previewed as it will be created
// (the core reads the lines with the same parser and creates them all or none).
import { useMemo, useState } from 'react';
import { Alert, Button, Group, List, Paper, ScrollArea, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import type { Unit, UnitKind } from '../../../shared/contract/units';
import { parseUnitOutline } from '../../../shared/units/outline';
import { UNIT_KIND_LABELS, buildUnitTree, flattenUnitTree, unitTreeOptions } from '../../../shared/units/tree';
import { call } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { useUnsavedForm } from '../../lib/GuardedModal';
import { T } from './strings';

const ROOT = '__root__';

interface Props {
  /** the office's own units: where the list may go */
  units: Unit[];
  defaultParentId: string | null;
  onDone(created: number, parentId: string | null): void;
  onCancel(): void;
}

export function OutlineForm({ units, defaultParentId, onDone, onCancel }: Props) {
  const [text, setText] = useState('');
  const [parentId, setParentId] = useState<string | null>(defaultParentId);
  const [kind, setKind] = useState<UnitKind>('phong_chuyen_mon');
  const { busy, error, run } = useAction();
  const { cancel } = useUnsavedForm(text.trim() ? text : '', T.many.unsaved);
  const parsed = useMemo(() => parseUnitOutline(text), [text]);
  const parents = flattenUnitTree(buildUnitTree(units.filter((u) => u.active)));
  const ready = parsed.units.length > 0 && parsed.errors.length === 0;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const r = await run(() => call('units.createMany', { text, parentId, kind }));
    if (r) onDone(r.created, parentId);
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        <FormError error={error} title="Chưa thêm được" />
        <SimpleGrid cols={2}>
          <Select
            label={T.many.parent}
            data={[{ value: ROOT, label: T.noParent }, ...unitTreeOptions(parents)]}
            value={parentId ?? ROOT}
            onChange={(v) => setParentId(!v || v === ROOT ? null : v)}
            searchable
            allowDeselect={false}
            data-testid="units-many-parent"
          />
          <Select
            label={T.many.kind}
            data={Object.entries(UNIT_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            value={kind}
            onChange={(v) => setKind((v ?? 'phong_chuyen_mon') as UnitKind)}
            allowDeselect={false}
          />
        </SimpleGrid>
        <SimpleGrid cols={2}>
          <Textarea
            label={T.many.text}
            description={T.many.hint}
            placeholder={T.many.placeholder}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={10}
            maxRows={18}
            data-autofocus
            data-testid="units-many-text"
            styles={{ input: { fontFamily: 'inherit' } }}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {T.many.preview}
            </Text>
            <Paper withBorder p="xs">
              <ScrollArea.Autosize mah={360}>
                {parsed.units.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {T.many.previewEmpty}
                  </Text>
                ) : (
                  <div data-testid="units-many-preview">
                    {parsed.units.map((u) => (
                      <Text key={u.line} size="sm" pl={u.depth * 20} data-testid="units-many-item">
                        {u.name}
                      </Text>
                    ))}
                  </div>
                )}
              </ScrollArea.Autosize>
            </Paper>
            {parsed.units.length > 0 && (
              <Text size="sm" c="dimmed" data-testid="units-many-count">
                {T.many.count(parsed.units.length)}
              </Text>
            )}
          </Stack>
        </SimpleGrid>
        {parsed.errors.length > 0 && (
          <Alert color="orange" title={T.many.errors(parsed.errors.length)} data-testid="units-many-errors">
            <List size="sm">
              {parsed.errors.map((e) => (
                <List.Item key={e.line}>{e.message}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => cancel(onCancel)}>
            {T.cancel}
          </Button>
          <Button type="submit" loading={busy} disabled={!ready} data-testid="units-many-save">
            {T.many.create(ready ? parsed.units.length : 0)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
