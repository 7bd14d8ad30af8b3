// Thùng rác: the office's deleted records, newest first, filtered by kind and searched; each put
// back with one click, or — when that would orphan or duplicate something — the reason shown;
// several ticked are put back together (a list of people deleted by mistake) or none.
import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Group, Loader, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { TRASH_KINDS, TRASH_MAX, TRASH_PAGE, type TrashItem, type TrashKind, type TrashList } from '../../../shared/contract/trash';
import { formatDateTimeVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { useDebouncedSearch } from '../../lib/useDebouncedSearch';
import { TickedBar } from '../../lib/TickedBar';
import { R } from './strings';

export function TrashPage() {
  const [kind, setKind] = useState<TrashKind | null>(null);
  const [search, setSearch] = useState('');
  const [typed, setTyped] = useDebouncedSearch(search, setSearch);
  const [limit, setLimit] = useState(TRASH_PAGE);
  const [list, setList] = useState<TrashList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [restoring, setRestoring] = useState<string | null>(null);
  // ticked rows, by kind:id; a new filter or page of results starts afresh
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());

  const load = useCallback(async () => {
    setLoading(true);
    try {
      setList(await call('trash.list', { kind, search, limit }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  }, [kind, search, limit]);
  useEffect(() => {
    void load();
  }, [load]);
  // a new filter starts from the first page
  useEffect(() => setLimit(TRASH_PAGE), [kind, search]);
  useEffect(() => setPicked(new Set()), [list]);

  const restore = async (item: TrashItem) => {
    setRestoring(item.id);
    try {
      const r = await call('trash.restore', { kind: item.kind, id: item.id });
      notifications.show({ color: 'green', message: r.splitFrom ? R.splitDone(r.title, r.splitFrom, r.parts) : R.restored(r.title, r.parts) });
      await load();
    } catch (e) {
      notifications.show({ color: 'red', title: R.failed, message: (e as Error).message, autoClose: 10_000 });
      await load();
    } finally {
      setRestoring(null);
    }
  };

  const restorePicked = async () => {
    const items = (list?.items ?? []).filter((i) => picked.has(keyOf(i))).map((i) => ({ kind: i.kind, id: i.id }));
    setRestoring('*');
    try {
      const r = await call('trash.restoreMany', { items });
      notifications.show({ color: 'green', message: R.restoredMany(r.restored) });
    } catch (e) {
      notifications.show({ color: 'red', title: R.failed, message: (e as Error).message, autoClose: 10_000 });
    } finally {
      setRestoring(null);
      await load();
    }
  };
  const toggle = (key: string) =>
    setPicked((cur) => {
      const next = new Set(cur);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const shownKeys = (list?.items ?? []).map(keyOf);
  const allPicked = shownKeys.length > 0 && shownKeys.every((k) => picked.has(k));

  const counts = list?.counts;
  const allCount = counts ? TRASH_KINDS.reduce((n, k) => n + counts[k], 0) : 0;
  const kindOptions = [
    { value: '', label: R.all(allCount) },
    ...TRASH_KINDS.filter((k) => !counts || counts[k] > 0 || k === kind).map((k) => ({ value: k, label: R.kindOption(R.kinds[k], counts?.[k] ?? 0) })),
  ];

  return (
    <Stack maw={1200}>
      <Group gap="xs" align="baseline">
        <Title order={2}>{R.title}</Title>
        {loading && <Loader size="xs" />}
      </Group>
      <Text size="sm" c="dimmed" maw={900}>
        {R.intro}
      </Text>
      <Group align="flex-end">
        <Select
          label={R.kindLabel}
          data={kindOptions}
          value={kind ?? ''}
          onChange={(v) => setKind((v || null) as TrashKind | null)}
          allowDeselect={false}
          w={280}
          data-testid="trash-kind"
        />
        <TextInput
          label={R.search}
          placeholder={R.searchPlaceholder}
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
          w={380}
          data-testid="trash-search"
        />
      </Group>
      {picked.size > 0 && (
        <TickedBar label={R.picked(picked.size)} hint={R.pickedHint} testId="trash-picked" countTestId="trash-picked-count">
          <Button size="compact-sm" variant="light" color="teal" loading={restoring === '*'} disabled={restoring !== null && restoring !== '*'} onClick={() => void restorePicked()} data-testid="trash-restore-picked">
            {R.restorePicked}
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setPicked(new Set())}>
            {R.clearPicked}
          </Button>
        </TickedBar>
      )}
      {error && (
        <Alert color="red" title={R.loadFailed}>
          {error}
        </Alert>
      )}
      {list && list.items.length === 0 ? (
        <Text c="dimmed" size="sm" data-testid="trash-empty">
          {allCount === 0 ? R.empty : R.noMatch}
        </Text>
      ) : (
        list && (
          <Paper withBorder>
            <Table striped highlightOnHover verticalSpacing="xs" layout="fixed">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={40}>
                    <Checkbox
                      size="xs"
                      aria-label={R.pickAll}
                      checked={allPicked}
                      indeterminate={picked.size > 0 && !allPicked}
                      onChange={() => setPicked(allPicked ? new Set() : new Set(shownKeys))}
                      data-testid="trash-pick-all"
                    />
                  </Table.Th>
                  <Table.Th w={190}>{R.cols.kindAndTime}</Table.Th>
                  <Table.Th>{R.cols.record}</Table.Th>
                  <Table.Th w={150}>{R.cols.by}</Table.Th>
                  <Table.Th w={110}>{R.cols.actions}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.items.map((i) => (
                  <Table.Tr key={keyOf(i)} data-testid="trash-row" data-kind={i.kind}>
                    <Table.Td>
                      <Checkbox size="xs" aria-label={R.pick(i.title)} checked={picked.has(keyOf(i))} onChange={() => toggle(keyOf(i))} data-testid="trash-pick" />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{R.kinds[i.kind]}</Text>
                      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        {formatDateTimeVi(i.deletedAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500} data-testid="trash-title">
                        {i.title}
                      </Text>
                      {i.detail && (
                        <Text size="xs" c="dimmed">
                          {i.detail}
                        </Text>
                      )}
                      {i.blocked && (
                        <Text size="xs" c="red.9" data-testid="trash-blocked">
                          {i.blocked}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{i.deletedBy || R.noActor}</Table.Td>
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="light"
                        color="teal"
                        disabled={Boolean(i.blocked) || (restoring !== null && restoring !== i.id)}
                        loading={restoring === i.id}
                        onClick={() => void restore(i)}
                        data-testid="trash-restore"
                      >
                        {i.mergedInto ? R.split : R.restore}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        )
      )}
      {list && list.total > list.items.length && list.items.length < TRASH_MAX && (
        <Group>
          <Text size="sm" c="dimmed">
            {R.shown(list.items.length, list.total)}
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={() => setLimit((n) => Math.min(n + TRASH_PAGE, TRASH_MAX))} data-testid="trash-more">
            {R.more}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

const keyOf = (i: TrashItem) => `${i.kind}:${i.id}`;
