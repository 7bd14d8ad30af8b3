// Initiatives / research, disciplinary measures and start-of-year registrations: filtered
// lists with add, edit and delete.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Badge, Button, Checkbox, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { DISCIPLINE_FORMS, INITIATIVE_KINDS, INITIATIVE_SCOPES, type AwardCode, type DisciplineForm, type InitiativeKind, type InitiativeScope } from '../../../shared/awards';
import type { DisciplineOut, InitiativeOut, RegistrationOut } from '../../../shared/contract/records';
import type { FileOut } from '../../../shared/contract/fields';
import { formatDateVi } from '../../../shared/text/vn';
import { call, saveFile } from '../../lib/api';
import { FormError } from '../../lib/FormError';
import { TwoLines, VirtualTable, type VirtualColumn } from '../../lib/VirtualTable';
import { useAction } from '../../lib/useAction';
import { ALL, StaffPicker, UnitSelect, UnverifiedBadge, YearInput, confirmDelete } from './common';
import { useStaffOptions } from '../staff/choices';
import { PasteListDialog } from '../staff/PasteListDialog';
import { useUnits } from '../units/store';
import { subtreeOf } from '../../../shared/units/tree';
import { useAwards } from './store';
import { T } from './strings';
import { GuardedModal, useUnsavedForm } from '../../lib/GuardedModal';

interface Filter {
  year: number | null;
  unitId: string | null;
  search: string;
}

function useFilter(defaultYear: boolean): [Filter, (p: Partial<Filter>) => void] {
  const { year, unitId } = useAwards.getState();
  const [f, setF] = useState<Filter>({ year: defaultYear ? year : null, unitId, search: '' });
  return [f, (p) => setF((cur) => ({ ...cur, ...p }))];
}

function FilterBar({ f, set, addLabel, onAdd, testId, extra }: { f: Filter; set(p: Partial<Filter>): void; addLabel: string; onAdd(): void; testId: string; extra?: ReactNode }) {
  const years = yearList();
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label={T.year}
        data={[{ value: ALL, label: T.decisions.allYears }, ...years]}
        value={f.year === null ? ALL : String(f.year)}
        onChange={(v) => set({ year: !v || v === ALL ? null : Number(v) })}
        allowDeselect={false}
        w={120}
        data-testid={`${testId}-year`}
      />
      {/* one line at 1366 px with its buttons (three on Đăng ký): the list's height is counted from one line */}
      <UnitSelect value={f.unitId} onChange={(u) => set({ unitId: u })} withAll w={240} />
      <TextInput label={T.search} placeholder={T.searchHint} value={f.search} onChange={(e) => set({ search: e.currentTarget.value })} w={220} />
      <div style={{ flex: 1 }} />
      {extra}
      <Button onClick={onAdd} data-testid={`${testId}-add`}>
        {addLabel}
      </Button>
    </Group>
  );
}

function yearList() {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2009 }, (_, i) => String(now + 1 - i)).map((y) => ({ value: y, label: y }));
}

function useList<Row>(load: (f: Filter) => Promise<Row[]>, f: Filter) {
  const { version } = useAwards();
  const [rows, setRows] = useState<Row[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setRows(await load(f));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [f.year, f.unitId, f.search]);
  useEffect(() => {
    const t = setTimeout(() => void reload(), 150);
    return () => clearTimeout(t);
  }, [reload, version]);
  return { rows, error, reload };
}

/** A record list: only the rows on screen, its count under it, back to the top when the filter changes. */
function RecordTable<R extends { id: string }>({ rows, f, testId, texts, columns }: { rows: R[]; f: Filter; testId: string; texts: { empty: string; count(n: number): string }; columns: VirtualColumn<R>[] }) {
  return (
    <VirtualTable
      rows={rows}
      rowKey={(r) => r.id}
      testId={`${testId}-list`}
      rowTestId={`${testId}-row`}
      scrollKey={JSON.stringify(f)}
      empty={texts.empty}
      caption={texts.count(rows.length)}
      columns={columns}
    />
  );
}

