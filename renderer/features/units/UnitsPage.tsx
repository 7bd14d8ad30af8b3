import { useEffect, useMemo, useRef, useState } from 'react';
import { ActionIcon, Alert, Badge, Box, Button, Group, Menu, Modal, Paper, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { Unit } from '../../../shared/contract/units';
import { UNIT_KIND_LABELS, buildUnitTree, flattenUnitTree, subtreeOf, subtreeTotals, unitAncestry, unitTreeOptions, unitTreeRows, type UnitNode, type UnitTreeRow } from '../../../shared/units/tree';
import { useRouter } from '../../app/router';
import { call } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { useStaff } from '../staff/store';
import { useUnits } from './store';
import './units.css';
import { useOfficeOptions } from './offices';
import { UnitForm } from './UnitForm';
import { OutlineForm } from './OutlineForm';
import { T } from './strings';
import { GuardedModal } from '../../lib/GuardedModal';

type Dialog =
  | { kind: 'create'; parentId: string | null }
  | { kind: 'many'; parentId: string | null }
  | { kind: 'edit'; unit: Unit }
  | { kind: 'move'; unit: Unit }
  | { kind: 'merge'; unit: Unit }
  | null;

function hideInactive(nodes: UnitNode[]): UnitNode[] {
  return nodes.filter((n) => n.unit.active).map((n) => ({ ...n, children: hideInactive(n.children) }));
}

type Row = { kind: 'office'; id: string; name: string; count: number } | { kind: 'unit'; row: UnitTreeRow; total: number };

/** Above this many units the tree starts with every unit closed (a province: ≈150). */
const BIG_TREE = 40;

export function UnitsPage() {
  const { units, error, refresh, collapsed, setCollapsed } = useUnits();
  const go = useRouter((s) => s.go);
  const [showInactive, setShowInactive] = useState(false);
  const [search, setSearch] = useState('');
  const [dialog, setDialog] = useState<Dialog>(null);
  const [officeFilter, setOfficeFilter] = useState<string>('all');
  const { ownId, multiOffice, options: officeOptions } = useOfficeOptions();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const closed = useMemo(() => collapsed ?? new Set(units.length > BIG_TREE ? units.map((u) => u.id) : []), [collapsed, units]);
  const searching = search.trim().length > 0;

  const { rows, matches, nested } = useMemo(() => {
    let matches = 0;
    let nested = false;
    const treeRows = (list: Unit[]) => {
      const whole = buildUnitTree(list);
      const totals = subtreeTotals(whole);
      const tree = showInactive ? whole : hideInactive(whole);
      nested ||= tree.some((n) => n.children.length > 0);
      const shown = unitTreeRows(tree, closed, search);
      matches += shown.matches;
      return { count: flattenUnitTree(tree).length, rows: shown.rows.map((row): Row => ({ kind: 'unit', row, total: totals.get(row.node.unit.id)! })) };
    };
    if (!multiOffice) return { rows: treeRows(units).rows, matches, nested };
    const out: Row[] = [];
    for (const o of officeOptions) {
      if (officeFilter !== 'all' && officeFilter !== o.value) continue;
      const of = units.filter((u) => u.officeId === o.value);
      // the own office without units of its own yet gets no empty heading, nor one without matches
      const body = treeRows(of);
      if (body.rows.length === 0) continue;
      out.push({ kind: 'office', id: o.value, name: o.label, count: body.count }, ...body.rows);
    }
    return { rows: out, matches, nested };
  }, [units, showInactive, multiOffice, officeFilter, officeOptions, closed, search]);

  const toggle = (id: string) => {
    const next = new Set(closed);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setCollapsed(next);
  };
  /** open a unit and its parents, so a unit just added or moved under it is seen */
  const reveal = (id: string | null) => {
    if (!id) return;
    const next = new Set(closed);
    for (const u of unitAncestry(new Map(units.map((x) => [x.id, x])), id)) next.delete(u.id);
    if (next.size !== closed.size) setCollapsed(next);
  };
  const viewStaff = (u: Unit) => {
    const { filter, showFilter } = useStaff.getState();
    // an office filter set on the staff screen follows the unit
    showFilter({ ...filter, search: '', unitId: u.id, status: 'dang_cong_tac', officeId: filter.officeId === null ? null : u.officeId });
    go('staff');
  };
  /** pickers (parent, move target) only offer units of the same office */
  const sameOffice = (officeId: string) => units.filter((u) => u.officeId === officeId);

  const fail = (e: unknown) => notifications.show({ color: 'red', title: 'Không thực hiện được', message: (e as Error).message });

  /** `working`: the people at work in the unit and its sub-units (they stay in it, stopped) */
  const setActive = (u: Unit, active: boolean, working = 0) => {
    const run = async () => {
      try {
        await call('units.setActive', { id: u.id, active });
        await refresh();
      } catch (e) {
        fail(e);
      }
    };
    if (active) return void run();
    modals.openConfirmModal({
      title: T.confirmDeactivateTitle,
      children: (
        <Stack gap="xs">
          <Text size="sm">{T.confirmDeactivate(u.name)}</Text>
          {working > 0 && (
            <Alert color="yellow" data-testid="deactivate-working">
              <Text size="sm">{T.stillWorking(working)}</Text>
            </Alert>
          )}
        </Stack>
      ),
      labels: { confirm: T.deactivate, cancel: T.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-deactivate' } as never,
      onConfirm: () => void run(),
    });
  };
  // the tree by keyboard (WAI-ARIA tree): one row in the Tab order, arrows move and open/close
  const treeRef = useRef<HTMLDivElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  // a unit another screen links to (the quick search): the tree opens down to it, it is scrolled
  // to, focused and marked for a moment
  const unitToShow = useUnits((s) => s.unitToShow);
  const [shownId, setShownId] = useState<string | null>(null);
  useEffect(() => {
    const u = unitToShow ? units.find((x) => x.id === unitToShow) : undefined;
    if (!u) return; // not loaded yet: this runs again when the units arrive
    useUnits.setState({ unitToShow: null });
    setSearch('');
    setOfficeFilter('all');
    if (!u.active) setShowInactive(true);
    reveal(u.id);
    setShownId(u.id);
  }, [unitToShow, units]);
  useEffect(() => {
    if (!shownId) return;
    const el = treeRef.current?.querySelector<HTMLElement>(`[data-unit-id="${shownId}"]`);
    if (el) {
      el.scrollIntoView({ block: 'center' });
      el.focus({ preventScroll: true });
    }
    const t = setTimeout(() => setShownId(null), 2500);
    return () => clearTimeout(t);
  }, [shownId]);
  const unitRows = rows.flatMap((r) => (r.kind === 'unit' ? [r.row] : []));
  const tabStop = unitRows.some((r) => r.node.unit.id === focusId) ? focusId : unitRows[0]?.node.unit.id;
  const focusRow = (id: string | undefined) => {
    if (id) treeRef.current?.querySelector<HTMLElement>(`[data-unit-id="${id}"]`)?.focus();
  };
  const onRowKey = (e: React.KeyboardEvent, row: UnitTreeRow) => {
    if (e.target !== e.currentTarget) return; // keys of the row's buttons are theirs
    const at = unitRows.indexOf(row);
    const id = row.node.unit.id;
    const parentRow = () => {
      for (let i = at - 1; i >= 0; i--) if (unitRows[i]!.node.depth < row.node.depth) return unitRows[i];
      return undefined;
    };
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusRow(unitRows[at + 1]?.node.unit.id),
      ArrowUp: () => focusRow(unitRows[at - 1]?.node.unit.id),
      Home: () => focusRow(unitRows[0]?.node.unit.id),
      End: () => focusRow(unitRows[unitRows.length - 1]?.node.unit.id),
      ArrowRight: () => {
        if (row.hasChildren && !row.expanded && !searching) toggle(id);
        else if (row.expanded) focusRow(unitRows[at + 1]?.node.unit.id);
      },
      ArrowLeft: () => {
        if (row.expanded && !searching) toggle(id);
        else focusRow(parentRow()?.node.unit.id);
      },
    };
    const move = moves[e.key];
    if (!move) return;
    e.preventDefault();
    move();
  };

  const renderUnitRow = (row: UnitTreeRow, total: number) => {
    const { node: { unit: u, depth }, hasChildren, expanded, match } = row;
    return (
    <Group
                key={u.id}
                role="treeitem"
                aria-level={depth + 1}
                aria-expanded={hasChildren ? expanded : undefined}
                tabIndex={u.id === tabStop ? 0 : -1}
                onFocus={(e) => e.target === e.currentTarget && setFocusId(u.id)}
                onKeyDown={(e) => onRowKey(e, row)}
                data-unit-id={u.id}
                className="unit-row"
                gap="xs"
                wrap="nowrap"
                py={6}
                // not px="md": Mantine's padding-inline overrode this paddingLeft and the tree drew flat
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', paddingLeft: 8 + depth * 24, paddingRight: 16, opacity: u.active ? 1 : 0.55 }}
                data-testid="unit-row"
                data-match={match || undefined}
                data-shown={u.id === shownId || undefined}
              >
                {/* the toggle stays beside the name's first line however long the name wraps */}
                {hasChildren && !searching ? (
                  <ActionIcon variant="subtle" color="gray" size="sm" onClick={() => toggle(u.id)} aria-label={expanded ? T.collapse(u.name) : T.expand(u.name)} data-testid="unit-toggle" style={{ alignSelf: 'flex-start', marginTop: 2 }}>
                    {expanded ? '▾' : '▸'}
                  </ActionIcon>
                ) : (
                  <Box w={22} style={{ flexShrink: 0 }} />
                )}
                <Group gap="xs" style={{ flex: 1, minWidth: 0 }}>
                  <Text fw={depth === 0 ? 600 : 400} component={match ? 'mark' : 'span'} className={match ? 'unit-match' : undefined} data-testid="unit-label">
                    {u.name}
                  </Text>
                  {u.code && (
                    <Badge variant="outline" color="gray" size="sm">
                      {u.code}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {UNIT_KIND_LABELS[u.kind]} · {T.staffCount(u.staffCount, total)}
                  </Text>
                  {!u.active && (
                    <Badge color="gray" size="sm">
                      {T.inactive}
                    </Badge>
                  )}
                </Group>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Thao tác với ${u.name}`}>
                      ⋯
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item onClick={() => viewStaff(u)} data-testid="unit-view-staff">
                      {T.viewStaff}
                    </Menu.Item>
                    <Menu.Item onClick={() => setDialog({ kind: 'create', parentId: u.id })} disabled={!u.active}>
                      {T.addChild}
                    </Menu.Item>
                    <Menu.Item onClick={() => setDialog({ kind: 'many', parentId: u.id })} disabled={!u.active} data-testid="unit-add-many">
                      {T.addManyChild}
                    </Menu.Item>
                    <Menu.Item onClick={() => setDialog({ kind: 'edit', unit: u })}>{T.edit}</Menu.Item>
                    <Menu.Item onClick={() => setDialog({ kind: 'move', unit: u })}>{T.move}</Menu.Item>
                    <Menu.Item onClick={() => setDialog({ kind: 'merge', unit: u })} data-testid="unit-merge">
                      {T.merge.action}
                    </Menu.Item>
                    {u.active ? (
                      <Menu.Item color="red" onClick={() => setActive(u, false, total)} data-testid="unit-deactivate">
                        {T.deactivate}
                      </Menu.Item>
                    ) : (
                      <Menu.Item onClick={() => setActive(u, true)}>{T.activate}</Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Group>
    );
  };

  return (
    <Stack maw={1000}>
      <Group justify="space-between">
        <div>
          <Title order={2}>{T.title}</Title>
          <Text c="dimmed" size="sm">
            {T.intro}
          </Text>
        </div>
        <Group>
          {multiOffice && (
            <Select
              aria-label={T.officeFilter}
              data={[{ value: 'all', label: T.allOffices }, ...officeOptions]}
              value={officeFilter}
              onChange={(v) => setOfficeFilter(v ?? 'all')}
              allowDeselect={false}
              w={300}
              data-testid="unit-office-filter"
            />
          )}
          <Switch label={T.showInactive} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
          <Button variant="default" onClick={() => setDialog({ kind: 'many', parentId: null })} data-testid="units-many">
            {T.addMany}
          </Button>
          <Button onClick={() => setDialog({ kind: 'create', parentId: null })} data-testid="unit-add">
            {T.addRoot}
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {units.length > 0 && (
        <Group justify="space-between" align="flex-end">
          <Group align="flex-end">
            <TextInput
              label={T.search}
              placeholder={T.searchPlaceholder}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={380}
              data-testid="unit-search"
            />
            {searching && (
              <Text size="sm" c="dimmed" pb={8} data-testid="unit-matches">
                {T.matches(matches)}
              </Text>
            )}
          </Group>
          {nested && !searching && (
            <Group gap="xs">
              <Button variant="default" size="xs" onClick={() => setCollapsed(new Set())} data-testid="unit-expand-all">
                {T.expandAll}
              </Button>
              <Button variant="default" size="xs" onClick={() => setCollapsed(new Set(units.map((u) => u.id)))} data-testid="unit-collapse-all">
                {T.collapseAll}
              </Button>
            </Group>
          )}
        </Group>
      )}
      <Paper withBorder>
        {rows.length === 0 ? (
          <Text p="lg" c="dimmed" data-testid="unit-empty">
            {searching ? T.noMatch(search.trim()) : T.empty}
          </Text>
        ) : (
          <div role="tree" aria-label={T.title} ref={treeRef}>
            {rows.map((r) =>
              r.kind === 'office' ? (
                <Group key={`office-${r.id}`} px="md" py={8} bg="gray.0" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }} data-testid="unit-office-header" data-office={r.id}>
                  <Text fw={700} size="sm">
                    {r.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {T.unitCount(r.count)}
                  </Text>
                </Group>
              ) : (
                renderUnitRow(r.row, r.total)
              ),
            )}
          </div>
        )}
      </Paper>


      <GuardedModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' ? T.editTitle : T.createTitle}
        size="lg"
      >
        {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
          <UnitForm
            units={
              dialog.kind === 'edit'
                ? sameOffice(dialog.unit.officeId)
                : sameOffice(units.find((u) => u.id === dialog.parentId)?.officeId ?? ownId)
            }
            editing={dialog.kind === 'edit' ? dialog.unit : null}
            defaultParentId={dialog.kind === 'create' ? dialog.parentId : null}
            onCancel={() => setDialog(null)}
            onDone={(saved) => {
              setDialog(null);
              notifications.show({ color: 'green', message: T.saved });
              reveal(saved.parentId);
              void refresh();
            }}
          />
        )}
      </GuardedModal>
      <GuardedModal opened={dialog?.kind === 'many'} onClose={() => setDialog(null)} title={T.many.title} size="xl">
        {dialog?.kind === 'many' && (
          <OutlineForm
            units={sameOffice(units.find((u) => u.id === dialog.parentId)?.officeId ?? ownId)}
            defaultParentId={dialog.parentId}
            onCancel={() => setDialog(null)}
            onDone={(created, parentId) => {
              setDialog(null);
              notifications.show({ color: 'green', message: T.many.done(created) });
              reveal(parentId);
              void refresh();
            }}
          />
        )}
      </GuardedModal>
      <Modal opened={dialog?.kind === 'move'} onClose={() => setDialog(null)} title={T.moveTitle}>
        {dialog?.kind === 'move' && (
          <MoveForm
            unit={dialog.unit}
            units={sameOffice(dialog.unit.officeId)}
            onDone={(parentId) => {
              setDialog(null);
              notifications.show({ color: 'green', message: T.moved });
              reveal(parentId);
              void refresh();
            }}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'merge'} onClose={() => setDialog(null)} title={T.merge.title} size="lg">
        {dialog?.kind === 'merge' && (
          <MergeForm
            unit={dialog.unit}
            units={sameOffice(dialog.unit.officeId)}
            onCancel={() => setDialog(null)}
            onDone={(r) => {
              setDialog(null);
              notifications.show({ color: 'green', message: T.merge.done(dialog.unit.name, r.target.name, r.staffMoved, r.unitsMoved, r.tasksMoved) });
              reveal(r.target.id);
              void refresh();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

/** "Sáp nhập vào đơn vị khác": the unit's people at work and sub-units go to the chosen unit, the unit stops. */
function MergeForm({ unit, units, onCancel, onDone }: { unit: Unit; units: Unit[]; onCancel(): void; onDone(r: { staffMoved: number; unitsMoved: number; tasksMoved: number; target: Unit }): void }) {
  const [target, setTarget] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();
  // not the unit itself nor anything under it; only units at work
  const inside = subtreeOf(units, unit.id);
  const options = flattenUnitTree(buildUnitTree(units.filter((u) => u.active && !inside.has(u.id))));
  const children = units.filter((u) => u.parentId === unit.id);
  const chosen = units.find((u) => u.id === target);
  const submit = async () => {
    if (!target) return;
    const r = await run(() => call('units.merge', { id: unit.id, targetId: target }));
    if (r) onDone(r);
  };
  return (
    <Stack>
      {error && (
        <Alert color="red" data-testid="unit-merge-error">
          {error}
        </Alert>
      )}
      <Text size="sm">{T.merge.intro(unit.name)}</Text>
      <Select
        label={T.merge.target}
        placeholder={T.merge.targetPlaceholder}
        data={unitTreeOptions(options)}
        value={target}
        onChange={(v) => {
          setTarget(v);
          setError(null);
        }}
        searchable
        data-testid="unit-merge-target"
      />
      {chosen && (
        <Alert color="blue" data-testid="unit-merge-summary">
          <Text size="sm">{T.merge.summary(unit.name, chosen.name, unit.staffCount, children.length)}</Text>
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {T.cancel}
        </Button>
        <Button color="red" disabled={!chosen} loading={busy} onClick={() => void submit()} data-testid="unit-merge-confirm">
          {T.merge.confirm}
        </Button>
      </Group>
    </Stack>
  );
}

function MoveForm({ unit, units, onDone }: { unit: Unit; units: Unit[]; onDone(parentId: string | null): void }) {
  const [target, setTarget] = useState<string>(unit.parentId ?? '__root__');
  const [error, setError] = useState<string | null>(null);
  const options = flattenUnitTree(buildUnitTree(units.filter((u) => u.active)));
  const submit = async () => {
    try {
      const parentId = target === '__root__' ? null : target;
      await call('units.move', { id: unit.id, parentId });
      onDone(parentId);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Stack>
      {error && <Alert color="red">{error}</Alert>}
      <Text size="sm">{unit.name}</Text>
      <Select
        label={T.moveTo}
        data={[{ value: '__root__', label: T.noParent }, ...unitTreeOptions(options)]}
        value={target}
        onChange={(v) => setTarget(v ?? '__root__')}
        searchable
        allowDeselect={false}
      />
      <Group justify="flex-end">
        <Button onClick={() => void submit()}>{T.move}</Button>
      </Group>
    </Stack>
  );
}
