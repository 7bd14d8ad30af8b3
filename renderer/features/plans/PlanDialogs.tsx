// Dialogs of the plan list: create from a template, duplicate for another year, import a
// .docx/.txt, move to another campaign.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Button, Group, List, Loader, NativeSelect, NumberInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import type { Campaign, PlanRecord, PlanSummary } from '../../../shared/contract/plans';
import { call, fileToBase64 } from '../../lib/api';
import { planningYear } from '../../../shared/plans/planning-year';
import { usePlans, type PlanTemplate } from './store';
import { T } from './strings';

const NONE = '';

/** All campaigns seen so far (the list on the left may be filtered). */
function useKnownCampaigns(): Campaign[] {
  const known = usePlans((s) => s.known);
  return useMemo(() => Object.values(known).sort((a, b) => b.yearFrom - a.yearFrom || a.name.localeCompare(b.name, 'vi')), [known]);
}

function CampaignSelect({ campaigns, value, onChange, label }: { campaigns: Campaign[]; value: string | null; onChange(v: string | null): void; label: string }) {
  return (
    <NativeSelect
      label={label}
      data={[{ value: NONE, label: T.create.noCampaign }, ...campaigns.map((c) => ({ value: c.id, label: `${c.name} (${T.campaigns.years(c.yearFrom, c.yearTo)})` }))]}
      value={value ?? NONE}
      onChange={(e) => onChange(e.currentTarget.value || null)}
      data-testid="plan-campaign-select"
    />
  );
}

