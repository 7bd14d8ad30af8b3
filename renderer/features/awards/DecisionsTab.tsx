// Award decisions: list (year, search without diacritics) and the decision form with its
// recipient list (people picked by name without diacritics, or collectives).
import { memo, useCallback, useEffect, useMemo, useState, type Dispatch, type SetStateAction } from 'react';
import {
  ActionIcon,
  Autocomplete,
  Badge,
  Button,
  Group,
  Menu,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AUTHORITY_LABELS, AWARD_BASES, authoritiesOn, type AwardBasis, type AwardCode } from '../../../shared/awards';
import type { AwardDecision, AwardDecisionSummary } from '../../../shared/contract/records';
import type { Campaign } from '../../../shared/contract/plans';
import { agencyHead, impliedIssuer } from '../../../shared/documents/agency';
import { COLLECTIVE_BASIS, ROUNDING_BASIS, baseSalaryMayBeOutdated, cashFor, cashText, suggestedCash } from '../../../shared/records/cash';
import { formatDateVi, parseDateVi } from '../../../shared/text/vn';
import { useSession } from '../../app/session';
import { call, saveFile } from '../../lib/api';
import { FormError } from '../../lib/FormError';
import { TwoLines, VirtualTable, type VirtualColumn } from '../../lib/VirtualTable';
import { useAction } from '../../lib/useAction';
import { GuardedModal, useUnsavedForm } from '../../lib/GuardedModal';
import { useUnitLabels, useUnits } from '../units/store';
import { ALL, StaffPicker, UnitSelect, UnverifiedBadge, YearInput, confirmDelete, localToday, money } from './common';
import { useStaffOptions, type StaffOption } from '../staff/choices';
import { useAwards, useBaseSalaryTable } from './store';
import { AuditHistoryButton } from '../audit/AuditHistoryButton';
import { T } from './strings';
import { T as ST } from '../staff/strings';
import { printedForm } from './decision-papers';
import { PasteListDialog } from '../staff/PasteListDialog';

const D = T.decisions;
const OTHER = '__other__';

