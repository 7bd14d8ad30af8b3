import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, Menu, Modal, Paper, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { Unit } from '../../../shared/contract/units';
import { UNIT_KIND_LABELS, buildUnitTree, flattenUnitTree, unitTreeOptions, type UnitNode } from '../../../shared/units/tree';
import { call } from '../../lib/api';
import { useUnits } from './store';
import { useOfficeOptions } from './offices';
import { UnitForm } from './UnitForm';
import { T } from './strings';

type Dialog = { kind: 'create'; parentId: string | null } | { kind: 'edit'; unit: Unit } | { kind: 'move'; unit: Unit } | null;

function hideInactive(nodes: UnitNode[]): UnitNode[] {
  return nodes.filter((n) => n.unit.active).map((n) => ({ ...n, children: hideInactive(n.children) }));
}

type Row = { kind: 'office'; id: string; name: string; count: number } | { kind: 'unit'; unit: Unit; depth: number; total: number };

/** Staff in each unit with its sub-units (a department's own count is often 0). */
function subtreeTotals(nodes: UnitNode[], out = new Map<string, number>()): Map<string, number> {
  for (const n of nodes) {
    subtreeTotals(n.children, out);
    out.set(n.unit.id, n.unit.staffCount + n.children.reduce((sum, c) => sum + out.get(c.unit.id)!, 0));
  }
  return out;
}

export function UnitsPage() {
  const { units, error, refresh } = useUnits();
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [officeFilter, setOfficeFilter] = useState<string>('all');
  const { ownId, multiOffice, options: officeOptions } = useOfficeOptions();

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const rows = useMemo((): Row[] => {
    const treeRows = (list: Unit[]) => {
      const tree = buildUnitTree(list);
      const totals = subtreeTotals(tree);
      return flattenUnitTree(showInactive ? tree : hideInactive(tree)).map((n): Row => ({ kind: 'unit', unit: n.unit, depth: n.depth, total: totals.get(n.unit.id)! }));
    };
    if (!multiOffice) return treeRows(units);
    const out: Row[] = [];
    for (const o of officeOptions) {
      if (officeFilter !== 'all' && officeFilter !== o.value) continue;
      const of = units.filter((u) => u.officeId === o.value);
      // the own office without units of its own yet gets no empty heading
      if (of.length === 0) continue;
      const body = treeRows(of);
      out.push({ kind: 'office', id: o.value, name: o.label, count: body.length }, ...body);
    }
    return out;
  }, [units, showInactive, multiOffice, officeFilter, officeOptions]);
  /** pickers (parent, move target) only offer units of the same office */
  const sameOffice = (officeId: string) => units.filter((u) => u.officeId === officeId);

  const fail = (e: unknown) => notifications.show({ color: 'red', title: 'Không thực hiện được', message: (e as Error).message });

  const setActive = (u: Unit, active: boolean) => {
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
      children: <Text size="sm">{T.confirmDeactivate(u.name)}</Text>,
      labels: { confirm: T.deactivate, cancel: T.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-deactivate' } as never,
      onConfirm: () => void run(),
    });
  };
  const renderUnitRow = (u: Unit, depth: number, total: number) => (
    <Group
                key={u.id}
                role="treeitem"
                aria-level={depth + 1}
                justify="space-between"
                py={6}
                // not px="md": Mantine's padding-inline overrode this paddingLeft and the tree drew flat
                style={{ borderBottom: '1px solid var(--mantine-color-gray-2)', paddingLeft: 16 + depth * 24, paddingRight: 16, opacity: u.active ? 1 : 0.55 }}
                data-testid="unit-row"
              >
                <Group gap="xs">
                  <Text fw={depth === 0 ? 600 : 400}>{u.name}</Text>
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
                    <Menu.Item onClick={() => setDialog({ kind: 'create', parentId: u.id })} disabled={!u.active}>
                      {T.addChild}
                    </Menu.Item>
                    <Menu.Item onClick={() => setDialog({ kind: 'edit', unit: u })}>{T.edit}</Menu.Item>
                    <Menu.Item onClick={() => setDialog({ kind: 'move', unit: u })}>{T.move}</Menu.Item>
                    {u.active ? (
                      <Menu.Item color="red" onClick={() => setActive(u, false)}>
                        {T.deactivate}
                      </Menu.Item>
                    ) : (
                      <Menu.Item onClick={() => setActive(u, true)}>{T.activate}</Menu.Item>
                    )}
                  </Menu.Dropdown>
                </Menu>
              </Group>
  );

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
          <Button onClick={() => setDialog({ kind: 'create', parentId: null })} data-testid="unit-add">
            {T.addRoot}
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Paper withBorder>
        {rows.length === 0 ? (
          <Text p="lg" c="dimmed">
            {T.empty}
          </Text>
        ) : (
          <div role="tree" aria-label={T.title}>
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
                renderUnitRow(r.unit, r.depth, r.total)
              ),
            )}
          </div>
        )}
      </Paper>


      <Modal
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
            onDone={() => {
              setDialog(null);
              notifications.show({ color: 'green', message: T.saved });
              void refresh();
            }}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'move'} onClose={() => setDialog(null)} title={T.moveTitle}>
        {dialog?.kind === 'move' && (
          <MoveForm
            unit={dialog.unit}
            units={sameOffice(dialog.unit.officeId)}
            onDone={() => {
              setDialog(null);
              notifications.show({ color: 'green', message: T.moved });
              void refresh();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}

function MoveForm({ unit, units, onDone }: { unit: Unit; units: Unit[]; onDone(): void }) {
  const [target, setTarget] = useState<string>(unit.parentId ?? '__root__');
  const [error, setError] = useState<string | null>(null);
  const options = flattenUnitTree(buildUnitTree(units.filter((u) => u.active)));
  const submit = async () => {
    try {
      await call('units.move', { id: unit.id, parentId: target === '__root__' ? null : target });
      onDone();
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
