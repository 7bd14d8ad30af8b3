import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, Loader, Modal, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Staff, StaffStatus } from '../../../shared/contract/staff';
import { CATEGORY_LABELS, GENDER_LABELS, STATUS_LABELS } from '../../../shared/staff/labels';
import { buildUnitTree, flattenUnitTree, unitTreeOptions } from '../../../shared/units/tree';
import { formatDateVi } from '../../../shared/text/vn';
import { call, saveFile } from '../../lib/api';
import { useRouter } from '../../app/router';
import { useUnitLabels, useUnits } from '../units/store';
import { useOfficeOptions } from '../units/offices';
import { useAwards } from '../awards/store';
import { rowAt, useStaff } from './store';
import { StaffForm } from './StaffForm';
import { ImportDialog } from './ImportDialog';
import { DuplicatesDialog } from './DuplicatesDialog';
import { SelectAllBox, SelectionBar } from './Selection';
import { T } from './strings';
import { GuardedModal } from '../../lib/GuardedModal';
import './staff.css';
import { notifyDeleted } from '../trash/notify';

// The page is split so that each part subscribes only to what it shows: a keystroke
// re-renders the search box, the count and the rows, never the Mantine header, filters
// or dialogs (which cost more than the rows themselves).

const ROW_HEIGHT = 38;
const ALL = '__all__';
// Mantine's Combobox keeps every option mounted (hidden) while closed: 150+ unit options
// cost ≈40 ms of the click → first row; mount them when the dropdown opens instead
const LAZY_OPTIONS = { keepMounted: false } as const;
const STATUS_SELECT_DATA = [{ value: 'all', label: T.allStatuses }, ...Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))];

type Dialog = { kind: 'create' } | { kind: 'edit'; staff: Staff } | { kind: 'import' } | { kind: 'duplicates' } | null;

export function StaffPage() {
  const [dialog, setDialog] = useState<Dialog>(null);
  useEffect(() => {
    void useStaff.getState().refresh();
    void useUnits.getState().refresh();
    if (useStaff.getState().duplicatesAsked) {
      useStaff.setState({ duplicatesAsked: false });
      setDialog({ kind: 'duplicates' });
    }
  }, []);

  const afterChange = useCallback(() => {
    void useStaff.getState().refresh();
    void useUnits.getState().refresh();
  }, []);
  const edit = useCallback((s: Staff) => setDialog({ kind: 'edit', staff: s }), []);
  const remove = useCallback(
    (s: Staff) =>
      modals.openConfirmModal({
        title: T.confirmDeleteTitle,
        children: <Text size="sm">{T.confirmDelete(s.fullName)}</Text>,
        labels: { confirm: T.delete, cancel: T.form.cancel },
        confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as never,
        onConfirm: () =>
          void call('staff.delete', { id: s.id })
            .then(() => {
              notifyDeleted(T.deleted, { kind: 'staff', id: s.id }, afterChange);
              afterChange();
            })
            .catch((e: Error) => notifications.show({ color: 'red', message: e.message })),
      }),
    [afterChange],
  );

  return (
    <Stack h="calc(100vh - 84px)" gap="sm">
      <Group justify="space-between">
        <Group gap="xs" align="baseline">
          <Title order={2}>{T.title}</Title>
          <StaffCount />
        </Group>
        <Group>
          <Button variant="default" onClick={() => setDialog({ kind: 'import' })} data-testid="staff-import">
            {T.import}
          </Button>
          <ExportButton />
          <Button variant="default" onClick={() => setDialog({ kind: 'duplicates' })} data-testid="staff-duplicates">
            {T.duplicates.button}
          </Button>
          <Button onClick={() => setDialog({ kind: 'create' })} data-testid="staff-add">
            {T.add}
          </Button>
        </Group>
      </Group>
      <Group grow>
        <SearchBox />
        <OfficeFilter />
        <UnitFilter />
        <StatusFilter />
      </Group>
      <StaffError />
      <SelectionBar afterChange={afterChange} />
      {/* a table to screen readers: rows of cells under column headers (the grid is drawn by CSS) */}
      <Paper withBorder className="staff-list" role="table" aria-label={T.listLabel} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        <div className="staff-grid staff-head" role="row">
          <span role="columnheader">
            <SelectAllBox />
          </span>
          <span role="columnheader">{T.cols.name}</span>
          <span role="columnheader" className="staff-col-gender">
            {T.cols.gender}
          </span>
          <span role="columnheader" className="staff-col-birth">
            {T.cols.birth}
          </span>
          <span role="columnheader">{T.cols.unit}</span>
          <span role="columnheader">{T.cols.position}</span>
          <span role="columnheader" className="staff-col-category">
            {T.cols.category}
          </span>
          <span role="columnheader">{T.cols.status}</span>
          <span role="columnheader" aria-label={T.cols.actions} />
        </div>
        <StaffBody onEdit={edit} onDelete={remove} />
      </Paper>
      <StaffDialogs dialog={dialog} setDialog={setDialog} afterChange={afterChange} />
    </Stack>
  );
}

