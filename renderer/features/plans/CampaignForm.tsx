// Create / edit a campaign: general data, phases, participants, award forms, recurring
// deadlines, superior documents. Dates are typed dd/mm/yyyy; the contract parses them.
import { useEffect, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Divider,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { CAMPAIGN_KINDS, CAMPAIGN_STATUSES, type Campaign, type CampaignInput, type CampaignKind, type CampaignStatus } from '../../../shared/contract/plans';
import { buildUnitTree, flattenUnitTree, unitTreeOptions } from '../../../shared/units/tree';
import { formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { useUnsavedForm } from '../../lib/GuardedModal';
import { planningYear } from '../../../shared/plans/planning-year';
import { useUnits } from '../units/store';
import { CAMPAIGN_STATUS_LABELS, KIND_LABELS, T } from './strings';

const F = T.campaignForm;

interface PhaseRow {
  name: string;
  yearFrom: number | '';
  yearTo: number | '';
  review: 'so_ket' | 'tong_ket';
  reviewDate: string;
}
interface AwardRow {
  name: string;
  criteria: string;
  quota: string;
}
interface DeadlineRow {
  label: string;
  day: number | '';
  month: number | '';
}
interface RefRow {
  number: string;
  kind: string;
  date: string;
  issuer: string;
  title: string;
}

interface FormState {
  name: string;
  kind: CampaignKind;
  yearFrom: number | '';
  yearTo: number | '';
  startDate: string;
  endDate: string;
  status: CampaignStatus;
  description: string;
  phases: PhaseRow[];
  unitIds: string[];
  collective: boolean;
  individual: boolean;
  awardForms: AwardRow[];
  deadlines: DeadlineRow[];
  references: RefRow[];
}

function initial(c: Campaign | null): FormState {
  const now = new Date();
  const y = planningYear(now.getFullYear(), now.getMonth() + 1);
  return {
    name: c?.name ?? '',
    kind: c?.kind ?? 'thuong_xuyen',
    yearFrom: c?.yearFrom ?? y,
    yearTo: c?.yearTo ?? y,
    startDate: formatDateVi(c?.startDate),
    endDate: formatDateVi(c?.endDate),
    status: c?.status ?? 'nhap',
    description: c?.description ?? '',
    phases: (c?.phases ?? []).map((p) => ({ name: p.name, yearFrom: p.yearFrom, yearTo: p.yearTo, review: p.review, reviewDate: formatDateVi(p.reviewDate) })),
    unitIds: c?.participants.unitIds ?? [],
    collective: c?.participants.collective ?? true,
    individual: c?.participants.individual ?? true,
    awardForms: (c?.awardForms ?? []).map((a) => ({ name: a.name, criteria: a.criteria ?? '', quota: a.quota ?? '' })),
    deadlines: (c?.deadlines ?? []).map((d) => ({ label: d.label, day: d.day, month: d.month })),
    references: (c?.references ?? []).map((r) => ({ number: r.number, kind: r.kind, date: formatDateVi(r.date), issuer: r.issuer, title: r.title })),
  };
}

function toInput(f: FormState): CampaignInput | string {
  const year = (v: number | '') => (typeof v === 'number' ? v : NaN);
  if (!Number.isInteger(year(f.yearFrom)) || !Number.isInteger(year(f.yearTo))) return F.badYear;
  for (let i = 0; i < f.deadlines.length; i++) {
    const d = f.deadlines[i]!;
    if (d.day === '' || d.month === '') return F.badDeadline(i + 1);
  }
  for (const p of f.phases) if (p.yearFrom === '' || p.yearTo === '') return F.badYear;
  return {
    name: f.name,
    kind: f.kind,
    yearFrom: year(f.yearFrom),
    yearTo: year(f.yearTo),
    startDate: f.startDate,
    endDate: f.endDate,
    status: f.status,
    description: f.description,
    phases: f.phases.map((p) => ({ name: p.name, yearFrom: year(p.yearFrom), yearTo: year(p.yearTo), review: p.review, reviewDate: p.reviewDate })),
    participants: { unitIds: f.unitIds, collective: f.collective, individual: f.individual },
    awardForms: f.awardForms.map((a) => ({ name: a.name, criteria: a.criteria, quota: a.quota })),
    deadlines: f.deadlines.map((d) => ({ label: d.label, day: Number(d.day), month: Number(d.month) })),
    references: f.references.map((r) => ({ number: r.number, kind: r.kind, date: r.date, issuer: r.issuer, title: r.title })),
  };
}

function SectionTitle({ children, onAdd, addLabel, testId }: { children: string; onAdd?(): void; addLabel?: string; testId?: string }) {
  return (
    <Group justify="space-between" mt="xs">
      <Title order={5}>{children}</Title>
      {onAdd && (
        <Button size="compact-xs" variant="light" onClick={onAdd} data-testid={testId}>
          + {addLabel}
        </Button>
      )}
    </Group>
  );
}

function RemoveButton({ onClick }: { onClick(): void }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={F.remove} title={F.remove} onClick={onClick} mt={24}>
      ✕
    </ActionIcon>
  );
}

export function CampaignForm({ editing, onDone, onCancel }: { editing: Campaign | null; onDone(c: Campaign): void; onCancel(): void }) {
  const [f, setF] = useState<FormState>(() => initial(editing));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { cancel } = useUnsavedForm(f, T.campaigns.unsaved(editing?.name ?? null));
  const { units, refresh: refreshUnits } = useUnits();
  useEffect(() => {
    void refreshUnits();
  }, [refreshUnits]);
  const unitOptions = unitTreeOptions(flattenUnitTree(buildUnitTree(units.filter((u) => u.active || f.unitIds.includes(u.id)))), units);

  const patch = (p: Partial<FormState>) => setF((cur) => ({ ...cur, ...p }));
  function editList<K extends 'phases' | 'awardForms' | 'deadlines' | 'references'>(key: K, i: number, p: Partial<FormState[K][number]>) {
    setF((cur) => ({ ...cur, [key]: (cur[key] as FormState[K][number][]).map((x, j) => (j === i ? { ...x, ...p } : x)) }));
  }
  function removeFrom(key: 'phases' | 'awardForms' | 'deadlines' | 'references', i: number) {
    setF((cur) => ({ ...cur, [key]: (cur[key] as unknown[]).filter((_, j) => j !== i) }));
  }
  const num = (v: string | number): number | '' => (typeof v === 'number' ? v : v === '' ? '' : Number(v));

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const input = toInput(f);
    if (typeof input === 'string') return setError(input);
    setBusy(true);
    setError(null);
    try {
      const saved = editing ? await call('campaigns.update', { id: editing.id, data: input }) : await call('campaigns.create', input);
      onDone(saved);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {error && (
          <Alert color="red" data-testid="form-error" style={{ whiteSpace: 'pre-line' }}>
            {error}
          </Alert>
        )}
        <TextInput label={F.name} placeholder={F.namePlaceholder} required data-autofocus value={f.name} onChange={(e) => patch({ name: e.currentTarget.value })} data-testid="campaign-name" />
        <SimpleGrid cols={3}>
          <NativeSelect
            label={F.kind}
            data={CAMPAIGN_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
            value={f.kind}
            onChange={(e) => patch({ kind: e.currentTarget.value as CampaignKind })}
            data-testid="campaign-kind"
          />
          <NumberInput label={F.yearFrom} min={1900} max={2200} allowDecimal={false} value={f.yearFrom} onChange={(v) => patch({ yearFrom: num(v) })} data-testid="campaign-year-from" />
          <NumberInput label={F.yearTo} min={1900} max={2200} allowDecimal={false} value={f.yearTo} onChange={(v) => patch({ yearTo: num(v) })} data-testid="campaign-year-to" />
          <TextInput label={F.startDate} placeholder={F.datePlaceholder} value={f.startDate} onChange={(e) => patch({ startDate: e.currentTarget.value })} data-testid="campaign-start" />
          <TextInput label={F.endDate} placeholder={F.datePlaceholder} value={f.endDate} onChange={(e) => patch({ endDate: e.currentTarget.value })} data-testid="campaign-end" />
          <NativeSelect
            label={F.status}
            data={CAMPAIGN_STATUSES.map((s) => ({ value: s, label: CAMPAIGN_STATUS_LABELS[s] }))}
            value={f.status}
            onChange={(e) => patch({ status: e.currentTarget.value as CampaignStatus })}
            data-testid="campaign-status"
          />
        </SimpleGrid>
        <Textarea label={F.description} autosize minRows={2} value={f.description} onChange={(e) => patch({ description: e.currentTarget.value })} />

        <Divider />
        <SectionTitle
          onAdd={() => {
            const y = typeof f.yearFrom === 'number' ? f.yearFrom : new Date().getFullYear();
            patch({ phases: [...f.phases, { name: `${F.phaseNamePlaceholder.replace(/\d+$/, '')}${f.phases.length + 1}`, yearFrom: y, yearTo: y, review: 'so_ket', reviewDate: '' }] });
          }}
          addLabel={F.addPhase}
          testId="campaign-add-phase"
        >
          {F.phases}
        </SectionTitle>
        {f.phases.map((p, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput label={F.phaseName} value={p.name} onChange={(e) => editList('phases', i, { name: e.currentTarget.value })} style={{ flex: 2 }} />
            <NumberInput label={F.yearFrom} w={96} allowDecimal={false} value={p.yearFrom} onChange={(v) => editList('phases', i, { yearFrom: num(v) })} />
            <NumberInput label={F.yearTo} w={96} allowDecimal={false} value={p.yearTo} onChange={(v) => editList('phases', i, { yearTo: num(v) })} />
            <NativeSelect
              label={F.phaseReview}
              w={120}
              data={[
                { value: 'so_ket', label: F.soKet },
                { value: 'tong_ket', label: F.tongKet },
              ]}
              value={p.review}
              onChange={(e) => editList('phases', i, { review: e.currentTarget.value as 'so_ket' | 'tong_ket' })}
            />
            <TextInput label={F.phaseReviewDate} placeholder={F.datePlaceholder} w={150} value={p.reviewDate} onChange={(e) => editList('phases', i, { reviewDate: e.currentTarget.value })} />
            <RemoveButton onClick={() => removeFrom('phases', i)} />
          </Group>
        ))}

        <Divider />
        <SectionTitle>{F.participants}</SectionTitle>
        <MultiSelect
          label={F.units}
          placeholder={f.unitIds.length ? undefined : F.unitsPlaceholder}
          data={unitOptions}
          value={f.unitIds}
          onChange={(unitIds) => patch({ unitIds })}
          searchable
          clearable
          data-testid="campaign-units"
        />
        <Group>
          <Checkbox label={F.collective} checked={f.collective} onChange={(e) => patch({ collective: e.currentTarget.checked })} />
          <Checkbox label={F.individual} checked={f.individual} onChange={(e) => patch({ individual: e.currentTarget.checked })} />
        </Group>

        <Divider />
        <SectionTitle onAdd={() => patch({ awardForms: [...f.awardForms, { name: '', criteria: '', quota: '' }] })} addLabel={F.addAward}>
          {F.awardForms}
        </SectionTitle>
        {f.awardForms.map((a, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <Stack gap={4} style={{ flex: 1 }}>
              <Group gap="xs" grow>
                <TextInput label={F.awardName} placeholder={F.awardNamePlaceholder} value={a.name} onChange={(e) => editList('awardForms', i, { name: e.currentTarget.value })} />
                <TextInput label={F.awardQuota} value={a.quota} onChange={(e) => editList('awardForms', i, { quota: e.currentTarget.value })} style={{ maxWidth: 180 }} />
              </Group>
              <Textarea label={F.awardCriteria} autosize minRows={1} value={a.criteria} onChange={(e) => editList('awardForms', i, { criteria: e.currentTarget.value })} />
            </Stack>
            <RemoveButton onClick={() => removeFrom('awardForms', i)} />
          </Group>
        ))}

        <Divider />
        <SectionTitle onAdd={() => patch({ deadlines: [...f.deadlines, { label: '', day: '', month: '' }] })} addLabel={F.addDeadline}>
          {F.deadlines}
        </SectionTitle>
        {f.deadlines.map((d, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <TextInput label={F.deadlineLabel} placeholder={F.deadlineLabelPlaceholder} value={d.label} onChange={(e) => editList('deadlines', i, { label: e.currentTarget.value })} style={{ flex: 1 }} />
            <NumberInput label={F.deadlineDay} w={80} min={1} max={31} allowDecimal={false} value={d.day} onChange={(v) => editList('deadlines', i, { day: num(v) })} />
            <NumberInput label={F.deadlineMonth} w={80} min={1} max={12} allowDecimal={false} value={d.month} onChange={(v) => editList('deadlines', i, { month: num(v) })} />
            <RemoveButton onClick={() => removeFrom('deadlines', i)} />
          </Group>
        ))}

        <Divider />
        <SectionTitle onAdd={() => patch({ references: [...f.references, { number: '', kind: '', date: '', issuer: '', title: '' }] })} addLabel={F.addReference} testId="campaign-add-ref">
          {F.references}
        </SectionTitle>
        {f.references.map((r, i) => (
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <Stack gap={4} style={{ flex: 1 }}>
              <Group gap="xs" grow>
                <TextInput label={F.refNumber} placeholder={F.refNumberPlaceholder} value={r.number} onChange={(e) => editList('references', i, { number: e.currentTarget.value })} data-testid="campaign-ref-number" />
                <TextInput label={F.refKind} placeholder={F.refKindPlaceholder} value={r.kind} onChange={(e) => editList('references', i, { kind: e.currentTarget.value })} />
                <TextInput label={F.refDate} placeholder={F.datePlaceholder} value={r.date} onChange={(e) => editList('references', i, { date: e.currentTarget.value })} />
                <TextInput label={F.refIssuer} placeholder={F.refIssuerPlaceholder} value={r.issuer} onChange={(e) => editList('references', i, { issuer: e.currentTarget.value })} data-testid="campaign-ref-issuer" />
              </Group>
              <TextInput label={F.refTitle} value={r.title} onChange={(e) => editList('references', i, { title: e.currentTarget.value })} />
            </Stack>
            <RemoveButton onClick={() => removeFrom('references', i)} />
          </Group>
        ))}

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => cancel(onCancel)}>
            {T.cancel}
          </Button>
          <Button type="submit" loading={busy} data-testid="campaign-save">
            {T.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
