import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Staff, StaffStatus } from '../../../shared/contract/staff';
import { CATEGORY_LABELS, GENDER_LABELS, STATUS_LABELS } from '../../../shared/staff/labels';
import { buildUnitTree, flattenUnitTree } from '../../../shared/units/tree';
import { formatDateVi } from '../../../shared/text/vn';
import { call, saveFile } from '../../lib/api';
import { useUnits } from '../units/store';
import { rowAt, useStaff } from './store';
import { StaffForm } from './StaffForm';
import { ImportDialog } from './ImportDialog';
import { T } from './strings';
import { HistoryButton } from '../awards/HistoryButton';

const ROW_HEIGHT = 38;
const GRID = 'minmax(200px, 2fr) 70px 100px minmax(160px, 2fr) minmax(120px, 1.4fr) 120px 120px 190px';
const ALL = '__all__';
const STATUS_SELECT_DATA = [{ value: 'all', label: T.allStatuses }, ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))];

export function StaffPage() {
  const { units, refresh: refreshUnits } = useUnits();
  const { filter, total, loading, error, setFilter, refresh } = useStaff();
  const [search, setSearch] = useState(filter.search);
  const [dialog, setDialog] = useState<{ kind: 'create' } | { kind: 'edit'; staff: Staff } | { kind: 'import' } | null>(null);
  const [exporting, setExporting] = useState(false);

  useEffect(() => {
    void refreshUnits();
    void refresh();
  }, [refresh, refreshUnits]);

  // search as you type: the core answers from an in-memory index in about a millisecond,
  // and answers to older keystrokes are dropped by the store
  useEffect(() => {
    if (search !== filter.search) setFilter({ search });
  }, [search, filter.search, setFilter]);

  const unitNames = useMemo(() => new Map(units.map((u) => [u.id, u.name])), [units]);
  const unitSelectData = useMemo(
    () => [{ value: ALL, label: T.allUnits }, ...flattenUnitTree(buildUnitTree(units)).map((n) => ({ value: n.unit.id, label: `${'— '.repeat(n.depth)}${n.unit.name}` }))],
    [units],
  );


  const edit = useCallback((s: Staff) => setDialog({ kind: 'edit', staff: s }), []);

  const remove = useCallback((s: Staff) =>
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
    }), [refresh, refreshUnits]);

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
            {T.count(total)}
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
          data={unitSelectData}
          value={filter.unitId ?? ALL}
          onChange={(v) => setFilter({ unitId: !v || v === ALL ? null : v })}
          searchable
          allowDeselect={false}
          data-testid="staff-unit-filter"
        />
        <Select
          aria-label={T.statusFilter}
          data={STATUS_SELECT_DATA}
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
        {total === 0 && !loading ? (
          <Text p="lg" c="dimmed">
            {T.empty}
          </Text>
        ) : (
          <StaffList unitNames={unitNames} onEdit={edit} onDelete={remove} />
        )}
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

/** The virtualised rows: the only part that re-renders while scrolling. */
const StaffList = memo(function StaffList(props: { unitNames: Map<string, string>; onEdit(s: Staff): void; onDelete(s: Staff): void }) {
  const total = useStaff((st) => st.total);
  const pages = useStaff((st) => st.pages);
  const ensureRange = useStaff((st) => st.ensureRange);
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensureRange(first, last), [first, last, pages, ensureRange]);
  return (
    <div ref={parentRef} style={{ flex: 1, overflow: 'auto' }} data-testid="staff-scroll">
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
        {items.map((v) => (
          <StaffRowView key={v.index} s={rowAt(pages, v.index)} top={v.start} unitName={props.unitNames} onEdit={props.onEdit} onDelete={props.onDelete} />
        ))}
      </div>
    </div>
  );
});

const rowStyle: React.CSSProperties = {
  position: 'absolute',
  top: 0,
  left: 0,
  right: 0,
  height: ROW_HEIGHT,
  display: 'grid',
  gridTemplateColumns: GRID,
  gap: 8,
  alignItems: 'center',
  padding: '0 12px',
  fontSize: 14,
  borderBottom: '1px solid var(--mantine-color-gray-1)',
};
const clip: React.CSSProperties = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };
const linkButton: React.CSSProperties = { background: 'none', border: 0, padding: '2px 6px', cursor: 'pointer', font: 'inherit', fontSize: 12, fontWeight: 600 };

/** One row, memoised and made of plain elements: scrolling re-renders only rows that change. */
const StaffRowView = memo(function StaffRowView(props: {
  s: Staff | undefined;
  top: number;
  unitName: Map<string, string>;
  onEdit(s: Staff): void;
  onDelete(s: Staff): void;
}) {
  const { s, top } = props;
  const style = { ...rowStyle, transform: `translateY(${top}px)` };
  if (!s) return <div role="row" style={style} aria-busy="true" />;
  return (
    <div role="row" data-testid="staff-row" style={style}>
      <button type="button" onClick={() => props.onEdit(s)} style={{ ...linkButton, ...clip, fontSize: 14, fontWeight: 500, textAlign: 'left', padding: 0 }}>
        <span data-testid="staff-row-name">{s.fullName}</span>
        {s.isLeader && <Badge ml={6} size="xs" variant="light">LĐ</Badge>}
      </button>
      <span>{s.gender ? GENDER_LABELS[s.gender] : ''}</span>
      <span>{formatDateVi(s.birthDate)}</span>
      <span style={clip}>{s.unitId ? props.unitName.get(s.unitId) : ''}</span>
      <span style={clip}>{s.position}</span>
      <span>{s.category ? CATEGORY_LABELS[s.category] : ''}</span>
      <span>{STATUS_LABELS[s.status]}</span>
      <span style={{ whiteSpace: 'nowrap' }}>
        <HistoryButton staffId={s.id} />
        <button type="button" style={{ ...linkButton, color: 'var(--mantine-color-red-7)' }} onClick={() => props.onEdit(s)}>
          {T.edit}
        </button>
        <button type="button" style={{ ...linkButton, color: 'var(--mantine-color-red-7)' }} onClick={() => props.onDelete(s)} data-testid="staff-delete">
          {T.delete}
        </button>
      </span>
    </div>
  );
});