const StaffCount = memo(function StaffCount() {
  const total = useStaff((st) => st.total);
  const loading = useStaff((st) => st.loading);
  return (
    <>
      <Text c="dimmed" data-testid="staff-count">
        {T.count(total)}
      </Text>
      <DelayedLoader show={loading} />
    </>
  );
});

/** A spinner only for answers slower than a blink: one per keystroke would only flicker. */
function DelayedLoader({ show }: { show: boolean }) {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    if (!show) {
      setVisible(false);
      return;
    }
    const t = setTimeout(() => setVisible(true), 250);
    return () => clearTimeout(t);
  }, [show]);
  return visible ? <Loader size="xs" /> : null;
}

/** Uncontrolled: a keystroke re-renders nothing here; the store asks the core on every change. */
const SearchBox = memo(function SearchBox() {
  // a filter set by another screen is shown afresh (the box reads the store only as it mounts)
  const shown = useStaff((st) => st.filterShown);
  return (
    <TextInput
      key={shown}
      placeholder={T.searchShort}
      title={T.search}
      aria-label={T.search}
      defaultValue={useStaff.getState().filter.search}
      // search as you type: the core answers from an in-memory index in about a millisecond,
      // and answers to older keystrokes are dropped by the store
      onChange={(e) => useStaff.getState().setFilter({ search: e.currentTarget.value })}
      data-testid="staff-search"
    />
  );
});

/** At the province only (units of other offices present): whose staff to list. */
const OfficeFilter = memo(function OfficeFilter() {
  const { multiOffice, options } = useOfficeOptions();
  const officeId = useStaff((st) => st.filter.officeId);
  if (!multiOffice) return null;
  return (
    <Select
      aria-label={T.officeFilter}
      data={[{ value: ALL, label: T.allOffices }, ...options]}
      value={officeId ?? ALL}
      onChange={(v) => useStaff.getState().setFilter({ officeId: !v || v === ALL ? null : v, unitId: null })}
      allowDeselect={false}
      comboboxProps={LAZY_OPTIONS}
      data-testid="staff-office-filter"
    />
  );
});

const UnitFilter = memo(function UnitFilter() {
  const units = useUnits((u) => u.units);
  const unitId = useStaff((st) => st.filter.unitId);
  const officeId = useStaff((st) => st.filter.officeId);
  const data = useMemo(
    () => [
      { value: ALL, label: T.allUnits },
      ...unitTreeOptions(flattenUnitTree(buildUnitTree(officeId ? units.filter((u) => u.officeId === officeId) : units))),
    ],
    [units, officeId],
  );
  return (
    <Select
      aria-label={T.unitFilter}
      data={data}
      value={unitId ?? ALL}
      onChange={(v) => useStaff.getState().setFilter({ unitId: !v || v === ALL ? null : v })}
      searchable
      allowDeselect={false}
      comboboxProps={LAZY_OPTIONS}
      data-testid="staff-unit-filter"
    />
  );
});

const StatusFilter = memo(function StatusFilter() {
  const status = useStaff((st) => st.filter.status);
  return (
    <Select
      aria-label={T.statusFilter}
      data={STATUS_SELECT_DATA}
      value={status}
      onChange={(v) => useStaff.getState().setFilter({ status: (v ?? 'dang_cong_tac') as StaffStatus | 'all' })}
      allowDeselect={false}
      comboboxProps={LAZY_OPTIONS}
      data-testid="staff-status-filter"
    />
  );
});

function ExportButton() {
  const [exporting, setExporting] = useState(false);
  const exportXlsx = async () => {
    setExporting(true);
    try {
      saveFile(await call('staff.export', { ...useStaff.getState().filter, includeSubunits: true }));
      notifications.show({ color: 'green', message: T.exported });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Chưa xuất được', message: (e as Error).message });
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button variant="default" onClick={() => void exportXlsx()} loading={exporting} data-testid="staff-export">
      {T.export}
    </Button>
  );
}

function StaffError() {
  const error = useStaff((st) => st.error);
  return error ? <Alert color="red">{error}</Alert> : null;
}

const StaffBody = memo(function StaffBody(props: { onEdit(s: Staff): void; onDelete(s: Staff): void }) {
  const empty = useStaff((st) => st.total === 0 && !st.loading);
  // nothing typed or chosen: an office that has no one yet, not a filter that matched no one
  const unfiltered = useStaff((st) => !st.filter.search.trim() && !st.filter.unitId && !st.filter.officeId && st.filter.status === 'dang_cong_tac');
  // "Văn phòng (Sở Tài chính)" where units share a name (a province holds twenty)
  const unitNames = useUnitLabels();
  if (empty)
    return (
      <div role="row">
        <Text role="cell" p="lg" c="dimmed" data-testid="staff-empty">
          {unfiltered ? T.emptyStart : T.empty}
        </Text>
      </div>
    );
  return <StaffList unitNames={unitNames} onEdit={props.onEdit} onDelete={props.onDelete} />;
});

function StaffDialogs({ dialog, setDialog, afterChange }: { dialog: Dialog; setDialog(d: Dialog): void; afterChange(): void }) {
  const units = useUnits((u) => u.units);
  return (
    <>
      <GuardedModal
        opened={dialog?.kind === 'create' || dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' ? T.form.editTitle : T.form.createTitle}
        size="xl"
      >
        {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
          <StaffForm
            units={units}
            editing={dialog.kind === 'edit' ? dialog.staff : null}
            defaultUnitId={useStaff.getState().filter.unitId}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              notifications.show({ color: 'green', message: T.form.saved });
              afterChange();
            }}
          />
        )}
      </GuardedModal>
      <Modal opened={dialog?.kind === 'duplicates'} onClose={() => setDialog(null)} title={T.duplicates.title} size="90%">
        {dialog?.kind === 'duplicates' && <DuplicatesDialog onChanged={afterChange} />}
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
    </>
  );
}

