// "Đơn vị tôi phải làm gì trong quý này": choose a unit → the tasks it leads or coordinates.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Group, Paper, SegmentedControl, Select, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { Task, TaskUnitRef } from '../../../shared/contract/tasks';
import { buildUnitTree, flattenUnitTree, unitTreeOptions } from '../../../shared/units/tree';
import { QUARTERS, quarterRoman, type Quarter } from '../../../shared/tasks/status';
import { foldVi, formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { useUnitLabels, useUnits } from '../units/store';
import { StatusBadge, VirtualList } from './parts';
import { useTasks } from './store';
import { T } from './strings';

const ROW = 52;
const GRID = 'minmax(240px, 1fr) 100px 70px 110px 130px';
const ALL = 'all';

function mentions(refs: readonly TaskUnitRef[], unitId: string, key: string) {
  return refs.some((u) => u.unitId === unitId || (u.unitId === null && foldVi(u.name) === key));
}

export function UnitView() {
  const { units, refresh: refreshUnits } = useUnits();
  const labels = useUnitLabels();
  const { year, boardQuarter, version, openTask } = useTasks();
  const [unitId, setUnitId] = useState<string | null>(null);
  const [role, setRole] = useState<'any' | 'lead' | 'coordinating'>('any');
  const [quarter, setQuarter] = useState<string>(String(boardQuarter ?? 1));
  const [rows, setRows] = useState<Task[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void refreshUnits();
  }, [refreshUnits]);

  useEffect(() => {
    if (!unitId || year === null) return;
    let live = true;
    call('tasks.list', { year, unitId, unitRole: role, quarter: quarter === ALL ? null : (Number(quarter) as Quarter) })
      .then((r) => live && (setRows(r.rows), setError(null)))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [unitId, role, quarter, year, version]);

  const options = useMemo(
    () => unitTreeOptions(flattenUnitTree(buildUnitTree(units))),
    [units],
  );
  const unit = units.find((u) => u.id === unitId) ?? null;
  const key = unit ? foldVi(unit.name) : '';
  const period = quarter === ALL ? `năm ${year}` : `trong quý ${quarterRoman(Number(quarter) as Quarter)} năm ${year}`;

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group align="flex-end">
        <Select
          label={T.unitView.choose}
          placeholder={T.unitView.placeholder}
          data={options}
          value={unitId}
          onChange={setUnitId}
          searchable
          w={360}
          nothingFoundMessage={T.unitView.noUnits}
          data-testid="unit-view-unit"
        />
        <div>
          <Text size="sm" fw={500} mb={4}>
            {T.unitView.quarter}
          </Text>
          <SegmentedControl
            value={quarter}
            onChange={setQuarter}
            data={[...QUARTERS.map((q) => ({ value: String(q), label: T.quarter(quarterRoman(q)) })), { value: ALL, label: T.unitView.allQuarters }]}
          />
        </div>
        <div>
          <Text size="sm" fw={500} mb={4}>
            {T.unitView.role}
          </Text>
          <SegmentedControl
            value={role}
            onChange={(v) => setRole(v as typeof role)}
            data={[
              { value: 'any', label: T.unitView.any },
              { value: 'lead', label: T.unitView.lead },
              { value: 'coordinating', label: T.unitView.coordinating },
            ]}
          />
        </div>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {!unit ? (
        <Text c="dimmed">{units.length ? T.unitView.pick : T.unitView.noUnits}</Text>
      ) : (
        <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
          <Group px="md" py="sm" justify="space-between" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Title order={4}>{T.unitView.heading(labels.get(unit.id) ?? unit.name, period)}</Title>
            <Text c="dimmed" size="sm" data-testid="unit-view-count">
              {T.count(rows.length)}
            </Text>
          </Group>
          <div style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, padding: '6px 16px', fontSize: 13, fontWeight: 600, color: 'var(--mantine-color-dimmed)' }}>
            <span>{T.cols.title}</span>
            <span>{T.unitView.role}</span>
            <span>{T.unitView.quarter}</span>
            <span>{T.cols.due}</span>
            <span>{T.cols.status}</span>
          </div>
          <VirtualList
            items={rows}
            rowHeight={ROW}
            testId="unit-view-list"
            empty={
              <Text p="md" c="dimmed">
                {T.emptyColumn}
              </Text>
            }
            render={(t) => (
              <UnstyledButton
                onClick={() => openTask(t.id)}
                data-testid="unit-view-row"
                style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, alignItems: 'center', height: '100%', padding: '0 16px', borderTop: '1px solid var(--mantine-color-gray-2)', width: '100%' }}
              >
                <Text size="sm" lineClamp={2} title={t.title}>
                  {t.title}
                </Text>
                <Group gap={4}>
                  {mentions(t.lead, unit.id, key) && (
                    <Badge size="sm" variant="light" color="red">
                      {T.unitView.asLead}
                    </Badge>
                  )}
                  {mentions(t.coordinating, unit.id, key) && (
                    <Badge size="sm" variant="light" color="gray">
                      {T.unitView.asCoord}
                    </Badge>
                  )}
                </Group>
                <Text size="sm">{quarterRoman(t.effectiveQuarter)}</Text>
                <Text size="sm" c={t.overdue ? 'red.9' : undefined}>
                  {formatDateVi(t.effectiveDue)}
                </Text>
                <StatusBadge status={t.displayStatus} />
              </UnstyledButton>
            )}
          />
        </Paper>
      )}
    </Stack>
  );
}
