// The builder's input sections: general information and the tờ trình, nominees (with the
// eligibility checker's proposals), the council meeting and votes, evidence attachments.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  FileButton,
  Group,
  Menu,
  Modal,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { CandidateOut, DossierDetail, MeetingOut, NomineeOut } from '../../../shared/contract/dossiers';
import { useStaffOptions } from '../staff/choices';
import { PasteListDialog } from '../staff/PasteListDialog';
import { T as ST } from '../staff/strings';
import { GuardedModal } from '../../lib/GuardedModal';
import { PROCEDURE_LABELS, SECTOR_LABELS, formatPercent, votePercent } from '../../../shared/dossiers/model';
import { foldQuery, foldVi, formatDateVi, matchesQuery } from '../../../shared/text/vn';
import { buildUnitTree, flattenUnitTree, unitTreeOptions } from '../../../shared/units/tree';
import { call, fileToBase64, saveFile } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { TwoLines, VirtualTable, type VirtualColumn } from '../../lib/VirtualTable';
import { useCatalog } from './DossiersPage';
import { useDossiers } from './store';
import { FileDropZone } from '../../lib/file-drop';
import { diskPath } from '../../lib/desktop-files';
import { EVIDENCE_MAX_BYTES } from '../../../shared/contract/fields';
import { notifyDeleted } from '../trash/notify';
import { D } from './strings';
import { discardOrAsk, useLeaveGuard } from '../../lib/leave-guard';

const MAX_UPLOAD = EVIDENCE_MAX_BYTES;

export function sizeText(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} KB`;
  return `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