/** The virtualised rows: the only part that re-renders while scrolling. */
const StaffList = memo(function StaffList(props: { unitNames: ReadonlyMap<string, string>; onEdit(s: Staff): void; onDelete(s: Staff): void }) {
  const total = useStaff((st) => st.total);
  const pages = useStaff((st) => st.pages);
  const ensureRange = useStaff((st) => st.ensureRange);
  const selected = useStaff((st) => st.selected);
  const parentRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => parentRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensureRange(first, last), [first, last, pages, ensureRange]);
  return (
    <div ref={parentRef} className="staff-scroll" data-testid="staff-scroll">
      <div className="staff-rows" style={{ height: virtualizer.getTotalSize() }} role="rowgroup">
        {items.map((v) => {
          const s = rowAt(pages, v.index);
          return (
            <StaffRowView
              key={v.index}
              index={v.index}
              s={s}
              checked={!!s && selected.has(s.id)}
              top={v.start}
              unitName={props.unitNames}
              onEdit={props.onEdit}
              onDelete={props.onDelete}
            />
          );
        })}
      </div>
    </div>
  );
});

const ROW_CLASS = 'staff-grid staff-row';

/** "Lịch sử": the person's award timeline on the awards screen. */
function openHistory(staffId: string) {
  useAwards.getState().openTimeline('person', staffId);
  useRouter.getState().go('awards');
}

/**
 * One row, memoised and made of plain elements (no Mantine components: a Button or Badge
 * per row was most of a scroll frame's script time): scrolling re-renders only rows that change.
 */
const StaffRowView = memo(function StaffRowView(props: {
  index: number;
  s: Staff | undefined;
  checked: boolean;
  top: number;
  unitName: ReadonlyMap<string, string>;
  onEdit(s: Staff): void;
  onDelete(s: Staff): void;
}) {
  const { s, top } = props;
  const style = { transform: `translateY(${top}px)` };
  if (!s)
    return (
      <div role="row" className={ROW_CLASS} style={style} aria-busy="true">
        <span role="cell" />
      </div>
    );
  const unit = (s.unitId && props.unitName.get(s.unitId)) || undefined;
  return (
    <div role="row" data-testid="staff-row" className={props.checked ? `${ROW_CLASS} staff-row-checked` : ROW_CLASS} style={style}>
      <span role="cell">
        {/* a button drawn as a box, not an <input>: React's controlled inputs cost a scroll frame
            several milliseconds as rows mount; shift: every row from the last one ticked */}
        <button
          type="button"
          role="checkbox"
          className="staff-check"
          aria-checked={props.checked}
          onClick={(e) => void useStaff.getState().toggleRow(props.index, s.id, e.shiftKey)}
          aria-label={T.bulk.selectRow(s.fullName)}
          data-testid="staff-row-check"
        />
      </span>
      <span role="cell" className="staff-clip">
        <button type="button" onClick={() => props.onEdit(s)} className="staff-link staff-name staff-clip" title={s.fullName}>
          <span data-testid="staff-row-name">{s.fullName}</span>
          {s.isLeader && <span className="staff-leader">LĐ</span>}
        </button>
      </span>
      <span role="cell" className="staff-col-gender">
        {s.gender ? GENDER_LABELS[s.gender] : ''}
      </span>
      <span role="cell" className="staff-col-birth">
        {formatDateVi(s.birthDate)}
      </span>
      {/* the whole text on hover where the column cuts it short ("Trung tâm 1 thuộc Sở…") */}
      <span role="cell" className="staff-clip" title={unit}>
        {unit}
      </span>
      <span role="cell" className="staff-clip" title={s.position || undefined}>
        {s.position}
      </span>
      <span role="cell" className="staff-col-category staff-clip">
        {s.category ? CATEGORY_LABELS[s.category] : ''}
      </span>
      <span role="cell">{STATUS_LABELS[s.status]}</span>
      <span role="cell" className="staff-actions">
        <button type="button" className="staff-link staff-history" onClick={() => openHistory(s.id)} data-testid="staff-history">
          {T.history}
        </button>
        <button type="button" className="staff-link staff-danger" onClick={() => props.onEdit(s)}>
          {T.edit}
        </button>
        <button type="button" className="staff-link staff-danger" onClick={() => props.onDelete(s)} data-testid="staff-delete">
          {T.delete}
        </button>
      </span>
    </div>
  );
});