function RowActions({ onEdit, onDelete }: { onEdit(): void; onDelete(): void }) {
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Button size="compact-xs" variant="subtle" onClick={onEdit}>
        {T.edit}
      </Button>
      <Button size="compact-xs" variant="subtle" color="red" onClick={onDelete}>
        {T.delete}
      </Button>
    </Group>
  );
}

const toFilter = (f: Filter) => ({ year: f.year, unitId: f.unitId, search: f.search });

/** "Xuất Excel": the list as shown (the tab's filters) as the workbook an office sends. */
function ExportButton({ action, title, testId, file }: { action: ReturnType<typeof useAction>; title: string; testId: string; file(): Promise<FileOut> }) {
  return (
    <Button variant="default" title={title} loading={action.busy} onClick={() => void action.run(async () => saveFile(await file()))} data-testid={testId}>
      {T.exportList}
    </Button>
  );
}

// ---------------------------------------------------------------------------------------

export function InitiativesTab() {
  const I = T.initiatives;
  const [f, set] = useFilter(false);
  const { rows, error, reload } = useList((x) => call('records.listInitiatives', toFilter(x)), f);
  const [editing, setEditing] = useState<InitiativeOut | 'new' | null>(null);
  const exporting = useAction();
  return (
    <Stack gap="sm">
      <FilterBar
        f={f}
        set={set}
        addLabel={I.add}
        onAdd={() => setEditing('new')}
        testId="initiative"
        extra={<ExportButton action={exporting} title={I.exportTitle} testId="initiative-export" file={() => call('records.initiativesExport', toFilter(f))} />}
      />
      <FormError error={error ?? exporting.error} />
      <RecordTable
        rows={rows}
        f={f}
        testId="initiative"
        texts={I}
        columns={[
          { header: I.cols.year, width: '56px', cell: (r) => r.year },
          { header: I.cols.person, width: 'minmax(0, 1.6fr)', cell: (r) => <TwoLines top={r.staffName} bottom={r.unitName} />, title: (r) => `${r.staffName} — ${r.unitName}` },
          { header: I.cols.title, width: 'minmax(0, 2.4fr)', cell: (r) => r.title, title: (r) => r.title },
          // the kind (sáng kiến, đề tài) under the reach: one column fewer, so the list fits a 1024-pixel screen
          {
            header: I.cols.scope,
            width: '110px',
            cell: (r) => <TwoLines top={<Badge variant="light" color={r.scope === 'co_so' ? 'gray' : r.scope === 'tinh' ? 'blue' : 'grape'}>{T.scopes[r.scope]}</Badge>} bottom={T.kinds[r.kind]} />,
          },
          { header: I.cols.body, width: 'minmax(0, 1.2fr)', cell: (r) => r.recognizingBody, title: (r) => r.recognizingBody },
          { header: I.cols.date, width: '104px', cell: (r) => formatDateVi(r.recognizedOn) },
          { header: '', width: '96px', cell: (r) => <RowActions onEdit={() => setEditing(r)} onDelete={() => confirmDelete(`sáng kiến “${r.title}”`, () => call('records.deleteInitiative', { id: r.id }), () => void reload(), { kind: 'initiative', id: r.id })} /> },
        ]}
      />
      <GuardedModal opened={editing !== null} onClose={() => setEditing(null)} title={I.formTitle(editing !== 'new')} size="lg">
        {editing !== null && <InitiativeForm initial={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); notifications.show({ color: 'green', message: T.saved }); useAwards.getState().changed(); void reload(); }} />}
      </GuardedModal>
    </Stack>
  );
}

