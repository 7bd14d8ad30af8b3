// "Hồ sơ đề nghị": the office's dossiers (create, open the builder) and, at the province, the
// dossiers received from offices (consolidated by office and status, open, record the outcome).
import { useEffect, useMemo, useState } from 'react';
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, SegmentedControl, Select, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import type { CatalogEntryOut } from '../../../shared/contract/records';
import type { DossierSummary } from '../../../shared/contract/dossiers';
import { DOSSIER_STATUS_LABELS, PROCEDURE_LABELS, RECEIVED_STATUS_LABELS, SECTOR_LABELS, type DossierStatus } from '../../../shared/dossiers/model';
import { formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { DossierView } from './DossierView';
import { useDossiers } from './store';
import { D } from './strings';

export const STATUS_COLORS: Record<DossierStatus, string> = { draft: 'gray', submitted: 'blue', approved: 'green', returned: 'orange' };

export function StatusBadge({ status, received }: { status: DossierStatus; received?: boolean }) {
  return (
    // max-content: in the list's narrow column a table squeezed the badge and cut its label ("ĐANG SO…")
    <Badge color={STATUS_COLORS[status]} variant="light" miw="max-content" data-testid="dossier-status" data-status={status}>
      {(received ? RECEIVED_STATUS_LABELS : DOSSIER_STATUS_LABELS)[status]}
    </Badge>
  );
}

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

function OwnList({ list }: { list: DossierSummary[] }) {
  const { open } = useDossiers();
  if (list.length === 0) return <Text c="dimmed">{D.empty}</Text>;
  return (
    <Table striped highlightOnHover data-testid="dossier-list">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{D.cols.title}</Table.Th>
          <Table.Th>{D.cols.year}</Table.Th>
          <Table.Th>{D.cols.award}</Table.Th>
          <Table.Th>{D.cols.nominees}</Table.Th>
          <Table.Th>{D.cols.status}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map((d) => (
          <Table.Tr key={d.id} data-testid="dossier-row">
            <Table.Td>{d.title}</Table.Td>
            <Table.Td>{d.year}</Table.Td>
            <Table.Td>{d.awardName}</Table.Td>
            <Table.Td>{d.nomineeCount}</Table.Td>
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
  );
}

function ReceivedList({ list }: { list: DossierSummary[] }) {
  const { open } = useDossiers();
  const [office, setOffice] = useState<string | null>(null);
  const [status, setStatus] = useState<string>('all');
  const offices = useMemo(() => [...new Map(list.map((d) => [d.originOfficeId, d.originOfficeName])).entries()], [list]);
  const shown = list.filter((d) => (!office || d.originOfficeId === office) && (status === 'all' || d.status === status));
  if (list.length === 0) return <Text c="dimmed">{D.emptyReceived}</Text>;
  return (
    <Stack>
      <Group align="flex-end">
        <Select
          label={D.received.office}
          placeholder={D.received.allOffices}
          data={offices.map(([value, label]) => ({ value, label }))}
          value={office}
          onChange={setOffice}
          clearable
          w={320}
        />
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={[
            { value: 'all', label: D.received.all },
            { value: 'submitted', label: RECEIVED_STATUS_LABELS.submitted },
            { value: 'approved', label: RECEIVED_STATUS_LABELS.approved },
            { value: 'returned', label: RECEIVED_STATUS_LABELS.returned },
          ]}
          data-testid="received-status"
        />
      </Group>
      {offices
        .filter(([id]) => !office || id === office)
        .map(([id, name]) => {
          const mine = list.filter((d) => d.originOfficeId === id);
          const rows = shown.filter((d) => d.originOfficeId === id);
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
                      <Table.Td>{d.title}</Table.Td>
                      <Table.Td>{d.year}</Table.Td>
                      <Table.Td>{d.nomineeCount} đề nghị</Table.Td>
                      <Table.Td>{d.submittedAt ? formatDateVi(d.submittedAt.slice(0, 10)) : ''}</Table.Td>
                      <Table.Td>
                        <StatusBadge status={d.status} received />
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
      <Tabs value={tab} onChange={(v) => v && setTab(v as 'own' | 'received')}>
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