export function Section({ title, children, testId, right }: { title: string; children: React.ReactNode; testId: string; right?: React.ReactNode }) {
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{title}</Title>
          {right}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

/**
 * A section's form over the dossier. The dossier read again because of something done elsewhere
 * (a nominee added, a report saved) keeps what is being typed here; its own save, or another
 * dossier, takes the values read. While it differs from what was read, leaving asks (`unsaved`).
 */
function useDraft<F>(init: () => F, dossierId: string, editable: boolean, version: readonly unknown[], unsaved: string) {
  const [f, setF] = useState(init);
  const [pristine, setPristine] = useState(() => JSON.stringify(f));
  const ownSave = useRef(false);
  const shownId = useRef(dossierId);
  const dirty = JSON.stringify(f) !== pristine;
  useEffect(() => {
    const next = init();
    // (a dossier no longer editable — sent meanwhile — shows what was saved)
    if (shownId.current !== dossierId || !dirty || ownSave.current || !editable) setF(next);
    shownId.current = dossierId;
    ownSave.current = false;
    setPristine(JSON.stringify(next));
  }, [dossierId, editable, ...version]);
  useLeaveGuard(dirty ? unsaved : null);
  const saving = () => {
    ownSave.current = true;
  };
  return { f, setF, saving };
}

// ---------------------------------------------------------------------------------------
// General information and the tờ trình

export function GeneralSection({ d }: { d: DossierDetail }) {
  const { setDetail } = useDossiers();
  const catalog = useCatalog();
  const action = useAction();
  const init = () => ({
    title: d.title,
    year: d.year,
    awardCode: d.awardCode as string,
    basis: d.basis as string,
    procedure: d.procedure as string,
    sector: d.sector as string,
    docNumber: d.docNumber as number | null,
    docDate: formatDateVi(d.docDate),
    addressee: d.addressee,
    prefix: d.signer.prefix,
    authorityTitle: d.signer.authorityTitle,
    position: d.signer.position,
    name: d.signer.name,
    bases: d.cover.bases.join('\n'),
    intro: d.cover.intro,
    closing: d.cover.closing,
    note: d.note,
  });
  const { f, setF, saving } = useDraft(init, d.id, d.editable, [d.updatedAt], D.general.unsaved);
  const set = <K extends keyof ReturnType<typeof init>>(k: K, v: ReturnType<typeof init>[K]) => setF((x) => ({ ...x, [k]: v }));
  const ro = !d.editable;
  const save = async () => {
    const r = await action.run(() =>
      call('dossiers.update', {
        id: d.id,
        data: {
          title: f.title,
          year: f.year,
          awardCode: f.awardCode as never,
          campaignId: d.campaignId,
          basis: f.basis as never,
          procedure: f.procedure as never,
          sector: f.sector as never,
          docNumber: f.docNumber,
          docDate: f.docDate,
          addressee: f.addressee,
          signer: { prefix: f.prefix as never, authorityTitle: f.authorityTitle, position: f.position, name: f.name },
          cover: { bases: lines(f.bases), intro: f.intro, closing: f.closing },
          note: f.note,
        },
      }),
    );
    if (r) {
      saving();
      setDetail(r);
      notifications.show({ color: 'teal', message: D.general.saved });
    }
  };
  return (
    <Section title={D.general.title} testId="dossier-general">
      <Text size="sm" c="dimmed">
        {D.general.form(d.coverForm.form, d.coverForm.document)}
        {!d.coverForm.verified && ` (${D.report.caveat})`}
        {d.campaignName && ` · ${d.campaignName}`}
      </Text>
      <FormError error={action.error} />
      <TextInput label={D.general.name} value={f.title} onChange={(e) => set('title', e.currentTarget.value)} readOnly={ro} data-testid="general-title" />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <NumberInput label={D.newDossier.year} value={f.year} onChange={(v) => set('year', Number(v) || f.year)} readOnly={ro} />
        <Select
          label={D.newDossier.award}
          data={catalog.map((e) => ({ value: e.code, label: e.name }))}
          value={f.awardCode}
          onChange={(v) => v && set('awardCode', v)}
          allowDeselect={false}
          readOnly={ro}
        />
        <Select label={D.newDossier.basis} data={Object.entries(D.bases).map(([value, label]) => ({ value, label }))} value={f.basis} onChange={(v) => v && set('basis', v)} readOnly={ro} allowDeselect={false} />
        <Select label={D.newDossier.procedure} data={Object.entries(PROCEDURE_LABELS).map(([value, label]) => ({ value, label }))} value={f.procedure} onChange={(v) => v && set('procedure', v)} readOnly={ro} allowDeselect={false} />
        <Select label={D.newDossier.sector} data={Object.entries(SECTOR_LABELS).map(([value, label]) => ({ value, label }))} value={f.sector} onChange={(v) => v && set('sector', v)} readOnly={ro} allowDeselect={false} />
        <NumberInput
          label={D.general.docNumber}
          description={D.general.docNumberHint}
          value={f.docNumber ?? ''}
          onChange={(v) => set('docNumber', v === '' ? null : Number(v))}
          min={1}
          readOnly={ro}
          data-testid="general-doc-number"
        />
        <TextInput label={D.general.docDate} description={D.general.docDateHint} value={f.docDate} onChange={(e) => set('docDate', e.currentTarget.value)} placeholder="dd/mm/yyyy" readOnly={ro} data-testid="general-doc-date" />
        <TextInput label={D.general.addressee} value={f.addressee} onChange={(e) => set('addressee', e.currentTarget.value)} readOnly={ro} style={{ gridColumn: 'span 2' }} data-testid="general-addressee" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 4 }}>
        <Select
          label={D.general.signerPrefix}
          data={['', 'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'].map((v) => ({ value: v, label: v || '(ký trực tiếp)' }))}
          value={f.prefix}
          onChange={(v) => set('prefix', v ?? '')}
          readOnly={ro}
          allowDeselect={false}
        />
        <TextInput label={D.general.signerAuthority} value={f.authorityTitle} onChange={(e) => set('authorityTitle', e.currentTarget.value)} readOnly={ro} />
        <TextInput label={D.general.signerPosition} value={f.position} onChange={(e) => set('position', e.currentTarget.value)} readOnly={ro} />
        <TextInput label={D.general.signerName} value={f.name} onChange={(e) => set('name', e.currentTarget.value)} readOnly={ro} />
      </SimpleGrid>
      <Textarea label={D.general.bases} value={f.bases} onChange={(e) => set('bases', e.currentTarget.value)} placeholder={d.coverDefaults.bases.join('\n')} autosize minRows={2} maxRows={8} readOnly={ro} />
      <Textarea label={D.general.intro} value={f.intro} onChange={(e) => set('intro', e.currentTarget.value)} placeholder={d.coverDefaults.intro} autosize minRows={2} maxRows={10} readOnly={ro} />
      <Textarea label={D.general.closing} value={f.closing} onChange={(e) => set('closing', e.currentTarget.value)} placeholder={d.coverDefaults.closing} autosize minRows={1} readOnly={ro} />
      {d.editable && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={action.busy} data-testid="general-save">
            {D.general.save}
          </Button>
        </Group>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------
// Nominees and proposals

function NomineeEdit({ d, n, onClose }: { d: DossierDetail; n: NomineeOut; onClose(): void }) {
  const { setDetail } = useDossiers();
  const catalog = useCatalog();
  const action = useAction();
  const [f, setF] = useState({ awardCode: n.awardCode as string, position: n.position, unitName: n.unitName, summary: n.summary });
  // the summary typed and not saved: Esc or × asks first
  const [pristine] = useState(() => JSON.stringify(f));
  const unsaved = JSON.stringify(f) !== pristine ? D.nominees.unsaved(n.name) : null;
  useLeaveGuard(unsaved);
  const close = () => discardOrAsk(unsaved, onClose);
  const save = async () => {
    const r = await action.run(() =>
      call('dossiers.updateNominee', { id: n.id, data: { ...f, awardCode: f.awardCode as never, votesAgree: n.votesAgree, votesTotal: n.votesTotal } }),
    );
    if (r) {
      setDetail(r);
      onClose();
    }
  };
  return (
    <Modal opened onClose={close} title={D.nominees.editTitle(n.name)} size="lg">
      <Stack>
        <FormError error={action.error} />
        <Select label={D.nominees.award} data={catalog.map((e) => ({ value: e.code, label: e.name }))} value={f.awardCode} onChange={(v) => v && setF({ ...f, awardCode: v })} allowDeselect={false} />
        <Group grow>
          <TextInput label={D.nominees.position} value={f.position} onChange={(e) => setF({ ...f, position: e.currentTarget.value })} />
          <TextInput label={D.nominees.unit} value={f.unitName} onChange={(e) => setF({ ...f, unitName: e.currentTarget.value })} />
        </Group>
        <Textarea label={D.nominees.summary} value={f.summary} onChange={(e) => setF({ ...f, summary: e.currentTarget.value })} autosize minRows={3} data-testid="nominee-summary" />
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={action.busy} disabled={!d.editable} data-testid="nominee-save">
            {D.nominees.save}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

const nomineeKey = (n: NomineeOut) => n.id;
const nomineeData = (n: NomineeOut) => ({ name: n.name });
const shortNameOf = (catalog: ReturnType<typeof useCatalog>, code: string) => catalog.find((e) => e.code === code)?.shortName ?? code;

interface VoteRow {
  n: NomineeOut;
  v: { agree: number | null; total: number | null };
}
const NO_VOTE: VoteRow['v'] = { agree: null, total: null };
const voteKey = (r: VoteRow) => r.n.id;
const voteData = (r: VoteRow) => ({ name: r.n.name });

export function NomineesSection({ d, onReport }: { d: DossierDetail; onReport(n: NomineeOut): void }) {
  const { setDetail } = useDossiers();
  const catalog = useCatalog();
  const [editing, setEditing] = useState<NomineeOut | null>(null);
  const remove = (n: NomineeOut) =>
    modals.openConfirmModal({
      title: D.nominees.remove,
      children: <Text size="sm">{D.nominees.removeConfirm(n.name)}</Text>,
      labels: { confirm: D.submit.ok, cancel: D.submit.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-ok' } as never,
      onConfirm: () => {
        call('dossiers.removeNominee', { id: n.id })
          .then((detail) => {
            setDetail(detail);
            notifyDeleted(D.nominees.removed(n.name), { kind: 'nominee', id: n.id }, () => void useDossiers.getState().loadDetail());
          })
          .catch((e: Error) => notifications.show({ color: 'red', message: e.message }));
      },
    });
  const prefill = async () => {
    try {
      const r = await call('dossiers.prefillReports', { id: d.id });
      setDetail(r.detail);
      notifications.show({ color: 'teal', message: D.nominees.prefilled(r.created) });
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    }
  };
  const editable = d.editable;
  // one dossier, one form: its column only when a nominee's differs (it fits 1024 px without)
  const mixedAwards = d.nominees.some((n) => n.awardCode !== d.awardCode);
  // stable while the nominees' rows are: a row re-renders only when its nominee changes
  const columns = useMemo(
    (): VirtualColumn<NomineeOut>[] => [
      { header: D.nominees.cols.no, width: '40px', cell: (_, i) => i + 1 },
      { header: D.nominees.cols.name, width: 'minmax(0, 2fr)', cell: (n) => <TwoLines top={n.name} bottom={n.summary} />, title: (n) => (n.summary ? `${n.name}: ${n.summary}` : n.name) },
      // as the danh sách has it: "Chức vụ, đơn vị công tác"
      {
        header: D.nominees.cols.positionUnit,
        width: 'minmax(0, 1.5fr)',
        cell: (n) => (n.position ? <TwoLines plain top={n.position} bottom={n.unitName} /> : n.unitName),
        title: (n) => [n.position, n.unitName].filter(Boolean).join(', '),
      },
      ...(mixedAwards ? [{ header: D.nominees.cols.award, width: 'minmax(0, 0.8fr)', cell: (n: NomineeOut) => shortNameOf(catalog, n.awardCode) }] : []),
      { header: D.nominees.cols.vote, width: '96px', cell: (n) => (n.votesAgree !== null && n.votesTotal !== null ? `${n.votesAgree}/${n.votesTotal} (${formatPercent(n.votePercent)})` : '—') },
      {
        header: D.nominees.cols.report,
        width: '104px',
        cell: (n) => (
          <TwoLines
            plain
            top={
              <Text span size="sm" c={n.hasReport ? 'teal.9' : 'dimmed'} style={{ whiteSpace: 'nowrap' }} data-testid="nominee-has-report" data-has={n.hasReport ? 'yes' : 'no'}>
                {n.hasReport ? D.nominees.hasReport : D.nominees.noReport}
              </Text>
            }
            bottom={n.attachmentCount ? D.nominees.files(n.attachmentCount) : undefined}
          />
        ),
      },
      {
        header: '',
        width: editable ? '150px' : '80px',
        cell: (n) => (
          <Group gap={4} wrap="nowrap">
            <Button size="compact-xs" variant="light" onClick={() => onReport(n)} data-testid="nominee-report">
              {D.nominees.report}
            </Button>
            {editable && (
              <>
                <Button size="compact-xs" variant="subtle" onClick={() => setEditing(n)} data-testid="nominee-edit">
                  {D.nominees.edit}
                </Button>
                <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(n)} data-testid="nominee-remove">
                  {D.nominees.remove}
                </Button>
              </>
            )}
          </Group>
        ),
      },
    ],
    // remove() and setEditing are stable (they read only the store's setDetail)
    [catalog, editable, onReport, mixedAwards],
  );
  return (
    <Section
      title={D.nominees.title}
      testId="dossier-nominees"
      right={
        d.editable && d.nominees.some((n) => !n.hasReport) ? (
          <Button size="xs" variant="light" onClick={() => void prefill()} data-testid="reports-prefill">
            {D.nominees.prefill}
          </Button>
        ) : null
      }
    >
      {d.nominees.length === 0 ? (
        <Text size="sm" c="dimmed">
          {D.nominees.none}
        </Text>
      ) : (
        <VirtualTable rows={d.nominees} columns={columns} rowKey={nomineeKey} rowData={nomineeData} rowHeight={56} maxHeight="min(60vh, 520px)" empty={D.nominees.none} testId="nominee-table" rowTestId="nominee-row" />
      )}
      {d.editable && <Candidates d={d} />}
      {editing && <NomineeEdit d={d} n={editing} onClose={() => setEditing(null)} />}
    </Section>
  );
}

const candidateKey = (c: CandidateOut) => c.id;

/**
 * One verdict's candidates: only the rows on screen are in the page (an LĐTT dossier in a
 * province office lists 25,000 people eligible; as plain checkboxes the page froze for ≈42 s).
 */
function CandidateList({ list, total, noun, picked, onPick, testId }: { list: CandidateOut[]; total: number; noun: string; picked: Set<string>; onPick(ids: string[], on: boolean): void; testId: string }) {
  const columns = useMemo(
    (): VirtualColumn<CandidateOut>[] => [
      {
        header: '',
        width: '28px',
        cell: (c) => (
          <Checkbox
            checked={picked.has(c.id) || c.inDossier}
            disabled={c.inDossier}
            onChange={(e) => onPick([c.id], e.currentTarget.checked)}
            data-testid="candidate-check"
            data-name={c.name}
            aria-label={c.name}
          />
        ),
      },
      {
        header: D.candidates.cols.person,
        width: 'minmax(0, 1fr)',
        cell: (c) => (
          <TwoLines
            top={`${c.name}${c.inDossier ? ` (${D.candidates.already})` : c.elsewhere ? ` (${D.candidates.elsewhereShort})` : ''}`}
            bottom={[c.unitName, c.birthDate ? `sinh ${formatDateVi(c.birthDate)}` : ''].filter(Boolean).join(', ')}
          />
        ),
        title: (c) => [c.name, c.unitName, c.elsewhere && D.candidates.elsewhere(c.elsewhere), ...c.missing].filter(Boolean).join(' — '),
      },
      ...(list.some((c) => c.missing.length > 0)
        ? [{ header: D.candidates.cols.missing, width: 'minmax(0, 1fr)', cell: (c: CandidateOut) => <Text span size="xs" c="var(--mantine-color-orange-light-color)">{c.missing.join('; ')}</Text>, title: (c: CandidateOut) => c.missing.join('; ') }]
        : []),
    ],
    [picked, onPick, list],
  );
  // "chọn tất cả" leaves out those another dossier already proposes (one achievement, one proposal)
  const open = list.filter((c) => !c.inDossier && !c.elsewhere && !picked.has(c.id));
  return (
    <Stack gap={4}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed" data-testid={`${testId}-shown`}>
          {D.candidates.shown(list.length, total, noun)}
        </Text>
        {open.length > 1 && (
          <Button size="compact-xs" variant="subtle" onClick={() => onPick(open.map((c) => c.id), true)} data-testid={`${testId}-all`}>
            {D.candidates.pickAll(open.length, noun)}
          </Button>
        )}
      </Group>
      <VirtualTable rows={list} columns={columns} rowKey={candidateKey} rowHeight={48} maxHeight="320px" empty={null} testId={testId} rowTestId="candidate-row" />
    </Stack>
  );
}

function Candidates({ d }: { d: DossierDetail }) {
  const { setDetail } = useDossiers();
  const [data, setData] = useState<{ ruleSetName: string; judged: boolean; eligible: CandidateOut[]; nearly: CandidateOut[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  // name — unit — birth date, as every person picker; people at work only
  const staff = useStaffOptions('dang_cong_tac');
  const [units, setUnits] = useState<{ value: string; label: string }[]>([]);
  const [staffId, setStaffId] = useState<string | null>(null);
  const [unitId, setUnitId] = useState<string | null>(null);
  const action = useAction();
  const [pasting, setPasting] = useState(false);
  const inDossier = useMemo(() => new Set(d.nominees.flatMap((n) => (n.staffId ? [n.staffId] : []))), [d.nominees]);
  const load = () =>
    call('dossiers.candidates', { id: d.id })
      .then((r) => (setData(r), setError(null)))
      .catch((e: Error) => setError(e.message));
  useEffect(() => {
    void load();
  }, [d.id, d.nominees.length, d.year, d.awardCode]);
  useEffect(() => {
    call('units.list', { includeInactive: false })
      // in tree order, a shared name ("Văn phòng") followed by its parents; the dossier's office only
      .then((r) => setUnits(unitTreeOptions(flattenUnitTree(buildUnitTree(r.filter((u) => u.officeId === d.originOfficeId))))))
      .catch(() => setUnits([]));
  }, [d.originOfficeId]);
  const pick = useCallback(
    (ids: string[], on: boolean) =>
      setPicked((p) => {
        const n = new Set(p);
        for (const id of ids) {
          if (on) n.add(id);
          else n.delete(id);
        }
        return n;
      }),
    [],
  );
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    // "nguyen an" finds Nguyễn Văn An, "van phong tai chinh" the Văn phòng of Sở Tài chính (matchesQuery)
    const q = foldQuery(filter);
    const match = (c: CandidateOut) => q.words.length === 0 || matchesQuery(foldVi(`${c.name} ${c.unitName}`), q);
    return { eligible: data?.eligible.filter(match) ?? [], nearly: data?.nearly.filter(match) ?? [] };
  }, [data, filter]);
  const add = async (list: { kind: 'person' | 'unit'; staffId?: string; unitId?: string }[]) => {
    const r = await action.run(() => call('dossiers.addNominees', { id: d.id, nominees: list }));
    if (r) {
      setDetail(r);
      setPicked(new Set());
      setStaffId(null);
      setUnitId(null);
    }
  };
  const all = [...(data?.eligible ?? []), ...(data?.nearly ?? [])];
  // people, collectives (a collective title's dossier), or both: what the counts and buttons say
  const noun = D.candidates.noun(new Set(all.map((c) => c.kind)));
  const chosen = all.filter((c) => picked.has(c.id) && !c.inDossier);
  return (
    <Paper withBorder p="sm" bg="gray.0" data-testid="candidates">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{D.candidates.title}</Text>
          <Button size="compact-xs" variant="subtle" onClick={() => void load()}>
            {D.candidates.refresh}
          </Button>
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        <FormError error={action.error} />
        {data && (
          <>
            <Text size="xs" c="dimmed">
              {D.candidates.ruleSet(data.ruleSetName)}
            </Text>
            {!data.judged ? (
              <Text size="sm">{D.candidates.notJudged}</Text>
            ) : (
              <>
                <TextInput label={D.candidates.filter} placeholder={D.candidates.filterHint} value={filter} onChange={(e) => setFilter(e.currentTarget.value)} w={360} data-testid="candidates-filter" />
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <Stack gap={4}>
                    <Text size="sm" fw={600} c="var(--mantine-color-teal-light-color)">
                      {D.candidates.eligible} ({data.eligible.length.toLocaleString('vi-VN')})
                    </Text>
                    {data.eligible.length === 0 ? (
                      <Text size="sm" c="dimmed">
                        {D.candidates.noneEligible}
                      </Text>
                    ) : (
                      <CandidateList list={shown.eligible} total={data.eligible.length} noun={noun} picked={picked} onPick={pick} testId="candidates-eligible" />
                    )}
                  </Stack>
                  <Stack gap={4}>
                    <Text size="sm" fw={600} c="var(--mantine-color-orange-light-color)">
                      {D.candidates.nearly} ({data.nearly.length.toLocaleString('vi-VN')})
                    </Text>
                    <CandidateList list={shown.nearly} total={data.nearly.length} noun={noun} picked={picked} onPick={pick} testId="candidates-nearly" />
                  </Stack>
                </SimpleGrid>
              </>
            )}
            {chosen.length > 0 && (
              <Group>
                <Button size="xs" onClick={() => void add(chosen.map((c) => (c.kind === 'person' ? { kind: 'person', staffId: c.id } : { kind: 'unit', unitId: c.id })))} loading={action.busy} data-testid="candidates-add">
                  {D.candidates.add(chosen.length, D.candidates.noun(new Set(chosen.map((c) => c.kind))))}
                </Button>
              </Group>
            )}
          </>
        )}
        <Text size="sm" fw={600}>
          {D.candidates.manual}
        </Text>
        <Group align="flex-end">
          <Select label={D.candidates.staff} placeholder={D.candidates.staffPlaceholder} data={staff} value={staffId} onChange={setStaffId} searchable clearable limit={50} w={320} data-testid="manual-staff" />
          <Button size="xs" variant="light" disabled={!staffId} onClick={() => staffId && void add([{ kind: 'person', staffId }])}>
            {D.candidates.addOne}
          </Button>
          <Select label={D.candidates.unit} placeholder={D.candidates.unitPlaceholder} data={units} value={unitId} onChange={setUnitId} searchable clearable w={260} />
          <Button size="xs" variant="light" disabled={!unitId} onClick={() => unitId && void add([{ kind: 'unit', unitId }])}>
            {D.candidates.addOne}
          </Button>
          <Button size="xs" variant="default" onClick={() => setPasting(true)} title={ST.paste.openTitle} data-testid="nominees-paste">
            {ST.paste.open}
          </Button>
        </Group>
        <GuardedModal opened={pasting} onClose={() => setPasting(false)} title={D.candidates.pasteTitle} size="lg">
          {pasting && (
            <PasteListDialog
              options={staff}
              present={inDossier}
              onAdd={(ids) => {
                setPasting(false);
                void add(ids.map((staffId) => ({ kind: 'person' as const, staffId })));
              }}
              onCancel={() => setPasting(false)}
            />
          )}
        </GuardedModal>
      </Stack>
    </Paper>
  );
}

// ---------------------------------------------------------------------------------------
// The council meeting and the votes

/** One entry per meeting: dossiers weighed at the same meeting (all but the biên bản's number alike) are one choice, named by the latest changed. */
function distinctMeetings<O extends { meeting: MeetingOut }>(others: readonly O[]): Array<{ o: O; more: number }> {
  const byMeeting = new Map<string, { o: O; more: number }>();
  for (const o of others) {
    const { number: _n, ...m } = o.meeting;
    const key = JSON.stringify(m);
    const seen = byMeeting.get(key);
    if (seen) seen.more++;
    else byMeeting.set(key, { o, more: 0 });
  }
  return [...byMeeting.values()];
}

export function MeetingSection({ d }: { d: DossierDetail }) {
  const { setDetail } = useDossiers();
  const action = useAction();
  const printing = useAction();
  const init = () => ({
    date: formatDateVi(d.meeting.date),
    time: d.meeting.time,
    place: d.meeting.place,
    chair: d.meeting.chair,
    chairTitle: d.meeting.chairTitle,
    secretary: d.meeting.secretary,
    members: d.meeting.membersPresent.join('\n'),
    membersTotal: d.meeting.membersTotal,
    number: d.meeting.number,
    votes: Object.fromEntries(d.nominees.map((n) => [n.id, { agree: n.votesAgree, total: n.votesTotal }])) as Record<string, { agree: number | null; total: number | null }>,
  });
  const { f, setF, saving } = useDraft(init, d.id, d.editable, [d.updatedAt, d.nominees.length], D.meeting.unsaved);
  const ro = !d.editable;
  const present = lines(f.members).length;
  // the vote rows change only when a vote does (typing the meeting's place re-renders none of them)
  const voteRows = useMemo(() => d.nominees.map((n): VoteRow => ({ n, v: f.votes[n.id] ?? NO_VOTE })), [d.nominees, f.votes]);
  const voteColumns = useMemo((): VirtualColumn<VoteRow>[] => {
    const setVote = (id: string, k: 'agree' | 'total', v: number | string) =>
      setF((x) => ({ ...x, votes: { ...x.votes, [id]: { ...(x.votes[id] ?? NO_VOTE), [k]: v === '' ? null : Number(v) } } }));
    return [
      // the number the ballot and the biên bản give the row
      { header: D.meeting.no, width: '48px', cell: (_r, i) => i + 1 },
      { header: D.nominees.cols.name, width: 'minmax(0, 1fr)', cell: ({ n }) => n.name, title: ({ n }) => n.name },
      {
        header: D.meeting.agree,
        width: '140px',
        cell: ({ n, v }) => <NumberInput size="xs" aria-label={D.meeting.agree} placeholder={D.meeting.agree} value={v.agree ?? ''} onChange={(x) => setVote(n.id, 'agree', x)} min={0} readOnly={ro} data-testid="vote-agree" />,
      },
      {
        header: D.meeting.total,
        width: '140px',
        cell: ({ n, v }) => <NumberInput size="xs" aria-label={D.meeting.total} placeholder={D.meeting.total} value={v.total ?? ''} onChange={(x) => setVote(n.id, 'total', x)} min={0} readOnly={ro} data-testid="vote-total" />,
      },
      { header: '', width: '90px', cell: ({ v }) => formatPercent(votePercent(v.agree, v.total)) },
    ];
  }, [ro]);
  const save = async () => {
    const r = await action.run(() =>
      call('dossiers.saveMeeting', {
        id: d.id,
        meeting: {
          date: f.date,
          time: f.time,
          place: f.place,
          chair: f.chair,
          chairTitle: f.chairTitle,
          secretary: f.secretary,
          membersPresent: lines(f.members),
          membersTotal: f.membersTotal,
          number: f.number,
        },
        votes: d.nominees.map((n) => ({ nomineeId: n.id, agree: f.votes[n.id]?.agree ?? null, total: f.votes[n.id]?.total ?? null })),
      }),
    );
    if (r) {
      saving();
      setDetail(r);
      notifications.show({ color: 'teal', message: D.meeting.saved });
    }
  };
  // the council usually weighs every award of the year at one meeting: copied from another dossier
  const [others, setOthers] = useState<Array<{ id: string; title: string; awardName: string; meeting: MeetingOut }> | null>(null);
  const copyFrom = (o: { title: string; meeting: MeetingOut }) => {
    const m = o.meeting;
    setF((x) => ({
      ...x,
      date: formatDateVi(m.date),
      time: m.time,
      place: m.place,
      chair: m.chair,
      chairTitle: m.chairTitle,
      secretary: m.secretary,
      members: m.membersPresent.join('\n'),
      membersTotal: m.membersTotal,
    }));
    notifications.show({ color: 'teal', message: D.meeting.copied(o.title) });
  };
  return (
    <Section title={D.meeting.title} testId="dossier-meeting">
      {!ro && (
        <Group justify="flex-end" mt={-8}>
          <Menu position="bottom-end" withinPortal shadow="md" onOpen={() => void call('dossiers.otherMeetings', { id: d.id }).then(setOthers, () => setOthers([]))} onClose={() => setOthers(null)}>
            <Menu.Target>
              <Button size="compact-xs" variant="subtle" data-testid="meeting-copy">
                {D.meeting.copy}
              </Button>
            </Menu.Target>
            <Menu.Dropdown maw={560} mah={360} style={{ overflowY: 'auto' }} data-testid="meeting-copy-menu">
              {others === null ? (
                <Menu.Item disabled>{D.meeting.copyLoading}</Menu.Item>
              ) : others.length === 0 ? (
                <Menu.Item disabled data-testid="meeting-copy-none">
                  {D.meeting.copyNone(d.year)}
                </Menu.Item>
              ) : (
                distinctMeetings(others).map(({ o, more }) => (
                  <Menu.Item key={o.id} onClick={() => copyFrom(o)} data-testid="meeting-copy-item">
                    <Text size="sm">{more ? D.meeting.copyMore(o.title, more) : o.title}</Text>
                    <Text size="xs" c="dimmed">
                      {D.meeting.copyWhat(formatDateVi(o.meeting.date), o.meeting.chair, o.meeting.membersPresent.length)}
                    </Text>
                  </Menu.Item>
                ))
              )}
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
      <FormError error={action.error ?? printing.error} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput label={D.meeting.date} value={f.date} onChange={(e) => setF({ ...f, date: e.currentTarget.value })} placeholder="dd/mm/yyyy" readOnly={ro} data-testid="meeting-date" />
        <TextInput label={D.meeting.time} value={f.time} onChange={(e) => setF({ ...f, time: e.currentTarget.value })} readOnly={ro} data-testid="meeting-time" />
        <TextInput label={D.meeting.place} value={f.place} onChange={(e) => setF({ ...f, place: e.currentTarget.value })} readOnly={ro} data-testid="meeting-place" />
        <TextInput label={D.meeting.chair} value={f.chair} onChange={(e) => setF({ ...f, chair: e.currentTarget.value })} readOnly={ro} data-testid="meeting-chair" />
        <TextInput label={D.meeting.chairTitle} value={f.chairTitle} onChange={(e) => setF({ ...f, chairTitle: e.currentTarget.value })} readOnly={ro} />
        <TextInput label={D.meeting.secretary} value={f.secretary} onChange={(e) => setF({ ...f, secretary: e.currentTarget.value })} readOnly={ro} data-testid="meeting-secretary" />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <Textarea label={D.meeting.members} value={f.members} onChange={(e) => setF({ ...f, members: e.currentTarget.value })} autosize minRows={3} maxRows={10} readOnly={ro} data-testid="meeting-members" />
        <NumberInput label={D.meeting.membersTotal} value={f.membersTotal ?? ''} onChange={(v) => setF({ ...f, membersTotal: v === '' ? null : Number(v) })} min={0} readOnly={ro} data-testid="meeting-total" />
        <NumberInput label={D.meeting.number} value={f.number ?? ''} onChange={(v) => setF({ ...f, number: v === '' ? null : Number(v) })} min={1} readOnly={ro} />
      </SimpleGrid>
      {d.nominees.length > 0 && (
        <>
          <Group justify="space-between">
            <Text fw={600} size="sm">
              {D.meeting.votes}
            </Text>
            <Group gap="xs">
              <Button
                size="compact-xs"
                variant="subtle"
                title={D.meeting.ballotTitle(present)}
                loading={printing.busy}
                onClick={() => void printing.run(async () => saveFile(await call('dossiers.ballot', { id: d.id })))}
                data-testid="meeting-ballot"
              >
                {D.meeting.ballot}
              </Button>
              {!ro && present > 0 && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setF((x) => ({ ...x, votes: Object.fromEntries(d.nominees.map((n) => [n.id, { agree: x.votes[n.id]?.agree ?? null, total: present }])) }))}
                  data-testid="meeting-fill-totals"
                >
                  {D.meeting.fillTotals}
                </Button>
              )}
            </Group>
          </Group>
          <VirtualTable rows={voteRows} columns={voteColumns} rowKey={voteKey} rowData={voteData} rowHeight={44} maxHeight="min(50vh, 440px)" empty={null} testId="vote-table" rowTestId="vote-row" />
        </>
      )}
      {d.editable && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} loading={action.busy} data-testid="meeting-save">
            {D.meeting.save}
          </Button>
        </Group>
      )}
    </Section>
  );
}

// ---------------------------------------------------------------------------------------
// Evidence attachments

export function AttachmentsSection({ d }: { d: DossierDetail }) {
  const { setDetail } = useDossiers();
  const [owner, setOwner] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const upload = async (files: File[]) => {
    setBusy(true);
    try {
      for (const file of files) {
        if (file.size > MAX_UPLOAD) {
          notifications.show({ color: 'red', message: `${file.name}: ${D.attachments.tooBig}` });
          continue;
        }
        // the desktop app gives the file's place: the core reads it from disk
        const onDisk = diskPath(file);
        const source = onDisk ? { path: onDisk } : { fileBase64: await fileToBase64(file) };
        const r = await call('dossiers.addAttachment', { dossierId: d.id, nomineeId: owner || null, fileName: file.name, ...source });
        setDetail(r);
        notifications.show({ color: 'teal', message: D.attachments.uploaded(file.name) });
      }
    } catch (e) {
      notifications.show({ color: 'red', message: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const download = (id: string) =>
    call('dossiers.downloadAttachment', { id })
      .then(saveFile)
      .catch((e: Error) => notifications.show({ color: 'red', message: e.message }));
  const remove = (id: string) =>
    call('dossiers.removeAttachment', { id })
      .then((detail) => {
        setDetail(detail);
        notifyDeleted(D.attachments.removed, { kind: 'evidence', id }, () => void useDossiers.getState().loadDetail());
      })
      .catch((e: Error) => notifications.show({ color: 'red', message: e.message }));
  return (
    <Section title={D.attachments.title} testId="dossier-attachments">
      {d.editable && (
        <FileDropZone onFiles={(f) => void upload(f)} testId="attachment-drop">
          <Group align="flex-end">
            <Select
              label={D.attachments.owner}
              data={[{ value: '', label: D.attachments.common }, ...d.nominees.map((n) => ({ value: n.id, label: n.name }))]}
              value={owner}
              onChange={(v) => setOwner(v ?? '')}
              allowDeselect={false}
              w={300}
              data-testid="attachment-owner"
            />
            <FileButton onChange={(f) => void upload(f)} multiple>
              {(props) => (
                <Button {...props} variant="light" loading={busy} data-testid="attachment-upload">
                  {D.attachments.upload}
                </Button>
              )}
            </FileButton>
          </Group>
        </FileDropZone>
      )}
      {d.attachments.length === 0 ? (
        <Text size="sm" c="dimmed">
          {D.attachments.none}
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {d.attachments.map((a) => (
              <Table.Tr key={a.id} data-testid="attachment-row">
                <Table.Td>{a.fileName}</Table.Td>
                <Table.Td>{a.nomineeName || D.attachments.common}</Table.Td>
                <Table.Td>{sizeText(a.size)}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end">
                    <Button size="compact-xs" variant="subtle" onClick={() => void download(a.id)}>
                      {D.attachments.download}
                    </Button>
                    {d.editable && (
                      <ActionIcon variant="subtle" color="red" onClick={() => void remove(a.id)} aria-label={D.attachments.remove}>
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