function InitiativeForm({ initial, onCancel, onSaved }: { initial: InitiativeOut | null; onCancel(): void; onSaved(): void }) {
  const I = T.initiatives;
  const staff = useStaffOptions();
  const [f, setF] = useState({
    staffId: initial?.staffId ?? null,
    year: initial?.year ?? useAwards.getState().year,
    title: initial?.title ?? '',
    kind: (initial?.kind ?? 'sang_kien') as InitiativeKind,
    scope: (initial?.scope ?? 'co_so') as InitiativeScope,
    recognizingBody: initial?.recognizingBody ?? '',
    recognizedOn: formatDateVi(initial?.recognizedOn ?? null),
    decisionNo: initial?.decisionNo ?? '',
    note: initial?.note ?? '',
  });
  const { busy, error, setError, run } = useAction();
  const { cancel } = useUnsavedForm(f, I.unsaved(initial !== null));
  const submit = async () => {
    if (!f.staffId) return setError('Tác giả: hãy chọn một cán bộ trong danh sách.');
    const r = await run(() => call('records.saveInitiative', { id: initial?.id ?? null, data: { ...f, staffId: f.staffId!, recognizedOn: f.recognizedOn || null } }));
    if (r) onSaved();
  };
  return (
    <Stack gap="sm">
      <FormError error={error} />
      <StaffPicker label={I.person} value={f.staffId} onChange={(v) => setF({ ...f, staffId: v })} options={staff} required testId="initiative-person" />
      <Textarea label={I.title} value={f.title} onChange={(e) => setF({ ...f, title: e.currentTarget.value })} autosize minRows={2} required data-testid="initiative-title" />
      <SimpleGrid cols={3}>
        <YearInput label={I.year} value={f.year} onChange={(y) => setF({ ...f, year: y })} w="100%" />
        <Select label={I.kind} data={INITIATIVE_KINDS.map((k) => ({ value: k, label: T.kinds[k] }))} value={f.kind} onChange={(v) => setF({ ...f, kind: (v ?? 'sang_kien') as InitiativeKind })} allowDeselect={false} />
        <Select label={I.scope} data={INITIATIVE_SCOPES.map((k) => ({ value: k, label: T.scopes[k] }))} value={f.scope} onChange={(v) => setF({ ...f, scope: (v ?? 'co_so') as InitiativeScope })} allowDeselect={false} />
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <TextInput label={I.body} value={f.recognizingBody} onChange={(e) => setF({ ...f, recognizingBody: e.currentTarget.value })} />
        <TextInput label={I.date} value={f.recognizedOn} onChange={(e) => setF({ ...f, recognizedOn: e.currentTarget.value })} placeholder="dd/mm/yyyy" />
        <TextInput label={I.decisionNo} value={f.decisionNo} onChange={(e) => setF({ ...f, decisionNo: e.currentTarget.value })} />
      </SimpleGrid>
      <TextInput label={I.note} value={f.note} onChange={(e) => setF({ ...f, note: e.currentTarget.value })} />
      <FormButtons busy={busy} onCancel={() => cancel(onCancel)} onSubmit={() => void submit()} testId="initiative-save" />
    </Stack>
  );
}

function FormButtons({ busy, onCancel, onSubmit, testId }: { busy: boolean; onCancel(): void; onSubmit(): void; testId: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {T.cancel}
      </Button>
      <Button onClick={onSubmit} loading={busy} data-testid={testId}>
        {T.save}
      </Button>
    </Group>
  );
}

// ---------------------------------------------------------------------------------------

export function DisciplinesTab() {
  const K = T.disciplines;
  const [f, set] = useFilter(false);
  const { rows, error, reload } = useList((x) => call('records.listDisciplines', toFilter(x)), f);
  const [editing, setEditing] = useState<DisciplineOut | 'new' | null>(null);
  return (
    <Stack gap="sm">
      <FilterBar f={f} set={set} addLabel={K.add} onAdd={() => setEditing('new')} testId="discipline" />
      <FormError error={error} />
      <RecordTable
        rows={rows}
        f={f}
        testId="discipline"
        texts={K}
        columns={[
          { header: K.cols.person, width: 'minmax(0, 1.6fr)', cell: (r) => <TwoLines top={r.staffName} bottom={r.unitName} />, title: (r) => `${r.staffName} — ${r.unitName}` },
          { header: K.cols.form, width: '150px', cell: (r) => <Badge color={r.form === 'khien_trach' ? 'yellow' : 'red'} variant="light">{T.disciplineForms[r.form]}</Badge> },
          { header: K.cols.from, width: '96px', cell: (r) => formatDateVi(r.fromDate) },
          { header: K.cols.to, width: '120px', cell: (r) => (r.toDate ? formatDateVi(r.toDate) : <Text span size="sm" c="dimmed">{K.open}</Text>) },
          // the decision and who issued it in one column: the list fits a 1024-pixel screen
          { header: K.cols.decision, width: 'minmax(0, 1.4fr)', cell: (r) => <TwoLines top={r.decisionNo} bottom={r.issuer} />, title: (r) => [r.decisionNo, r.issuer].filter(Boolean).join(' — ') },
          { header: '', width: '96px', cell: (r) => <RowActions onEdit={() => setEditing(r)} onDelete={() => confirmDelete(`kỷ luật của ${r.staffName}`, () => call('records.deleteDiscipline', { id: r.id }), () => void reload(), { kind: 'discipline', id: r.id })} /> },
        ]}
      />
      <GuardedModal opened={editing !== null} onClose={() => setEditing(null)} title={K.formTitle(editing !== 'new')} size="lg">
        {editing !== null && <DisciplineForm initial={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); notifications.show({ color: 'green', message: T.saved }); useAwards.getState().changed(); void reload(); }} />}
      </GuardedModal>
    </Stack>
  );
}

