// "Tìm người trùng": the groups of records that look like one person entered twice, each with
// what its records hold; the user picks the record to keep and merges, or says they differ.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Group, Loader, Paper, Radio, Stack, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { StaffDuplicateGroup, StaffRecordCounts } from '../../../shared/contract/staff';
import { STATUS_LABELS } from '../../../shared/staff/labels';
import { formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { T } from './strings';

const D = T.duplicates;
const total = (c: StaffRecordCounts) => Object.values(c).reduce((n, x) => n + x, 0);

/** The record holding the most, the earlier one on a tie (the list comes oldest first). */
function defaultKeep(g: StaffDuplicateGroup): string {
  return g.people.reduce((best, p) => (total(p.counts) > total(best.counts) ? p : best), g.people[0]!).id;
}

export function DuplicatesDialog({ onChanged }: { onChanged(): void }) {
  const [groups, setGroups] = useState<StaffDuplicateGroup[] | null>(null);
  const [ignored, setIgnored] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    try {
      const r = await call('staff.duplicates');
      setGroups(r.groups);
      setIgnored(r.ignored);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);
  const done = () => {
    void load();
    onChanged();
  };

  return (
    <Stack data-testid="duplicates-dialog">
      <Text size="sm" c="dimmed">
        {D.intro}
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {groups === null && !error ? (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">{D.loading}</Text>
        </Group>
      ) : (
        groups && (
          <>
            <Group gap="xs">
              <Text size="sm" fw={500} data-testid="duplicates-summary">
                {groups.length ? D.groups(groups.length) : D.none} {ignored > 0 && D.ignoredNote(ignored)}
              </Text>
              {ignored > 0 && (
                <Button size="compact-xs" variant="subtle" onClick={() => void call('staff.unignoreDuplicates').then(load)} data-testid="duplicates-unignore">
                  {D.unignore}
                </Button>
              )}
            </Group>
            {groups.map((g) => (
              <DuplicateGroup key={g.key} group={g} onDone={done} />
            ))}
          </>
        )
      )}
    </Stack>
  );
}

function DuplicateGroup({ group, onDone }: { group: StaffDuplicateGroup; onDone(): void }) {
  const [keep, setKeep] = useState(() => defaultKeep(group));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kept = group.people.find((p) => p.id === keep)!;

  const run = async (fn: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      notifications.show({ color: 'green', message: await fn(), autoClose: 10_000 });
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const merge = () =>
    modals.openConfirmModal({
      title: D.confirmTitle,
      children: <Text size="sm">{D.confirm(`${kept.fullName}${kept.unitLabel ? ` — ${kept.unitLabel}` : ''}`, group.people.length - 1)}</Text>,
      labels: { confirm: D.confirmOk, cancel: D.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-merge' } as never,
      onConfirm: () =>
        void run(async () => {
          const r = await call('staff.merge', { keepId: keep, mergeIds: group.people.filter((p) => p.id !== keep).map((p) => p.id) });
          return D.merged(r.kept.fullName, D.counts(r.moved, null, null), r.dropped, r.filled);
        }),
    });
  const notDuplicate = () =>
    void run(async () => {
      await call('staff.ignoreDuplicates', { key: group.key });
      return D.ignored;
    });

  return (
    <Paper withBorder p="sm" data-testid="duplicate-group">
      <Radio.Group value={keep} onChange={setKeep}>
        <Table verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>{D.keep}</Table.Th>
              <Table.Th>{D.cols.name}</Table.Th>
              <Table.Th>{D.cols.birth}</Table.Th>
              <Table.Th>{D.cols.unit}</Table.Th>
              <Table.Th>{D.cols.position}</Table.Th>
              <Table.Th>{D.cols.status}</Table.Th>
              <Table.Th>{D.cols.records}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {group.people.map((p) => (
              <Table.Tr key={p.id} data-testid="duplicate-person">
                <Table.Td>
                  <Radio value={p.id} aria-label={D.keepLabel(p.fullName, p.unitLabel)} data-testid="duplicate-keep" />
                </Table.Td>
                <Table.Td fw={500}>{p.fullName}</Table.Td>
                <Table.Td>{formatDateVi(p.birthDate)}</Table.Td>
                <Table.Td>{p.unitLabel}</Table.Td>
                <Table.Td>{p.position}</Table.Td>
                <Table.Td>{STATUS_LABELS[p.status]}</Table.Td>
                <Table.Td data-testid="duplicate-records">
                  <Text size="xs">{D.counts(p.counts, p.firstYear, p.lastYear) || D.nothing}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Radio.Group>
      {error && (
        <Alert color="red" mt="xs" style={{ whiteSpace: 'pre-line' }} data-testid="duplicate-error">
          {error}
        </Alert>
      )}
      <Group justify="flex-end" mt="xs">
        <Button variant="default" size="compact-sm" onClick={notDuplicate} disabled={busy} data-testid="duplicate-ignore">
          {D.notDuplicate}
        </Button>
        <Button size="compact-sm" onClick={merge} loading={busy} data-testid="duplicate-merge">
          {D.merge}
        </Button>
      </Group>
    </Paper>
  );
}
