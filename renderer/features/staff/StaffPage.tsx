import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Paper, Select, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Staff, StaffStatus } from '../../../shared/contract/staff';
import { CATEGORY_LABELS, GENDER_LABELS, STATUS_LABELS } from '../../../shared/staff/labels';
import { buildUnitTree, flattenUnitTree } from '../../../shared/units/tree';
import { formatDateVi } from '../../../shared/text/vn';
import { call, saveFile } from '../../lib/api';
import { useUnits } from '../units/store';
import { useStaff } from './store';
import { StaffForm } from './StaffForm';
import { ImportDialog } from './ImportDialog';
import { T } from './strings';

const ROW_HEIGHT = 38;
const GRID = 'minmax(200px, 2fr) 70px 100px minmax(160px, 2fr) minmax(120px, 1.4fr) 120px 120px 96px';
const ALL = '__all__';

export function StaffPage() {
  const { units, refresh: refreshUnits } = useUnits();
  const { filter, rows, loading, error, setFilter, refresh } = useStaff();
  const [search, setSearch] = useState(filter.search);
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; staff: Staff } | { kind: 'import' } | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void refreshUnits();
    void refresh();
  }, [refresh, refreshUnits]);

  // debounce typing; the core answers a 30,000-row search in milliseconds
  useEffect(() => {
    if (search === filter.search) return;
    const t = setTimeout(() => setFilter({ search }), 120);
    return () => clearTimeout(t);
  }, [search, filter.search, setFilter]);

  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const unitOptions = useMemo(() => flattenUnitTree(buildUnitTree(units)), [units]);

  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const remove = (s: Staff) =>
    modals.openConfirmModal({
      title: T.confirmDeleteTitle,
      children: <Text size="sm">{T.confirmDelete(s.fullName)}</Text>,
      labels: { confirm: T.delete, cancel: T.form.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as never,
      onConfirm: () =>
        void call('staff.delete', { id: s.id })
          .then(() => {
            notifications.show({ color: 'green', message: T.deleted });
            void refresh();
            void refreshUnits();
          })
          .catch((e: Error) => notifications.show({ color: 'red', message: e.message })),
    });

  const exportXlsx = async () => {
    setExporting(true);
    try {
      saveFile(await call('staff.export', { ...filter, includeSubunits: true }));
      notifications.show({ color: 'green', message: T.exported });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Chưa xuất được', message: (e as Error).message });
    } finally {
      setExporting(false);
    }
  };

  const afterChange = () => {
    void refresh();
    void refreshUnits();
  };

  return (
    <Stack h="calc(100vh - 84px)" gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="baseline">
          <Title order={2}>{T.title}</Title>
          <Text c="dimmed" data-testid="staff-count">
            {T.count(rows.length)}
          </Text>
          {loading && <Loader size="xs" />}
        </Group>
        <Group>
          <Button variant="default" onClick={() => setDialog({ kind: 'import' })} data-testid="staff-import">
            {T.import}
          </Button>
          <Button variant="default" onClick={() => void exportXlsx()} loading={exporting} data-testid="staff-export">
            {T.export}
          </Button>
          <Button onClick={() => setDialog({ kind: 'create' })} data-testid="staff-add">
            {T.add}
          </Button>
        </Group>
      </Group>
      <Group grow>
        <TextInput
          placeholder={T.search}
          aria-label={T.search}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          data-testid="staff-search"
        />
        <Select
          aria-label={T.unitFilter}
          data={[{ value: ALL, label: T.allUnits }, ...unitOptions.map((n) => ({ value: n.unit.id, label: `${'— '.repeat(n.depth)}${n.unit.name}` }))]}
          value={filter.unitId ?? ALL}
          onChange={(v) => setFilter({ unitId: !v || v === ALL ? null : v })}
          searchable
          allowDeselect={false}
          data-testid="staff-unit-filter"
        />
        <Select
          aria-label={T.statusFilter}
          data={[{ value: 'all', label: T.allStatuses }, ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))]}
          value={filter.status}
          onChange={(v) => setFilter({ status: (v ?? 'dang_cong_tac') as StaffStatus | 'all' })}
          allowDeselect={false}
          data-testid="staff-status-filter"
        />
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <div
          style={{ display: 'grid', gridTemplateColumns: GRID, gap: 8, padding: '8px 12px', fontWeight: 600, fontSize: 14, borderBottom: '1px solid var(--mantine-color-gray-3)' }}
          role="row"
        >
          <span>{T.cols.name}</span>
          <span>{T.cols.gender}</span>
          <span>{T.cols.birth}</span>
          <span>{T.cols.unit}</span>
          <span>{T.cols.position}</span>
          <span>{T.cols.category}</span>
          <span>{T.cols.status}</span>
          <span />
        </div>
        <div ref={parentRef} style={{ flex: 1, overflow: 'auto' }} data-testid="staff-scroll">
          {rows.length === 0 && !loading ? (
            <Text p="lg" c="dimmed">
              {T.empty}
            </Text>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
              {virtualizer.getVirtualItems().map((v) => {
                const s = rows[v.index]!;
                return (
                  <div
                    key={s.id}
                    role="row"
                    data-testid="staff-row"
                    style={{
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_HEIGHT,
                      transform: `translateY(${v.start}px)`,
                      display: 'grid',
                      gridTemplateColumns: GRID,
                      gap: 8,
                      alignItems: 'center',
                      padding: '0 12px',
                      fontSize: 14,
                      borderBottom: '1px solid var(--mantine-color-gray-1)',
                    }}
                  >
                    <UnstyledButton onClick={() => setDialog({ kind: 'edit', staff: s })} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                      <Text span fw={500} size="sm" data-testid="staff-row-name">
                        {s.fullName}
                      </Text>
                      {s.isLeader && (
                        <Badge ml={6} size="xs" variant="light">
                          LĐ
                        </Badge>
                      )}
                    </UnstyledButton>
                    <span>{s.gender ? GENDER_LABELS[s.gender] : ''}</span>
                    <span>{formatDateVi(s.birthDate)}</span>
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{s.unitId ? unitNames.get(s.unitId) : ''}</span>
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{s.position}</span>
                    <span>{s.category ? CATEGORY_LABELS[s.category] : ''}</span>
                    <span>{STATUS_LABELS[s.status]}</span>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ kind: 'edit', staff: s })}>
                        {T.edit}
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(s)} data-testid="staff-delete">
                        {T.delete}
                      </Button>
                    </Group>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </Paper>

      <Modal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' ? T.form.editTitle : T.form.createTitle}
        size="xl"
      >
        {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
          <StaffForm
            units={units}
            editing={dialog.kind === 'edit' ? dialog.staff : null}
            defaultUnitId={filter.unitId}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              notifications.show({ color: 'green', message: T.form.saved });
              afterChange();
            }}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'import'} onClose={() => setDialog(null)} title={T.import} size="95%">
        {dialog?.kind === 'import' && (
          <ImportDialog
            onClose={() => setDialog(null)}
            onImported={() => {
              setDialog(null);
              afterChange();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