function DisciplineForm({ initial, onCancel, onSaved }: { initial: DisciplineOut | null; onCancel(): void; onSaved(): void }) {
  const K = T.disciplines;
  const staff = useStaffOptions();
  const [f, setF] = useState({
    staffId: initial?.staffId ?? null,
    form: (initial?.form ?? 'khien_trach') as DisciplineForm,
    fromDate: formatDateVi(initial?.fromDate ?? null),
    toDate: formatDateVi(initial?.toDate ?? null),
    decisionNo: initial?.decisionNo ?? '',
    issuer: initial?.issuer ?? '',
    note: initial?.note ?? '',
  });
  const { busy, error, setError, run } = useAction();
  const { cancel } = useUnsavedForm(f, K.unsaved(initial !== null));
  const submit = async () => {
    if (!f.staffId) return setError('Cán bộ: hãy chọn một cán bộ trong danh sách.');
    const r = await run(() => call('records.saveDiscipline', { id: initial?.id ?? null, data: { ...f, staffId: f.staffId!, toDate: f.toDate || null } }));
    if (r) onSaved();
  };
  return (
    <Stack gap="sm">
      <FormError error={error} />
      <StaffPicker label={K.person} value={f.staffId} onChange={(v) => setF({ ...f, staffId: v })} options={staff} required testId="discipline-person" />
      <Select label={K.form} data={DISCIPLINE_FORMS.map((k) => ({ value: k, label: T.disciplineForms[k] }))} value={f.form} onChange={(v) => setF({ ...f, form: (v ?? 'khien_trach') as DisciplineForm })} allowDeselect={false} />
      <SimpleGrid cols={2}>
        <TextInput label={K.from} value={f.fromDate} onChange={(e) => setF({ ...f, fromDate: e.currentTarget.value })} placeholder="dd/mm/yyyy" required />
        <TextInput label={K.to} value={f.toDate} onChange={(e) => setF({ ...f, toDate: e.currentTarget.value })} placeholder="dd/mm/yyyy" />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <TextInput label={K.decisionNo} value={f.decisionNo} onChange={(e) => setF({ ...f, decisionNo: e.currentTarget.value })} />
        <TextInput label={K.issuer} value={f.issuer} onChange={(e) => setF({ ...f, issuer: e.currentTarget.value })} />
      </SimpleGrid>
      <TextInput label={K.note} value={f.note} onChange={(e) => setF({ ...f, note: e.currentTarget.value })} />
      <FormButtons busy={busy} onCancel={() => cancel(onCancel)} onSubmit={() => void submit()} testId="discipline-save" />
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------

export function RegistrationsTab() {
  const R = T.registrations;
  const { catalog } = useAwards();
  const [f, set] = useFilter(true);
  const { rows, error, reload } = useList((x) => call('records.listRegistrations', toFilter(x)), f);
  const [editing, setEditing] = useState<RegistrationOut | 'new' | null>(null);
  const [bulk, setBulk] = useState(false);
  const exporting = useAction();
  const name = (c: AwardCode) => catalog.find((e) => e.code === c)?.name ?? c;
  return (
    <Stack gap="sm">
      <FilterBar
        f={f}
        set={set}
        addLabel={R.add}
        onAdd={() => setEditing('new')}
        testId="registration"
        extra={
          <>
            <ExportButton action={exporting} title={R.exportTitle} testId="registration-export" file={() => call('records.registrationsExport', toFilter(f))} />
            <Button variant="default" onClick={() => setBulk(true)} title={R.bulkTitle} data-testid="registration-bulk">
              {R.bulk}
            </Button>
          </>
        }
      />
      <FormError error={error ?? exporting.error} />
      <RecordTable
        rows={rows}
        f={f}
        testId="registration"
        texts={R}
        columns={[
          { header: R.cols.year, width: '56px', cell: (r) => r.year },
          { header: R.cols.subject, width: 'minmax(0, 1.6fr)', cell: (r) => <TwoLines top={r.name} bottom={r.kind === 'unit' ? T.collective : T.person} />, title: (r) => r.name },
          { header: R.cols.unit, width: 'minmax(0, 1.4fr)', cell: (r) => r.unitName, title: (r) => r.unitName },
          { header: R.cols.code, width: 'minmax(0, 1.6fr)', cell: (r) => name(r.awardCode), title: (r) => name(r.awardCode) },
          { header: R.cols.result, width: '150px', cell: (r) => <Badge color={r.achieved ? 'teal' : 'gray'} variant="light">{r.achieved ? R.achieved : R.notYet}</Badge> },
          { header: '', width: '96px', cell: (r) => <RowActions onEdit={() => setEditing(r)} onDelete={() => confirmDelete(`đăng ký của ${r.name}`, () => call('records.deleteRegistration', { id: r.id }), () => void reload(), { kind: 'registration', id: r.id })} /> },
        ]}
      />
      <GuardedModal opened={editing !== null} onClose={() => setEditing(null)} title={R.formTitle(editing !== 'new')} size="lg">
        {editing !== null && <RegistrationForm initial={editing === 'new' ? null : editing} onCancel={() => setEditing(null)} onSaved={() => { setEditing(null); notifications.show({ color: 'green', message: T.saved }); void reload(); }} />}
      </GuardedModal>
      <GuardedModal opened={bulk} onClose={() => setBulk(false)} title={R.bulkTitle} size="lg">
        {bulk && (
          <RegistrationsBulkForm
            onCancel={() => setBulk(false)}
            onSaved={(r) => {
              setBulk(false);
              notifications.show({ color: 'green', message: R.bulkDone(r) });
              void reload();
            }}
          />
        )}
      </GuardedModal>
    </Stack>
  );
}

function RegistrationForm({ initial, onCancel, onSaved }: { initial: RegistrationOut | null; onCancel(): void; onSaved(): void }) {
  const R = T.registrations;
  const { catalog, year } = useAwards();
  const staff = useStaffOptions();
  const [f, setF] = useState({
    year: initial?.year ?? year,
    kind: initial?.kind ?? ('person' as 'person' | 'unit'),
    staffId: initial?.staffId ?? null,
    unitId: initial?.unitId ?? null,
    awardCode: (initial?.awardCode ?? 'LDTT') as AwardCode,
    note: initial?.note ?? '',
  });
  const { busy, error, run } = useAction();
  const { cancel } = useUnsavedForm(f, R.unsaved(initial !== null));
  const subject = f.kind === 'person' ? 'individual' : 'collective';
  const codes = catalog.filter((e) => e.subjects.includes(subject) && e.kind === 'title');
  const entry = catalog.find((e) => e.code === f.awardCode);
  const submit = async () => {
    const r = await run(() => call('records.saveRegistration', { id: initial?.id ?? null, data: f }));
    if (r) onSaved();
  };
  return (
    <Stack gap="sm">
      <FormError error={error} />
      <Group align="flex-end">
        <YearInput value={f.year} onChange={(y) => setF({ ...f, year: y })} />
        <SegmentedControl
          data={[
            { value: 'person', label: T.person },
            { value: 'unit', label: T.collective },
          ]}
          value={f.kind}
          onChange={(v) => {
            const kind = v as 'person' | 'unit';
            setF({ ...f, kind, awardCode: kind === 'person' ? 'LDTT' : 'TT_LDTT' });
          }}
        />
      </Group>
      {f.kind === 'person' ? (
        <StaffPicker label={T.person} value={f.staffId} onChange={(v) => setF({ ...f, staffId: v })} options={staff} required />
      ) : (
        <UnitSelect label={T.collective} value={f.unitId} onChange={(v) => setF({ ...f, unitId: v })} withAll={false} />
      )}
      <Group align="flex-end" gap="xs">
        <Select label={R.code} data={codes.map((e) => ({ value: e.code, label: e.name }))} value={f.awardCode} onChange={(v) => setF({ ...f, awardCode: (v ?? 'LDTT') as AwardCode })} allowDeselect={false} w={360} />
        {entry && <UnverifiedBadge verified={entry.verified} size="sm" />}
      </Group>
      <TextInput label={R.note} value={f.note} onChange={(e) => setF({ ...f, note: e.currentTarget.value })} />
      <FormButtons busy={busy} onCancel={() => cancel(onCancel)} onSubmit={() => void submit()} testId="registration-save" />
    </Stack>
  );
}

/**
 * "Đăng ký nhiều…": one title of a year registered for a unit's people at work (its sub-units
 * with it, by default) or for a pasted list of names; those already registered stay as they are.
 */
function RegistrationsBulkForm({ onCancel, onSaved }: { onCancel(): void; onSaved(r: { created: number; already: number }): void }) {
  const R = T.registrations;
  const { catalog, year: screenYear } = useAwards();
  const staff = useStaffOptions('dang_cong_tac');
  const units = useUnits((s) => s.units);
  const [year, setYear] = useState(screenYear);
  const [awardCode, setAwardCode] = useState<AwardCode>('LDTT');
  const [source, setSource] = useState<'unit' | 'list'>('unit');
  const [unitId, setUnitId] = useState<string | null>(null);
  const [withSub, setWithSub] = useState(true);
  const { busy, error, run } = useAction();
  const codes = catalog.filter((e) => e.subjects.includes('individual') && e.kind === 'title');
  const people = useMemo(() => {
    if (!unitId) return [];
    const inScope = withSub ? subtreeOf(units, unitId) : new Set([unitId]);
    return staff.filter((o) => o.staff.unitId !== null && inScope.has(o.staff.unitId)).map((o) => o.value);
  }, [staff, units, unitId, withSub]);
  const register = async (staffIds: string[]) => {
    const r = await run(() => call('records.addRegistrations', { year, awardCode, staffIds }));
    if (r) onSaved(r);
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {R.bulkHint}
      </Text>
      <FormError error={error} />
      <Group align="flex-end">
        <YearInput value={year} onChange={setYear} />
        <Select label={R.code} data={codes.map((e) => ({ value: e.code, label: e.name }))} value={awardCode} onChange={(v) => setAwardCode((v ?? 'LDTT') as AwardCode)} allowDeselect={false} w={360} data-testid="registration-bulk-code" />
      </Group>
      <SegmentedControl
        data={[
          { value: 'unit', label: R.bulkFromUnit },
          { value: 'list', label: R.bulkFromList },
        ]}
        value={source}
        onChange={(v) => setSource(v as 'unit' | 'list')}
        data-testid="registration-bulk-source"
      />
      {source === 'unit' ? (
        <>
          <Group align="flex-end">
            <UnitSelect label={R.bulkUnit} value={unitId} onChange={setUnitId} withAll={false} w={380} />
            <Checkbox label={R.bulkSubUnits} checked={withSub} onChange={(e) => setWithSub(e.currentTarget.checked)} mb={8} />
          </Group>
          {unitId && (
            <Text size="sm" data-testid="registration-bulk-count">
              {R.bulkCount(people.length)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {T.cancel}
            </Button>
            <Button disabled={people.length === 0} loading={busy} onClick={() => void register(people)} data-testid="registration-bulk-save">
              {R.bulkSave(people.length)}
            </Button>
          </Group>
        </>
      ) : (
        <PasteListDialog options={staff} present={NO_ONE} onAdd={(ids) => void register(ids)} onCancel={onCancel} addLabel={R.bulkSave} />
      )}
    </Stack>
  );
}

const NO_ONE: ReadonlySet<string> = new Set();
