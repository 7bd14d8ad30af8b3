// Thi đua, khen thưởng: year-end entry, decisions, initiatives, disciplines, registrations,
// the eligibility check, timelines, statistics, and the catalogue with provincial settings.
import { useEffect, useState } from 'react';
import { Button, Group, Modal, Stack, Tabs, Title } from '@mantine/core';
import { useUnits } from '../units/store';
import { useStaffChoices } from '../staff/choices';
import { CatalogTab } from './CatalogTab';
import { CheckerTab } from './CheckerTab';
import { DecisionsTab } from './DecisionsTab';
import { DisciplinesTab, InitiativesTab, RegistrationsTab } from './RecordLists';
import { RecordsImportDialog } from './RecordsImportDialog';
import { StatsTab } from './StatsChart';
import { TimelineTab } from './TimelineTab';
import { YearGridTab } from './YearGrid';
import { useAwards, type AwardsTab } from './store';
import { T } from './strings';
import './awards.css';

const TABS: AwardsTab[] = ['grid', 'decisions', 'initiatives', 'disciplines', 'registrations', 'check', 'timeline', 'chart', 'catalog'];

export function AwardsPage() {
  const { tab, setTab, loadCatalog, changed } = useAwards();
  const refreshUnits = useUnits((s) => s.refresh);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void refreshUnits();
    void loadCatalog();
    // the person pickers of the tabs' forms: fetched ahead, so the first form opens at once
    void useStaffChoices.getState().refresh();
  }, [refreshUnits, loadCatalog]);

  return (
    <Stack h="calc(100vh - 84px)" gap="sm">
      <Group justify="space-between">
        <Title order={2}>{T.title}</Title>
        <Button variant="default" onClick={() => setImporting(true)} data-testid="records-import">
          {T.importOld}
        </Button>
      </Group>
      <Tabs value={tab} onChange={(v) => setTab((v ?? 'grid') as AwardsTab)}>
        <Tabs.List>
          {TABS.map((t) => (
            <Tabs.Tab key={t} value={t} data-testid={`awards-tab-${t}`}>
              {T.tabs[t]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {/* the grid stays mounted: unsaved edits survive a look at another tab */}
      <div style={{ flex: 1, minHeight: 0, display: tab === 'grid' ? 'flex' : 'none', flexDirection: 'column' }}>
        <YearGridTab />
      </div>
      {tab !== 'grid' && (
        <div
          role="tabpanel"
          style={tab === 'check' ? { flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' } : { flex: 1, minHeight: 0, overflow: 'auto' }}
        >
          {tab === 'decisions' && <DecisionsTab />}
          {tab === 'initiatives' && <InitiativesTab />}
          {tab === 'disciplines' && <DisciplinesTab />}
          {tab === 'registrations' && <RegistrationsTab />}
          {tab === 'check' && <CheckerTab />}
          {tab === 'timeline' && <TimelineTab />}
          {tab === 'chart' && <StatsTab />}
          {tab === 'catalog' && <CatalogTab />}
        </div>
      )}
      <Modal opened={importing} onClose={() => setImporting(false)} title={T.import.title} size="95%">
        {importing && (
          <RecordsImportDialog
            onClose={() => setImporting(false)}
            onImported={() => {
              setImporting(false);
              changed();
            }}
          />
        )}
      </Modal>
    </Stack>
  );
}
