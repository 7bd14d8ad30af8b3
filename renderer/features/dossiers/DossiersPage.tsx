// "Hồ sơ đề nghị": the office's dossiers (create, open the builder) and, at the province, the
// dossiers received from offices (consolidated by office and status, open, record the outcome).
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CatalogEntryOut } from '../../../shared/contract/records';
import type { DossierSummary } from '../../../shared/contract/dossiers';
import { DOSSIER_STATUS_LABELS, PROCEDURE_LABELS, RECEIVED_STATUS_LABELS, SECTOR_LABELS, type DossierStatus } from '../../../shared/dossiers/model';
import { compareVi, formatDateTimeVi, formatInstantDateVi } from '../../../shared/text/vn';
import { call, saveFile } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { useDebouncedSearch } from '../../lib/useDebouncedSearch';
import { FormError } from '../../lib/FormError';
import { DossierView } from './DossierView';
import { StatusBadge } from './StatusBadge';
import { useDossiers } from './store';
import { D } from './strings';
import { leaveOrAsk } from '../../lib/leave-guard';

/** The award catalogue, loaded once. */
let catalogCache: Promise<CatalogEntryOut[]> | null = null;
export function useCatalog(): CatalogEntryOut[] {
  const [entries, setEntries] = useState<CatalogEntryOut[]>([]);
  useEffect(() => {
    catalogCache ??= call('awards.catalog').then((c) => c.entries);
    let live = true;
    catalogCache.then((e) => live && setEntries(e)).catch(() => (catalogCache = null));
    return () => {
      live = false;
    };
  }, []);
  return entries;
}

