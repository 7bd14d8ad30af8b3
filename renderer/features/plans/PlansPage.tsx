// "Phong trào & Kế hoạch": campaigns on the left, the selected campaign and its plans on the
// right; #/plans/<id> opens the plan editor (survives a reload).
import { useEffect, useState, useSyncExternalStore } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Menu,
  Modal,
  NativeSelect,
  Paper,
  ScrollArea,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { Campaign, PlanRecord, PlanSummary } from '../../../shared/contract/plans';
import { formatDateTimeVi, formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { useDebouncedSearch } from '../../lib/useDebouncedSearch';
import { useUnitLabels, useUnits } from '../units/store';
import { CampaignForm } from './CampaignForm';
import { CreatePlanDialog, DuplicateDialog, ImportPlanDialog, MovePlanDialog } from './PlanDialogs';
import { PlanEditor } from './editor/PlanEditor';
import { ALL_PLANS, openPlan, usePlans } from './store';
import { CAMPAIGN_STATUS_LABELS, KIND_LABELS, PLAN_STATUS_LABELS, T } from './strings';
import './plans.css';
import { notifyDeleted } from '../trash/notify';
import { GuardedModal } from '../../lib/GuardedModal';

// ---------------------------------------------------------------------------------------------
// Hash: #/plans or #/plans/<planId>

function subscribeHash(cb: () => void) {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
}
function openPlanId(): string | null {
  const m = /^#\/plans\/([^/?#]+)/.exec(window.location.hash);
  return m ? decodeURIComponent(m[1]!) : null;
}
function backToList() {
  window.location.hash = '#/plans';
}

export function PlansPage() {
  const planId = useSyncExternalStore(subscribeHash, openPlanId);
  if (planId) return <PlanEditor key={planId} id={planId} onBack={backToList} />;
  return <PlansHome />;
}

// ---------------------------------------------------------------------------------------------
// Home: campaigns + plans

type Dialog =
  | { kind: 'campaign'; editing: Campaign | null }
  | { kind: 'create' }
  | { kind: 'import' }
  | { kind: 'duplicate'; plan: PlanSummary }
  | { kind: 'move'; plan: PlanSummary }
  | null;

const thisYear = new Date().getFullYear();
const YEAR_OPTIONS = Array.from({ length: 13 }, (_, i) => thisYear + 2 - i);

function CampaignList({ onAdd }: { onAdd(): void }) {
  const { campaigns, campaignsLoaded, campaignsError, search, year, selected, setSearch, setYear, select } = usePlans();
  const [text, setText] = useDebouncedSearch(search, setSearch);
  return (
    <Paper withBorder style={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%' }}>
      <Stack gap="xs" p="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between">
          <Title order={4}>{T.campaigns.title}</Title>
          <Button size="xs" onClick={onAdd} data-testid="campaign-add">
            + {T.campaigns.add}
          </Button>
        </Group>
        <TextInput
          size="xs"
          placeholder={T.campaigns.searchShort}
          title={T.campaigns.search}
          aria-label={T.campaigns.search}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="campaign-search"
        />
        <NativeSelect
          size="xs"
          aria-label={T.campaigns.year}
          data={[{ value: '', label: T.campaigns.allYears }, ...YEAR_OPTIONS.map((y) => ({ value: String(y), label: `${T.campaigns.year} ${y}` }))]}
          value={year === null ? '' : String(year)}
          onChange={(e) => setYear(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
          data-testid="campaign-year"
        />
      </Stack>
      <ScrollArea style={{ flex: 1 }} p={4}>
        <UnstyledButton className={`plan-campaign-item${selected === ALL_PLANS ? ' active' : ''}`} onClick={() => select(ALL_PLANS)} data-testid="campaign-all">
          <Text size="sm" fw={600}>
            {T.campaigns.allPlans}
          </Text>
          <Text size="xs" c="dimmed">
            {T.campaigns.allPlansHint}
          </Text>
        </UnstyledButton>
        {campaignsError && (
          <Alert color="red" m="xs">
            {campaignsError}
          </Alert>
        )}
        {!campaignsLoaded && <Loader size="sm" m="sm" />}
        {campaignsLoaded && campaigns.length === 0 && (
          <Text size="sm" c="dimmed" p="sm">
            {search || year ? T.campaigns.noMatch : T.campaigns.empty}
          </Text>
        )}
        {campaigns.map((c) => (
          <UnstyledButton key={c.id} className={`plan-campaign-item${selected === c.id ? ' active' : ''}`} onClick={() => select(c.id)} data-testid="campaign-item">
            <Text size="sm" fw={600} lineClamp={2}>
              {c.name}
            </Text>
            <Group gap={6} mt={2}>
              <Text size="xs" c="dimmed">
                {T.campaigns.years(c.yearFrom, c.yearTo)}
              </Text>
              <Badge size="xs" variant="light" color="gray">
                {KIND_LABELS[c.kind].split(' (')[0]}
              </Badge>
              <Badge size="xs" variant="light" color={c.status === 'da_ban_hanh' ? 'green' : c.status === 'da_ket_thuc' ? 'gray' : 'yellow'}>
                {CAMPAIGN_STATUS_LABELS[c.status]}
              </Badge>
              <Text size="xs" c="dimmed">
                · {T.campaigns.planCount(c.planCount)}
              </Text>
            </Group>
          </UnstyledButton>
        ))}
      </ScrollArea>
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function CampaignDetails({ c, onEdit, onDelete }: { c: Campaign; onEdit(): void; onDelete(): void }) {
  const D = T.campaigns.details;
  const labels = useUnitLabels();
  const unitNames = c.participants.unitIds.map((id) => labels.get(id)).filter(Boolean);
  const who = [c.participants.collective ? D.collective : '', c.participants.individual ? D.individual : ''].filter(Boolean).join(', ');
  return (
    <Paper withBorder p="md" data-testid="campaign-details">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Title order={3} data-testid="campaign-title">
            {c.name}
          </Title>
          {c.description && (
            <Text size="sm" c="dimmed" mt={4} style={{ whiteSpace: 'pre-line' }} lineClamp={3}>
              {c.description}
            </Text>
          )}
        </div>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" onClick={onEdit} data-testid="campaign-edit">
            {T.edit}
          </Button>
          <Button size="xs" variant="subtle" color="red" onClick={onDelete} data-testid="campaign-delete">
            {T.delete}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, lg: 4 }} mt="sm" spacing="sm">
        <Field label={D.kind}>{KIND_LABELS[c.kind]}</Field>
        <Field label={D.years}>{T.campaigns.years(c.yearFrom, c.yearTo)}</Field>
        <Field label={D.dates}>{c.startDate || c.endDate ? `${formatDateVi(c.startDate) || '…'} – ${formatDateVi(c.endDate) || '…'}` : D.none}</Field>
        <Field label={D.status}>{CAMPAIGN_STATUS_LABELS[c.status]}</Field>
        <Field label={D.participants}>
          {unitNames.length ? unitNames.join(', ') : D.allUnits}
          {who ? ` — ${who}` : ''}
        </Field>
        {c.phases.length > 0 && (
          <Field label={D.phases}>
            {c.phases.map((p, i) => (
              <div key={i}>
                {p.name}: {p.yearFrom}–{p.yearTo}, {p.review === 'so_ket' ? T.campaignForm.soKet : T.campaignForm.tongKet}
                {p.reviewDate ? ` ${formatDateVi(p.reviewDate)}` : ''}
              </div>
            ))}
          </Field>
        )}
        {c.awardForms.length > 0 && (
          <Field label={D.awardForms}>
            {c.awardForms.map((a, i) => (
              <div key={i}>
                {a.name}
                {a.quota ? ` (${a.quota})` : ''}
              </div>
            ))}
          </Field>
        )}
        {c.deadlines.length > 0 && (
          <Field label={D.deadlines}>
            {c.deadlines.map((d, i) => (
              <div key={i}>
                {String(d.day).padStart(2, '0')}/{String(d.month).padStart(2, '0')}: {d.label}
              </div>
            ))}
          </Field>
        )}
        {c.references.length > 0 && (
          <Field label={D.references}>
            {c.references.map((r, i) => (
              <div key={i} data-testid="campaign-reference">
                {[r.kind, r.number].filter(Boolean).join(' số ')}
                {r.date ? ` ngày ${formatDateVi(r.date)}` : ''}
                {r.issuer ? ` của ${r.issuer}` : ''}
              </div>
            ))}
          </Field>
        )}
      </SimpleGrid>
    </Paper>
  );
}

function PlanSearch() {
  const { planSearch, setPlanSearch } = usePlans();
  const [text, setText] = useDebouncedSearch(planSearch, setPlanSearch);
  return (
    <TextInput
      size="xs"
      w={200}
      placeholder={T.plans.searchShort}
      title={T.plans.search}
      aria-label={T.plans.search}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      data-testid="plan-search"
    />
  );
}

function PlansTable({ onDialog }: { onDialog(d: Dialog): void }) {
  const { plans, plansLoading, plansError, planSearch, refreshPlans, refreshCampaigns } = usePlans();
  const remove = (p: PlanSummary) =>
    modals.openConfirmModal({
      title: T.plans.confirmDeleteTitle,
      children: <Text size="sm">{T.plans.confirmDelete(p.title)}</Text>,
      labels: { confirm: T.delete, cancel: T.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as never,
      onConfirm: () =>
        void call('plans.delete', { id: p.id })
          .then(() => {
            const refresh = () => {
              void refreshPlans();
              void refreshCampaigns();
            };
            notifyDeleted(T.plans.deleted, { kind: 'plan', id: p.id }, refresh);
            refresh();
          })
          .catch((e: Error) => notifications.show({ color: 'red', title: T.failed, message: e.message })),
    });
  if (plansError) return <Alert color="red">{plansError}</Alert>;
  if (!plansLoading && plans.length === 0)
    return (
      <Text c="dimmed" size="sm" p="md" data-testid="plans-empty">
        {planSearch.trim() ? T.plans.noMatch(planSearch.trim()) : T.plans.empty}
      </Text>
    );
  return (
    <div className="plans-table-wrap">
      <Table highlightOnHover verticalSpacing={6} fz="sm" data-testid="plans-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{T.plans.cols.title}</Table.Th>
            <Table.Th w={150} className="plans-col-number">
              {T.plans.cols.number}
            </Table.Th>
            <Table.Th w={60} className="plans-col-year">
              {T.plans.cols.year}
            </Table.Th>
            <Table.Th w={110}>{T.plans.cols.status}</Table.Th>
            <Table.Th w={120} className="plans-col-updated">
              {T.plans.cols.updated}
            </Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plans.map((p) => (
            <Table.Tr key={p.id} data-testid="plan-row">
              <Table.Td>
                <UnstyledButton onClick={() => openPlan(p.id)} data-testid="plan-open-title">
                  <Text size="sm" fw={500} lineClamp={2} title={p.title}>
                    {p.title}
                  </Text>
                </UnstyledButton>
                <Group gap={6}>
                  {p.reviewCount > 0 && (
                    <Badge size="xs" color="yellow" variant="filled">
                      {T.plans.reviewBadge(p.reviewCount)}
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed" className="plans-inline-meta">
                    {[p.numberLine.replace(/^Số:\s*/, ''), p.year].filter(Boolean).join(' · ')}
                  </Text>
                  {p.sourceFile && (
                    <Text size="xs" c="dimmed" lineClamp={1} title={p.sourceFile} style={{ wordBreak: 'break-all' }}>
                      {T.plans.imported}: {p.sourceFile}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td className="plans-col-number">
                <Text size="xs" style={{ whiteSpace: 'pre' }}>
                  {p.numberLine ? p.numberLine.replace(/^Số:\s*/, '') : ''}
                </Text>
              </Table.Td>
              <Table.Td className="plans-col-year">{p.year ?? ''}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={p.status === 'da_ban_hanh' ? 'green' : 'gray'} styles={{ label: { overflow: 'visible' } }}>
                  {PLAN_STATUS_LABELS[p.status]}
                </Badge>
              </Table.Td>
              <Table.Td className="plans-col-updated">
                <Text size="xs" c="dimmed">
                  {formatDateTimeVi(p.updatedAt)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Button size="compact-xs" variant="light" onClick={() => openPlan(p.id)} data-testid="plan-open">
                    {T.open}
                  </Button>
                  <Menu position="bottom-end" withinPortal>
                    <Menu.Target>
                      <ActionIcon variant="subtle" color="gray" aria-label={T.outline.more} data-testid="plan-menu">
                        ⋯
                      </ActionIcon>
                    </Menu.Target>
                    <Menu.Dropdown>
                      <Menu.Item onClick={() => onDialog({ kind: 'duplicate', plan: p })} data-testid="plan-duplicate">
                        {T.plans.duplicate}
                      </Menu.Item>
                      <Menu.Item onClick={() => onDialog({ kind: 'move', plan: p })}>{T.plans.moveTo}</Menu.Item>
                      <Menu.Divider />
                      <Menu.Item color="red" onClick={() => remove(p)} data-testid="plan-delete">
                        {T.delete}
                      </Menu.Item>
                    </Menu.Dropdown>
                  </Menu>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function PlansHome() {
  const { known, selected, plansLoading, refreshCampaigns, refreshPlans, select } = usePlans();
  const refreshUnits = useUnits((s) => s.refresh);
  const [dialog, setDialog] = useState<Dialog>(null);
  useEffect(() => {
    void refreshCampaigns();
    void refreshPlans();
    void refreshUnits();
  }, [refreshCampaigns, refreshPlans, refreshUnits]);

  const campaign = selected === ALL_PLANS ? null : (known[selected] ?? null);
  const afterChange = () => {
    void refreshCampaigns();
    void refreshPlans();
  };
  const created = (r: PlanRecord, message: string) => {
    setDialog(null);
    notifications.show({ color: 'green', message });
    afterChange();
    openPlan(r.id);
  };
  const deleteCampaign = (c: Campaign) =>
    modals.openConfirmModal({
      title: T.campaigns.confirmDeleteTitle,
      children: <Text size="sm">{T.campaigns.confirmDelete(c.name)}</Text>,
      labels: { confirm: T.delete, cancel: T.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as never,
      onConfirm: () =>
        void call('campaigns.delete', { id: c.id })
          .then(() => {
            notifyDeleted(T.campaigns.deleted, { kind: 'campaign', id: c.id }, () => void refreshCampaigns());
            usePlans.setState((st) => {
              const known = { ...st.known };
              delete known[c.id];
              return { known };
            });
            select(ALL_PLANS);
            void refreshCampaigns();
          })
          .catch((e: Error) => notifications.show({ color: 'red', title: T.failed, message: e.message })),
    });

  return (
    <Stack h="calc(100vh - 84px)" gap="sm">
      <div>
        <Title order={2}>{T.title}</Title>
        <Text size="sm" c="dimmed">
          {T.intro}
        </Text>
      </div>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(260px, 330px) 1fr', gap: 12, flex: 1, minHeight: 0 }}>
        <CampaignList onAdd={() => setDialog({ kind: 'campaign', editing: null })} />
        <Stack gap="sm" style={{ minHeight: 0, overflow: 'auto' }}>
          {campaign && <CampaignDetails c={campaign} onEdit={() => setDialog({ kind: 'campaign', editing: campaign })} onDelete={() => deleteCampaign(campaign)} />}
          <Paper withBorder p="sm">
            <Group justify="space-between" mb="xs">
              <Group gap="xs">
                <Title order={4} data-testid="plans-heading">
                  {campaign ? T.plans.title : T.plans.all}
                </Title>
                {plansLoading && <Loader size="xs" />}
              </Group>
              <Group gap="xs">
                <PlanSearch />
                <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'import' })} data-testid="plan-import">
                  {T.plans.import}
                </Button>
                <Button size="xs" onClick={() => setDialog({ kind: 'create' })} data-testid="plan-create">
                  + {T.plans.create}
                </Button>
              </Group>
            </Group>
            <PlansTable onDialog={setDialog} />
          </Paper>
        </Stack>
      </div>

      <GuardedModal
        opened={dialog?.kind === 'campaign'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'campaign' && dialog.editing ? T.campaigns.editTitle : T.campaigns.createTitle}
        size="xl"
      >
        {dialog?.kind === 'campaign' && (
          <CampaignForm
            editing={dialog.editing}
            onCancel={() => setDialog(null)}
            onDone={(c) => {
              setDialog(null);
              notifications.show({ color: 'green', message: T.campaigns.saved });
              void refreshCampaigns();
              select(c.id);
            }}
          />
        )}
      </GuardedModal>
      <Modal opened={dialog?.kind === 'create'} onClose={() => setDialog(null)} title={T.create.title} size="lg">
        {dialog?.kind === 'create' && <CreatePlanDialog campaignId={campaign?.id ?? null} onCancel={() => setDialog(null)} onCreated={(r) => created(r, T.create.created)} />}
      </Modal>
      <Modal opened={dialog?.kind === 'duplicate'} onClose={() => setDialog(null)} title={T.duplicate.title}>
        {dialog?.kind === 'duplicate' && <DuplicateDialog plan={dialog.plan} onCancel={() => setDialog(null)} onDone={(r) => created(r, T.duplicate.done)} />}
      </Modal>
      <Modal opened={dialog?.kind === 'move'} onClose={() => setDialog(null)} title={T.moveDialog.title}>
        {dialog?.kind === 'move' && (
          <MovePlanDialog
            plan={dialog.plan}
            onCancel={() => setDialog(null)}
            onDone={() => {
              setDialog(null);
              notifications.show({ color: 'green', message: T.moveDialog.done });
              afterChange();
            }}
          />
        )}
      </Modal>
      <Modal opened={dialog?.kind === 'import'} onClose={() => setDialog(null)} title={T.importDialog.title} size="lg">
        {dialog?.kind === 'import' && (
          <ImportPlanDialog
            campaignId={campaign?.id ?? null}
            onClose={() => setDialog(null)}
            onImported={afterChange}
            onOpen={(id) => {
              setDialog(null);
              openPlan(id);
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