export function CreatePlanDialog({ campaignId, onCreated, onCancel }: { campaignId: string | null; onCreated(r: PlanRecord): void; onCancel(): void }) {
  const { templates, loadTemplates } = usePlans();
  const campaigns = useKnownCampaigns();
  const campaign = campaigns.find((c) => c.id === campaignId) ?? null;
  const [templateId, setTemplateId] = useState<PlanTemplate['id']>(campaign?.kind === 'chuyen_de' || campaign?.kind === 'dac_biet' ? 'thematic-campaign' : 'annual-campaign');
  const now = new Date();
  const [year, setYear] = useState<number | ''>(() => {
    const y = planningYear(now.getFullYear(), now.getMonth() + 1);
    return campaign ? Math.max(campaign.yearFrom, Math.min(campaign.yearTo, y)) : y;
  });
  const [theme, setTheme] = useState(campaign && (campaign.kind === 'chuyen_de' || campaign.kind === 'dac_biet') ? campaign.name : '');
  const [target, setTarget] = useState<string | null>(campaignId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void loadTemplates();
  }, [loadTemplates]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const rec = await call('plans.createFromTemplate', { templateId, year: typeof year === 'number' ? year : NaN, campaignId: target, theme });
      onCreated(rec);
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {error && (
          <Alert color="red" data-testid="form-error">
            {error}
          </Alert>
        )}
        <Radio.Group label={T.create.template} value={templateId} onChange={(v) => setTemplateId(v as PlanTemplate['id'])}>
          <Stack gap="xs" mt={6}>
            {templates.length === 0 && <Loader size="sm" />}
            {templates.map((t) => (
              <Radio.Card key={t.id} value={t.id} p="sm" radius="sm" data-testid={`template-${t.id}`}>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator />
                  <div>
                    <Text fw={600} size="sm">
                      {t.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t.description}
                    </Text>
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <Group grow align="flex-start">
          <NumberInput label={T.create.year} min={1990} max={2200} allowDecimal={false} value={year} onChange={(v) => setYear(typeof v === 'number' ? v : '')} data-testid="create-year" />
          <CampaignSelect campaigns={campaigns} value={target} onChange={setTarget} label={T.create.campaign} />
        </Group>
        <TextInput label={T.create.theme} description={T.create.themeHint} value={theme} onChange={(e) => setTheme(e.currentTarget.value)} data-testid="create-theme" />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {T.cancel}
          </Button>
          <Button type="submit" loading={busy} data-testid="create-submit">
            {T.create.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function DuplicateDialog({ plan, onDone, onCancel }: { plan: PlanSummary; onDone(r: PlanRecord): void; onCancel(): void }) {
  const [delta, setDelta] = useState<number | ''>(1);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await call('plans.duplicate', { id: plan.id, yearDelta: typeof delta === 'number' ? delta : 1 }));
    } catch (err) {
      setError((err as Error).message);
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm">
        {error && <Alert color="red">{error}</Alert>}
        <Text size="sm" fw={500}>
          {plan.title}
          {plan.year ? ` (${plan.year})` : ''}
        </Text>
        <NumberInput
          label={T.duplicate.delta}
          description={T.duplicate.deltaHint}
          min={-50}
          max={50}
          allowDecimal={false}
          value={delta}
          onChange={(v) => setDelta(typeof v === 'number' ? v : '')}
          data-testid="duplicate-delta"
        />
        {plan.year && typeof delta === 'number' && (
          <Text size="sm">
            {plan.year} → <b>{plan.year + delta}</b>
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {T.cancel}
          </Button>
          <Button type="submit" loading={busy} data-testid="duplicate-submit">
            {T.duplicate.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function ImportPlanDialog({ campaignId, onOpen, onImported, onClose }: { campaignId: string | null; onOpen(id: string): void; onImported(): void; onClose(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const campaigns = useKnownCampaigns();
  const [target, setTarget] = useState<string | null>(campaignId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ record: PlanRecord; warnings: string[] } | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await call('plans.import', { fileName: file.name, fileBase64: await fileToBase64(file), campaignId: target });
      setResult(r);
      onImported();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {T.importDialog.hint}
      </Text>
      {!result && (
        <>
          <CampaignSelect campaigns={campaigns} value={target} onChange={setTarget} label={T.create.campaign} />
          <Group>
            <Button onClick={() => input.current?.click()} loading={busy} data-testid="import-pick">
              {T.importDialog.filePlaceholder}
            </Button>
            {busy && (
              <Text size="sm" c="dimmed">
                {T.importDialog.reading}
              </Text>
            )}
          </Group>
        </>
      )}
      <input
        ref={input}
        type="file"
        accept=".docx,.txt,.json,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,application/json"
        style={{ display: 'none' }}
        aria-label={T.importDialog.file}
        data-testid="import-file"
        onChange={(e) => void pick(e.currentTarget.files?.[0])}
      />
      {error && (
        <Alert color="red" title={T.failed} data-testid="import-error">
          {error}
        </Alert>
      )}
      {result && (
        <Alert color={result.record.reviewCount ? 'yellow' : 'green'} title={`${T.importDialog.done}: ${result.record.title}`} data-testid="import-result">
          <Stack gap={6}>
            <Text size="sm" data-testid="import-review-count" data-count={result.record.reviewCount}>
              {T.importDialog.reviewCount(result.record.reviewCount)}
            </Text>
            {result.warnings.length > 0 && (
              <>
                <Text size="sm" fw={600}>
                  {T.importDialog.warnings}
                </Text>
                <List size="sm" data-testid="import-warnings">
                  {result.warnings.map((w, i) => (
                    <List.Item key={i}>{w}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Stack>
        </Alert>
      )}
      <Group justify="flex-end">
        {result && (
          <Button variant="default" onClick={() => setResult(null)}>
            {T.importDialog.another}
          </Button>
        )}
        <Button variant={result ? 'default' : 'subtle'} onClick={onClose}>
          {T.close}
        </Button>
        {result && (
          <Button onClick={() => onOpen(result.record.id)} data-testid="import-open">
            {T.importDialog.openPlan}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

export function MovePlanDialog({ plan, onDone, onCancel }: { plan: PlanSummary; onDone(): void; onCancel(): void }) {
  const campaigns = useKnownCampaigns();
  const [target, setTarget] = useState<string | null>(plan.campaignId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Stack gap="sm">
      {error && <Alert color="red">{error}</Alert>}
      <Text size="sm" fw={500}>
        {plan.title}
      </Text>
      <CampaignSelect campaigns={campaigns} value={target} onChange={setTarget} label={T.moveDialog.campaign} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {T.cancel}
        </Button>
        <Button
          loading={busy}
          onClick={() => {
            setBusy(true);
            call('plans.setCampaign', { id: plan.id, campaignId: target })
              .then(onDone)
              .catch((e: Error) => {
                setError(e.message);
                setBusy(false);
              });
          }}
        >
          {T.moveDialog.submit}
        </Button>
      </Group>
    </Stack>
  );
}