function CreateModal({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const catalog = useCatalog();
  const { open } = useDossiers();
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [award, setAward] = useState<string | null>('BK_TINH');
  const [campaigns, setCampaigns] = useState<{ value: string; label: string }[]>([]);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const [basis, setBasis] = useState('thuong_xuyen');
  const [procedure, setProcedure] = useState('thuong');
  const [sector, setSector] = useState('chung');
  const action = useAction();
  useEffect(() => {
    if (!opened) return;
    call('campaigns.list')
      .then((list) => setCampaigns(list.map((c) => ({ value: c.id, label: `${c.name} (${c.yearFrom}${c.yearTo !== c.yearFrom ? `–${c.yearTo}` : ''})` }))))
      .catch(() => setCampaigns([]));
  }, [opened]);
  const submit = async () => {
    const d = await action.run(() =>
      call('dossiers.create', {
        year,
        awardCode: award as never,
        campaignId,
        basis: basis as never,
        procedure: procedure as never,
        sector: sector as never,
      }),
    );
    if (d) {
      onClose();
      open(d.id);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={D.newDossier.title} size="lg">
      <Stack>
        <FormError error={action.error} />
        <Group grow align="flex-start">
          <NumberInput label={D.newDossier.year} value={year} onChange={(v) => setYear(Number(v) || year)} min={1990} max={2200} data-testid="new-dossier-year" />
          <Select
            label={D.newDossier.award}
            description={D.newDossier.awardHint}
            data={catalog.map((e) => ({ value: e.code, label: e.name }))}
            value={award}
            onChange={setAward}
            allowDeselect={false}
            searchable
            data-testid="new-dossier-award"
          />
        </Group>
        <Select label={D.newDossier.campaign} data={campaigns} value={campaignId} onChange={setCampaignId} clearable searchable />
        <Group grow>
          <Select label={D.newDossier.basis} data={Object.entries(D.bases).map(([value, label]) => ({ value, label }))} value={basis} onChange={(v) => v && setBasis(v)} allowDeselect={false} />
          <Select
            label={D.newDossier.procedure}
            data={Object.entries(PROCEDURE_LABELS).map(([value, label]) => ({ value, label }))}
            value={procedure}
            onChange={(v) => v && setProcedure(v)}
            allowDeselect={false}
          />
        </Group>
        <Select
          label={D.newDossier.sector}
          data={Object.entries(SECTOR_LABELS).map(([value, label]) => ({ value, label }))}
          value={sector}
          onChange={(v) => v && setSector(v)}
          allowDeselect={false}
          data-testid="new-dossier-sector"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {D.newDossier.cancel}
          </Button>
          <Button onClick={() => void submit()} loading={action.busy} disabled={!award} data-testid="new-dossier-create">
            {D.newDossier.create}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The filters both lists share: the search (answered by the core), the year and the status; then how many are shown. */
function ListFilters({ list, shown, statusLabels, children }: { list: DossierSummary[]; shown: number; statusLabels: Partial<Record<DossierStatus, string>>; children?: ReactNode }) {
  const { search, year, status, setSearch, setYear, setStatus } = useDossiers();
  const [text, setText] = useDebouncedSearch(search, setSearch);
  const years = useMemo(() => [...new Set([...list.map((d) => d.year), ...(year ? [year] : [])])].sort((a, b) => b - a), [list, year]);
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        w={300}
        placeholder={D.filters.searchShort}
        title={D.filters.search}
        aria-label={D.filters.search}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="dossier-search"
      />
      <Select
        w={130}
        aria-label={D.filters.year}
        placeholder={D.filters.allYears}
        data={years.map((y) => ({ value: String(y), label: String(y) }))}
        value={year ? String(year) : null}
        onChange={(v) => setYear(v ? Number(v) : null)}
        clearable
        data-testid="dossier-year-filter"
      />
      <Select
        w={170}
        aria-label={D.filters.status}
        data={[{ value: 'all', label: D.filters.allStatuses }, ...Object.entries(statusLabels).map(([value, label]) => ({ value, label }))]}
        value={status}
        onChange={(v) => setStatus((v ?? 'all') as DossierStatus | 'all')}
        allowDeselect={false}
        data-testid="dossier-status-filter"
      />
      {children}
      <Text size="sm" c="dimmed" pb={8} data-testid="dossier-count">
        {D.filters.count(shown, list.length, search.trim() !== '')}
      </Text>
    </Group>
  );
}

/** The list's rows after the year and status filters (the search is the core's). */
function useShown(list: DossierSummary[]): DossierSummary[] {
  const { year, status } = useDossiers();
  return useMemo(() => list.filter((d) => (!year || d.year === year) && (status === 'all' || d.status === status)), [list, year, status]);
}

function NothingShown() {
  const { setSearch, setYear, setStatus } = useDossiers();
  return (
    <Group gap="sm" data-testid="dossier-none">
      <Text c="dimmed">{D.filters.none}</Text>
      <Button
        size="xs"
        variant="subtle"
        onClick={() => {
          setYear(null);
          setStatus('all');
          setSearch('');
        }}
      >
        {D.filters.clear}
      </Button>
    </Group>
  );
}

/** Under a dossier's title: what tells two alike apart (campaign, procedure, when sent) and whom a search found in it. */
function DossierMeta({ d }: { d: DossierSummary }) {
  const parts = [
    d.campaignName,
    d.basis !== 'thuong_xuyen' ? D.bases[d.basis] : '',
    d.procedure !== 'thuong' ? PROCEDURE_LABELS[d.procedure] : '',
    d.submittedAt ? D.filters.submitted(formatInstantDateVi(d.submittedAt)) : '',
  ].filter(Boolean);
  return (
    <>
      {parts.length > 0 && (
        <Text size="xs" c="dimmed">
          {parts.join(' · ')}
        </Text>
      )}
      {d.matchedNominees.length > 0 && (
        <Text size="xs" c="blue.8" data-testid="dossier-matched">
          {D.filters.matched(d.matchedNominees, d.moreMatchedNominees)}
        </Text>
      )}
    </>
  );
}

function OwnList({ list }: { list: DossierSummary[] }) {
  const { open, search } = useDossiers();
  const shown = useShown(list);
  if (list.length === 0 && !search) return <Text c="dimmed">{D.empty}</Text>;
  return (
    <Stack>
      <ListFilters list={list} shown={shown.length} statusLabels={DOSSIER_STATUS_LABELS} />
      {shown.length === 0 ? (
        <NothingShown />
      ) : (
        <Table striped highlightOnHover data-testid="dossier-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{D.cols.title}</Table.Th>
              <Table.Th>{D.cols.year}</Table.Th>
              <Table.Th>{D.cols.award}</Table.Th>
              <Table.Th>{D.cols.nominees}</Table.Th>
              <Table.Th>{D.cols.updated}</Table.Th>
              <Table.Th>{D.cols.status}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((d) => (
              <Table.Tr key={d.id} data-testid="dossier-row">
                <Table.Td>
                  <Text size="sm">{d.title}</Text>
                  <DossierMeta d={d} />
                </Table.Td>
                <Table.Td>{d.year}</Table.Td>
                <Table.Td>{d.awardName}</Table.Td>
                <Table.Td>{d.nomineeCount}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} title={formatDateTimeVi(d.updatedAt)}>
                  {formatInstantDateVi(d.updatedAt)}
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={d.status} />
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => open(d.id)} data-testid="dossier-open">
                    {D.open}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

/** a received dossier has been sent: never a draft */
const { draft: _never, ...RECEIVED_FILTER_LABELS } = RECEIVED_STATUS_LABELS;

function ReceivedList({ list }: { list: DossierSummary[] }) {
  const { open, search, setTab } = useDossiers();
  const [office, setOffice] = useState<string | null>(null);
  const filtered = useShown(list);
  const offices = useMemo(() => [...new Map(list.map((d) => [d.originOfficeId, d.originOfficeName])).entries()], [list]);
  // one award at a time: what a dossier sent up holds
  const [award, setAward] = useState<string | null>(null);
  const awards = useMemo(() => [...new Map(list.map((d) => [d.awardCode, d.awardName])).entries()].sort((a, b) => compareVi(a[1], b[1])), [list]);
  const shown = filtered.filter((d) => (!office || d.originOfficeId === office) && (!award || d.awardCode === award));
  const listing = useAction();
  const consolidating = useAction();
  if (list.length === 0 && !search) return <Text c="dimmed">{D.emptyReceived}</Text>;
  return (
    <Stack>
      <ListFilters list={list} shown={shown.length} statusLabels={RECEIVED_FILTER_LABELS}>
        <Select
          aria-label={D.received.office}
          placeholder={D.received.allOffices}
          data={offices.map(([value, label]) => ({ value, label }))}
          value={office}
          onChange={setOffice}
          clearable
          w={280}
          data-testid="received-office-filter"
        />
        <Select
          aria-label={D.received.award}
          placeholder={D.received.allAwards}
          data={awards.map(([value, label]) => ({ value, label }))}
          value={award}
          onChange={setAward}
          clearable
          w={280}
          data-testid="received-award-filter"
        />
        <Button
          variant="default"
          title={D.received.listTitle}
          disabled={shown.length === 0}
          loading={listing.busy}
          onClick={() => void listing.run(async () => saveFile(await call('dossiers.receivedList', { ids: shown.map((d) => d.id) })))}
          data-testid="received-list-export"
        >
          {D.received.list}
        </Button>
        <Button
          variant="default"
          title={D.received.consolidateTitle}
          disabled={shown.length === 0}
          loading={consolidating.busy}
          onClick={() =>
            void consolidating.run(async () => {
              const created = await call('dossiers.consolidate', { ids: shown.map((d) => d.id) });
              notifications.show({ color: 'teal', message: D.received.consolidated(created.nominees.length) });
              setTab('own');
              open(created.id);
            })
          }
          data-testid="received-consolidate"
        >
          {D.received.consolidate}
        </Button>
      </ListFilters>
      <FormError error={listing.error ?? consolidating.error} />
      {shown.length === 0 && <NothingShown />}
      {offices
        .filter(([id]) => !office || id === office)
        .map(([id, name]) => {
          const mine = list.filter((d) => d.originOfficeId === id);
          const rows = shown.filter((d) => d.originOfficeId === id);
          if (rows.length === 0) return null;
          const n = (s: DossierStatus) => mine.filter((d) => d.status === s).length;
          return (
            <Paper key={id} withBorder p="sm" data-testid="received-office">
              <Group justify="space-between" mb="xs">
                <Title order={5}>{name || id}</Title>
                <Text size="sm" c="dimmed">
                  {D.received.counts(n('submitted'), n('approved'), n('returned'))}
                </Text>
              </Group>
              <Table striped>
                <Table.Tbody>
                  {rows.map((d) => (
                    <Table.Tr key={d.id} data-testid="received-row">
                      <Table.Td>
                        <Text size="sm">{d.title}</Text>
                        <DossierMeta d={d} />
                      </Table.Td>
                      <Table.Td>{d.year}</Table.Td>
                      <Table.Td>{d.nomineeCount} đề nghị</Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <StatusBadge status={d.status} received />
                          {d.consolidatedInto.length > 0 && (
                            <Badge variant="outline" color="gray" miw="max-content" title={D.received.consolidatedIn(d.consolidatedInto.map((c) => c.title).join('; '))} data-testid="received-consolidated">
                              {D.received.consolidatedBadge}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Button size="xs" variant="light" onClick={() => open(d.id)} data-testid="received-open">
                          {D.open}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
          );
        })}
    </Stack>
  );
}

export function DossiersPage() {
  const { tab, setTab, openId, list, listError, loadList } = useDossiers();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    void loadList();
  }, [loadList]);
  if (openId) return <DossierView />;
  return (
    <Stack data-testid="dossiers-page">
      <Group justify="space-between">
        <Title order={2}>{D.title}</Title>
        {tab === 'own' && (
          <Button onClick={() => setCreating(true)} data-testid="dossier-create">
            {D.create}
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" maw={900}>
        {D.intro}
      </Text>
      <Tabs value={tab} onChange={(v) => v && leaveOrAsk(() => setTab(v as 'own' | 'received'))}>
        <Tabs.List>
          <Tabs.Tab value="own" data-testid="dossiers-tab-own">
            {D.tabs.own}
          </Tabs.Tab>
          <Tabs.Tab value="received" data-testid="dossiers-tab-received">
            {D.tabs.received}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      {listError && <Alert color="red">{listError}</Alert>}
      {tab === 'own' ? <OwnList list={list} /> : <ReceivedList list={list} />}
      <CreateModal opened={creating} onClose={() => setCreating(false)} />
    </Stack>
  );
}