export function DecisionsTab() {
  const { version } = useAwards();
  const [year, setYear] = useState<number | null>(useAwards.getState().year);
  const [search, setSearch] = useState('');
  const [rows, setRows] = useState<AwardDecisionSummary[]>([]);
  const [editing, setEditing] = useState<AwardDecision | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const exporting = useAction();
  const parentAgency = useSession((s) => s.office?.parentAgency ?? '');
  // a decision recording no issuer: the superior only it can give the form, as its papers name it
  const impliedOf = (d: AwardDecisionSummary) => (d.issuer ? '' : impliedIssuer(d.awardCode, d.decisionDate ?? `${d.year}-12-31`, parentAgency));

  const load = useCallback(async () => {
    try {
      setRows(await call('records.listDecisions', { year, search }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [year, search]);
  useEffect(() => {
    const t = setTimeout(() => void load(), 150);
    return () => clearTimeout(t);
  }, [load, version]);

  const open = async (id: string) => {
    try {
      setEditing(await call('records.getDecision', { id }));
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  };
  // a decision another screen links to (the quick search): shown in its year's list, opened
  const decisionToOpen = useAwards((s) => s.decisionToOpen);
  useEffect(() => {
    if (!decisionToOpen) return;
    useAwards.setState({ decisionToOpen: null });
    setYear(useAwards.getState().year);
    setSearch('');
    void open(decisionToOpen);
  }, [decisionToOpen]);

  return (
    <Stack gap="sm">
      <Group align="flex-end">
        <Select
          label={T.year}
          data={[{ value: ALL, label: D.allYears }, ...yearOptions()]}
          value={year === null ? ALL : String(year)}
          onChange={(v) => setYear(!v || v === ALL ? null : Number(v))}
          allowDeselect={false}
          w={130}
          data-testid="decision-year"
        />
        <TextInput label={T.search} placeholder={T.searchHint} value={search} onChange={(e) => setSearch(e.currentTarget.value)} w={320} data-testid="decision-search" />
        <div style={{ flex: 1 }} />
        <Button
          variant="default"
          title={D.exportTitle}
          loading={exporting.busy}
          disabled={rows.length === 0}
          onClick={() => void exporting.run(async () => saveFile(await call('records.decisionsExport', { year, search })))}
          data-testid="decisions-export"
        >
          {D.export}
        </Button>
        <Button onClick={() => setEditing('new')} data-testid="decision-add">
          {D.add}
        </Button>
      </Group>
      <FormError error={error ?? exporting.error} />
      <VirtualTable
        rows={rows}
        rowKey={(d) => d.id}
        testId="decision-list"
        scrollKey={`${year}|${search}`}
        rowTestId="decision-row"
        empty={D.empty}
        caption={D.count(rows.length)}
        columns={[
          { header: D.cols.number, width: 'minmax(0, 1fr)', cell: (d) => (d.number ? <span className="vt-strong">{d.number}</span> : <Text span c="dimmed" size="sm">(chưa có số)</Text>), title: (d) => d.number },
          // the year rewarded under the date, a kind other than thường xuyên after the form: two
          // columns fewer, so the list and its actions fit a 1024-pixel screen
          { header: D.cols.date, width: '96px', cell: (d) => <TwoLines top={formatDateVi(d.decisionDate)} bottom={D.yearOf(d.year)} /> },
          {
            header: D.cols.form,
            width: 'minmax(0, 2fr)',
            cell: (d) => (
              <>
                {d.formLabel}
                {d.basis !== 'thuong_xuyen' && <span className="vt-dim"> · {T.basis[d.basis]}</span>}
                {d.source !== 'manual' && (
                  <Badge ml={6} size="xs" variant="light" color="gray">
                    {D.source[d.source]}
                  </Badge>
                )}
              </>
            ),
            title: (d) => (d.basis === 'thuong_xuyen' ? d.formLabel : `${d.formLabel} (${T.basis[d.basis]})`),
          },
          {
            header: D.cols.issuer,
            width: 'minmax(0, 1.4fr)',
            cell: (d) => d.issuer || (impliedOf(d) && <span className="vt-dim">({impliedOf(d)})</span>),
            title: (d) => d.issuer || (impliedOf(d) && D.impliedIssuer(impliedOf(d))),
          },
          { header: D.cols.count, width: '76px', align: 'right', cell: (d) => d.recipientCount },
          {
            header: '',
            width: '176px',
            cell: (d) => (
              <Group gap={4} wrap="nowrap" justify="flex-end">
                <Button size="compact-xs" variant="subtle" onClick={() => void open(d.id)}>
                  {T.edit}
                </Button>
                <AuditHistoryButton target={{ table: 'award_decision', id: d.id }} title={`${d.number || d.formLabel} (${d.year})`} label={D.history} />
                <Button
                  size="compact-xs"
                  variant="subtle"
                  color="red"
                  onClick={() => confirmDelete(`quyết định ${d.number || d.formLabel}`, () => call('records.deleteDecision', { id: d.id }), () => void load(), { kind: 'decision', id: d.id })}
                >
                  {T.delete}
                </Button>
              </Group>
            ),
          },
        ]}
      />
      <GuardedModal opened={editing !== null} onClose={() => setEditing(null)} title={D.formTitle(editing !== 'new')} size="xl">
        {editing !== null && (
          <DecisionForm
            initial={editing === 'new' ? null : editing}
            onCancel={() => setEditing(null)}
            onSaved={() => {
              setEditing(null);
              notifications.show({ color: 'green', message: T.saved });
              useAwards.getState().changed();
              void load();
            }}
          />
        )}
      </GuardedModal>
    </Stack>
  );
}

function yearOptions() {
  const now = new Date().getFullYear();
  return Array.from({ length: now - 2009 }, (_, i) => String(now + 1 - i)).map((y) => ({ value: y, label: y }));
}

interface RecipientDraft {
  id?: string;
  kind: 'person' | 'unit';
  staffId: string | null;
  unitId: string | null;
  name: string;
  unitName: string;
  cashAmount: number | null;
}

function DecisionForm({
  initial,
  onCancel,
  onSaved,
}: {
  initial: AwardDecision | null;
  onCancel(): void;
  onSaved(): void;
}) {
  const { catalog, year: defaultYear } = useAwards();
  const baseSalaries = useBaseSalaryTable();
  const { units } = useUnits();
  const staffOptions = useStaffOptions();
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const [f, setF] = useState({
    number: initial?.number ?? '',
    decisionDate: formatDateVi(initial?.decisionDate ?? null),
    issuer: initial?.issuer ?? '',
    signer: initial?.signer ?? '',
    award: initial ? initial.awardCode ?? OTHER : 'LDTT',
    otherForm: initial?.otherForm ?? '',
    basis: (initial?.basis ?? 'thuong_xuyen') as AwardBasis,
    year: initial?.year ?? defaultYear,
    campaignId: initial?.campaignId ?? null,
    cashAmount: initial?.cashAmount ?? null,
    note: initial?.note ?? '',
  });
  const [recipients, setRecipients] = useState<RecipientDraft[]>(initial?.recipients.map((r) => ({ ...r })) ?? []);
  const [pickPerson, setPickPerson] = useState<string | null>(null);
  const papers = useAction();
  // the papers are made from the saved decision: with edits not saved they would not show them
  const { unsaved, cancel } = useUnsavedForm([f, recipients], D.unsaved(f.number));
  const dirty = unsaved !== null;
  // the payment list needs an amount recorded (saved) for someone on the decision
  const hasCash = !!initial && initial.recipients.length > 0 && (initial.cashAmount !== null || initial.recipients.some((r) => r.cashAmount !== null));
  const [pickUnit, setPickUnit] = useState<string | null>(null);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    void call('campaigns.list')
      .then((c) => setCampaigns(c as Campaign[]))
      .catch(() => setCampaigns([]));
  }, []);

  const entry = catalog.find((e) => e.code === f.award);
  const office = useSession((s) => s.office);
  // left empty, the papers name the office, or the superior only it can give the form (impliedIssuer)
  const implied = impliedIssuer(f.award === OTHER ? null : f.award, parseDateVi(f.decisionDate) ?? `${f.year}-12-31`, office?.parentAgency ?? '') || office?.name || '';
  // the cash the form carries on the decision's date (the catalogue's multiple of the lương cơ sở)
  const cashDate = parseDateVi(f.decisionDate) ?? localToday();
  const cashRule = f.award === OTHER ? null : suggestedCash(f.award, cashDate, baseSalaries);
  const applyCash = () => {
    if (!cashRule) return;
    const person = cashFor(cashRule, false);
    const unit = cashFor(cashRule, true);
    // amounts copied from the field when added are replaced; one typed for a recipient stays
    const was = f.cashAmount;
    setF({ ...f, cashAmount: person });
    setRecipients((cur) => cur.map((r) => (r.cashAmount === null || r.cashAmount === was ? { ...r, cashAmount: r.kind === 'unit' ? unit : person } : r)));
  };
  const issuerOptions = useMemo(() => {
    const parent = office?.parentAgency ? agencyHead(office.parentAgency)?.agency ?? office.parentAgency : '';
    return [...new Set([office?.name ?? '', parent, 'Thủ tướng Chính phủ', 'Chủ tịch nước'].filter(Boolean))];
  }, [office]);
  const staffById = useMemo(() => new Map(staffOptions.map((o) => [o.value, o])), [staffOptions]);
  // a unit whose name another unit shares is named with its parent or office ("Văn phòng — Sở Y tế"),
  // while the person is still in the unit the decision recorded
  const labels = useUnitLabels();
  const unitText = useCallback(
    (r: RecipientDraft) => {
      if (r.kind === 'unit') {
        const parentId = units.find((u) => u.id === r.unitId)?.parentId;
        return [T.collective, (parentId && labels.get(parentId)) || r.unitName].filter(Boolean).join(' · ');
      }
      const unitId = r.staffId ? staffById.get(r.staffId)?.staff.unitId : null;
      return unitId && units.find((u) => u.id === unitId)?.name === r.unitName ? labels.get(unitId) ?? r.unitName : r.unitName;
    },
    [units, labels, staffById],
  );
  const awardOptions = [
    ...catalog.map((e) => ({ value: e.code, label: `${e.name}${e.verified ? '' : ` (${T.unverified})`}` })),
    { value: OTHER, label: D.otherOption },
  ];

  const personDraft = (o: StaffOption): RecipientDraft => {
    const unitName = o.staff.unitId ? units.find((u) => u.id === o.staff.unitId)?.name ?? '' : '';
    return { kind: 'person', staffId: o.value, unitId: null, name: o.staff.fullName, unitName, cashAmount: f.cashAmount };
  };
  const addPerson = (id: string | null) => {
    setPickPerson(null);
    if (!id || recipients.some((r) => r.kind === 'person' && r.staffId === id)) return;
    const o: StaffOption | undefined = staffById.get(id);
    if (!o) return;
    setRecipients((cur) => [...cur, personDraft(o)]);
  };
  const [pasting, setPasting] = useState(false);
  const present = useMemo(() => new Set(recipients.flatMap((r) => (r.kind === 'person' && r.staffId ? [r.staffId] : []))), [recipients]);
  const addPasted = (ids: string[]) => {
    const add = ids.flatMap((id) => {
      const o = staffById.get(id);
      return o && !present.has(id) ? [personDraft(o)] : [];
    });
    setRecipients((cur) => [...cur, ...add]);
    setPasting(false);
    notifications.show({ color: 'green', message: D.pasted(add.length) });
  };
  const addUnit = (id: string | null) => {
    setPickUnit(null);
    if (!id || recipients.some((r) => r.kind === 'unit' && r.unitId === id)) return;
    const u = units.find((x) => x.id === id);
    if (!u) return;
    // its parent, as the core records it for a collective ("Văn phòng" · "Sở Tài chính")
    const parent = u.parentId ? units.find((x) => x.id === u.parentId)?.name ?? '' : '';
    // the rules' amount for people stands for the collective's (twice it, for a form)
    const cash = cashRule?.collective && f.cashAmount === cashRule.person ? cashRule.collective : f.cashAmount;
    setRecipients((cur) => [...cur, { kind: 'unit', staffId: null, unitId: id, name: u.name, unitName: parent, cashAmount: cash }]);
  };

  const submit = async () => {
    // a new decision with neither its number nor anyone awarded is a stray click, not a record
    if (!initial && !f.number.trim() && recipients.length === 0) return setError(D.emptyDecision);
    const data = {
      number: f.number,
      decisionDate: f.decisionDate || null,
      issuer: f.issuer,
      signer: f.signer,
      awardCode: f.award === OTHER ? null : (f.award as AwardCode),
      otherForm: f.award === OTHER ? f.otherForm : '',
      basis: f.basis,
      year: f.year,
      campaignId: f.campaignId,
      cashAmount: f.cashAmount,
      note: f.note,
      recipients: recipients.map((r) => ({ ...(r.id ? { id: r.id } : {}), kind: r.kind, staffId: r.staffId, unitId: r.unitId, cashAmount: r.cashAmount })),
    };
    const r = await run(() => call('records.saveDecision', { id: initial?.id ?? null, data }));
    if (r) onSaved();
  };

  return (
    <Stack gap="sm">
      <FormError error={error ?? papers.error} />
      {initial?.source === 'grid' && (
        <Text size="sm" c="dimmed">
          {D.gridNote}
        </Text>
      )}
      <SimpleGrid cols={3}>
        <TextInput label={D.number} value={f.number} onChange={(e) => setF({ ...f, number: e.currentTarget.value })} placeholder="ví dụ 120/QĐ-UBND" data-testid="decision-number" />
        <TextInput label={D.date} value={f.decisionDate} onChange={(e) => setF({ ...f, decisionDate: e.currentTarget.value })} placeholder="dd/mm/yyyy" data-testid="decision-date" />
        <YearInput label={D.year} value={f.year} onChange={(y) => setF({ ...f, year: y })} w="100%" />
      </SimpleGrid>
      <SimpleGrid cols={2}>
        <Select
          label={D.award}
          data={awardOptions}
          value={f.award}
          onChange={(v) => setF({ ...f, award: v ?? 'LDTT' })}
          allowDeselect={false}
          searchable
          data-testid="decision-award"
          rightSectionWidth={entry && !entry.verified ? 110 : undefined}
        />
        {f.award === OTHER ? (
          <TextInput label={D.otherForm} value={f.otherForm} onChange={(e) => setF({ ...f, otherForm: e.currentTarget.value })} placeholder="ví dụ Kỷ niệm chương Vì sự nghiệp …" />
        ) : (
          <Select label={D.basis} data={AWARD_BASES.map((b) => ({ value: b, label: T.basis[b] }))} value={f.basis} onChange={(v) => setF({ ...f, basis: (v ?? 'thuong_xuyen') as AwardBasis })} allowDeselect={false} />
        )}
      </SimpleGrid>
      {entry && (
        <Group gap="xs">
          <Text size="xs" c="dimmed" data-testid="decision-authorities">
            {entry.levelLabel} · {authoritiesOn(entry.code, parseDateVi(f.decisionDate) ?? localToday()).map((a) => AUTHORITY_LABELS[a.authority]).join('; ') || D.noAuthority} ·{' '}
            {entry.legalBasis}
          </Text>
          <UnverifiedBadge verified={entry.verified} />
        </Group>
      )}
      {f.award === OTHER && (
        <Select label={D.basis} data={AWARD_BASES.map((b) => ({ value: b, label: T.basis[b] }))} value={f.basis} onChange={(v) => setF({ ...f, basis: (v ?? 'thuong_xuyen') as AwardBasis })} allowDeselect={false} w={200} />
      )}
      <SimpleGrid cols={3}>
        <Autocomplete label={D.issuer} data={issuerOptions} placeholder={implied} value={f.issuer} onChange={(v) => setF({ ...f, issuer: v })} data-testid="decision-issuer" />
        <TextInput label={D.signer} value={f.signer} onChange={(e) => setF({ ...f, signer: e.currentTarget.value })} />
        <NumberInput
          label={D.cash}
          value={f.cashAmount ?? ''}
          onChange={(v) => setF({ ...f, cashAmount: typeof v === 'number' ? v : null })}
          thousandSeparator="."
          decimalSeparator=","
          min={0}
          allowDecimal={false}
          data-testid="decision-cash"
        />
      </SimpleGrid>
      {cashRule && (
        <Group gap="xs" wrap="nowrap" mt={-4}>
          <Tooltip
            label={[cashRule.rule.basis, D.cashBase(cashRule.base.basis, !!cashRule.base.added), ROUNDING_BASIS, cashRule.doubled ? COLLECTIVE_BASIS : ''].filter(Boolean).join(' · ')}
            multiline
            w={420}
          >
            <Text size="xs" c="dimmed" data-testid="decision-cash-rule">
              {D.cashRule(cashText(cashRule), cashRule.rule.multiple.toLocaleString('vi-VN'), money(cashRule.base.amount))}
            </Text>
          </Tooltip>
          <UnverifiedBadge verified={cashRule.rule.verified} />
          {baseSalaryMayBeOutdated(cashDate, baseSalaries) && (
            <Tooltip label={D.cashBaseOld(formatDateVi(cashRule.base.from))} multiline w={320}>
              <Badge size="xs" color="yellow" variant="light" style={{ flexShrink: 0 }} data-testid="decision-cash-base-old">
                {D.cashBaseOldBadge}
              </Badge>
            </Tooltip>
          )}
          <Tooltip label={D.cashApplyHint}>
            <Button size="compact-xs" variant="light" onClick={applyCash} style={{ flexShrink: 0 }} data-testid="decision-cash-apply">
              {D.cashApply}
            </Button>
          </Tooltip>
        </Group>
      )}
      <Select
        label={D.campaign}
        data={[{ value: ALL, label: D.noCampaign }, ...campaigns.map((c) => ({ value: c.id, label: c.name }))]}
        value={f.campaignId ?? ALL}
        onChange={(v) => setF({ ...f, campaignId: !v || v === ALL ? null : v })}
        allowDeselect={false}
        searchable
      />
      <Textarea label={D.note} value={f.note} onChange={(e) => setF({ ...f, note: e.currentTarget.value })} autosize minRows={1} />

      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Text fw={600} size="sm">
            {D.recipients} ({recipients.length.toLocaleString('vi-VN')})
          </Text>
        </Group>
        <Group align="flex-end" gap="sm" mb="sm">
          <StaffPicker value={pickPerson} onChange={addPerson} options={staffOptions} label={D.addPerson} placeholder={D.pickPerson} w={380} testId="decision-pick-person" />
          <UnitSelect value={pickUnit} onChange={addUnit} withAll={false} label={D.addUnit} placeholder={D.pickUnit} w={280} testId="decision-pick-unit" />
          <Button variant="default" onClick={() => setPasting(true)} title={ST.paste.openTitle} data-testid="decision-paste">
            {ST.paste.open}
          </Button>
        </Group>
        <GuardedModal opened={pasting} onClose={() => setPasting(false)} title={D.pasteTitle} size="lg">
          {pasting && <PasteListDialog options={staffOptions} present={present} onAdd={addPasted} onCancel={() => setPasting(false)} />}
        </GuardedModal>
        <RecipientsTable recipients={recipients} setRecipients={setRecipients} unitText={unitText} />
        {recipients.some((r) => r.cashAmount) && (
          <Text size="xs" c="dimmed" mt={4}>
            Tổng tiền thưởng: {money(recipients.reduce((s, r) => s + (r.cashAmount ?? 0), 0))}
          </Text>
        )}
      </Paper>
      <Group justify="flex-end">
        {initial && (
          <Menu position="top-start" withinPortal shadow="md">
            <Menu.Target>
              <Button variant="default" mr="auto" loading={papers.busy} rightSection="▾" data-testid="decision-papers">
                {D.papers}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {dirty && (
                <Menu.Label maw={340} style={{ whiteSpace: 'normal' }} data-testid="decision-papers-unsaved">
                  {D.papersUnsaved}
                </Menu.Label>
              )}
              <Menu.Item title={D.documentTitle} disabled={dirty} onClick={() => void papers.run(async () => saveFile(await call('records.decisionDocument', { id: initial.id })))} data-testid="decision-document">
                {D.document}
              </Menu.Item>
              <Menu.Item
                title={D.certificatesTitle}
                disabled={dirty || initial.recipients.length === 0}
                onClick={() => void papers.run(async () => saveFile(await call('records.certificates', { id: initial.id })))}
                data-testid="decision-certificates"
              >
                {D.certificates(printedForm(initial))}
              </Menu.Item>
              <Menu.Item
                title={hasCash ? D.paymentsTitle : D.paymentsNoCash}
                disabled={dirty || !hasCash}
                onClick={() => void papers.run(async () => saveFile(await call('records.paymentList', { id: initial.id })))}
                data-testid="decision-payments"
              >
                {D.payments}
                {!hasCash && (
                  <Text size="xs" c="dimmed" maw={320}>
                    {D.paymentsNoCash}
                  </Text>
                )}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        )}
        <Button variant="default" onClick={() => cancel(onCancel)}>
          {T.cancel}
        </Button>
        <Button onClick={() => void submit()} loading={busy} data-testid="decision-save">
          {T.save}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The decision's recipients, memoised apart from the form: a keystroke in another field, or in
 * one recipient's amount, re-renders no other recipient (a 219-person decision took 380 ms a
 * keystroke). Only the rows on screen are in the page.
 */
const RecipientsTable = memo(function RecipientsTable({
  recipients,
  setRecipients,
  unitText,
}: {
  recipients: RecipientDraft[];
  setRecipients: Dispatch<SetStateAction<RecipientDraft[]>>;
  /** the line under a recipient's name */
  unitText: (r: RecipientDraft) => string;
}) {
  const columns = useMemo(
    (): VirtualColumn<RecipientDraft>[] => [
      { header: '', width: '36px', cell: (_, i) => i + 1 },
      { header: D.recipientName, width: 'minmax(0, 1fr)', cell: (r) => <TwoLines top={r.name} bottom={unitText(r)} />, title: (r) => r.name },
      {
        header: D.recipientCash,
        width: '170px',
        cell: (r) => (
          <NumberInput
            size="xs"
            aria-label={D.recipientCash}
            value={r.cashAmount ?? ''}
            onChange={(v) => setRecipients((cur) => cur.map((x) => (x === r ? { ...x, cashAmount: typeof v === 'number' ? v : null } : x)))}
            thousandSeparator="."
            decimalSeparator=","
            min={0}
            allowDecimal={false}
            placeholder={D.recipientCash}
          />
        ),
      },
      {
        header: '',
        width: '40px',
        cell: (r) => (
          <Tooltip label={T.delete}>
            <ActionIcon variant="subtle" color="red" onClick={() => setRecipients((cur) => cur.filter((x) => x !== r))} aria-label={`${T.delete} ${r.name}`}>
              ×
            </ActionIcon>
          </Tooltip>
        ),
      },
    ],
    [setRecipients, unitText],
  );
  return (
    <VirtualTable
      rows={recipients}
      columns={columns}
      rowKey={(r) => `${r.kind}-${r.staffId ?? r.unitId}`}
      rowHeight={48}
      maxHeight="300px"
      empty={D.noRecipients}
      testId="recipient-list"
      rowTestId="recipient-row"
    />
  );
});
