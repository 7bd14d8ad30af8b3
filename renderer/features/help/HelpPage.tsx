// Hướng dẫn: how the year's work is done in the app, what to do after a wrong click, backups,
// the rules applied, keys — offline, searched without diacritics; each step opens its screen.
import { useEffect, useState } from 'react';
import { Button, Code, Group, List, NavLink, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useRouter, type RouteId } from '../../app/router';
import { useSession } from '../../app/session';
import { S } from '../../app/strings';
import type { ExternalBackup } from '../../../shared/contract/backup';
import { formatDateTimeVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { H } from '../home/strings';
import { findTopics } from './find';
import { useHelp } from './store';
import { HS, TOPICS, type HelpPlace, type HelpTopic } from './strings';
import { useAwards } from '../awards/store';
import { T as AWARDS } from '../awards/strings';
import { useTasks } from '../tasks/store';
import { T as TASKS } from '../tasks/strings';
import { useDossiers } from '../dossiers/store';
import { D as DOSSIERS } from '../dossiers/strings';

const screenName = (route: RouteId): string => (route === 'home' ? H.nav : S.nav[route]);

/** What the step's button says: the tab where the screen has tabs, else the screen. */
function placeName(p: HelpPlace): string {
  if (p.route === 'awards' && p.tab) return HS.openTab(AWARDS.tabs[p.tab]);
  if (p.route === 'tasks' && p.tab) return HS.openTab(TASKS.tabs[p.tab]);
  if (p.route === 'dossiers' && p.tab) return HS.openTab(DOSSIERS.tabs[p.tab]);
  return HS.open(screenName(p.route!));
}

/** Open the step's screen on its tab (the screens keep their tab in their stores). */
function openPlace(p: HelpPlace): void {
  if (p.route === 'awards' && p.tab) useAwards.getState().setTab(p.tab);
  if (p.route === 'tasks' && p.tab) useTasks.getState().setView(p.tab);
  if (p.route === 'dossiers' && p.tab && useDossiers.getState().tab !== p.tab) useDossiers.getState().setTab(p.tab);
  if (p.route) useRouter.getState().go(p.route);
}

/** The data file, and the last backup that left this computer's disk (backup.status). */
function DataPlace() {
  const dbPath = useSession((s) => s.info?.dbPath);
  const [external, setExternal] = useState<ExternalBackup | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    call('backup.status')
      .then((r) => live && setExternal(r.lastExternal))
      .catch(() => live && setExternal(undefined));
    return () => {
      live = false;
    };
  }, []);
  return (
    <Stack gap={4}>
      {dbPath && (
        <Text size="sm">
          {HS.dataFile} <Code data-testid="help-db-path">{dbPath}</Code>
        </Text>
      )}
      {external !== undefined && (
        <Text size="sm" data-testid="help-last-external">
          {external ? (
            <>
              {HS.lastExternal(formatDateTimeVi(external.createdAt))} <Code>{external.path}</Code>
            </>
          ) : (
            HS.noExternal
          )}
        </Text>
      )}
    </Stack>
  );
}

function TopicView({ topic }: { topic: HelpTopic }) {
  return (
    <Paper withBorder p="md" data-testid={`help-topic-${topic.id}`}>
      <Stack gap="sm">
        <Title order={3}>{topic.title}</Title>
        {topic.intro && <Text size="sm">{topic.intro}</Text>}
        {topic.dataPlace && <DataPlace />}
        {topic.steps && (
          <List type={topic.id === 'nam-cong-tac' ? 'ordered' : 'unordered'} spacing="sm" size="sm">
            {topic.steps.map((step) => (
              <List.Item key={step.text}>
                {/* the button under the text: beside it, a 1024 px window left the text a narrow column */}
                <Stack gap={4} align="flex-start">
                  <Text size="sm">{step.text}</Text>
                  {step.route && (
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => openPlace(step)}
                      data-testid={`help-open-${step.route}${step.tab ? `-${step.tab}` : ''}`}
                    >
                      {placeName(step)}
                    </Button>
                  )}
                </Stack>
              </List.Item>
            ))}
          </List>
        )}
        {topic.keys?.map((group) => (
          <Stack gap={4} key={group.title}>
            <Text fw={600} size="sm">
              {group.title}
            </Text>
            <Table withTableBorder striped fz="sm" maw={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={220}>{HS.keysCol}</Table.Th>
                  <Table.Th>{HS.whatCol}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {group.rows.map(([keys, what]) => (
                  <Table.Tr key={keys}>
                    <Table.Td>
                      <Code>{keys}</Code>
                    </Table.Td>
                    <Table.Td>{what}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

export function HelpPage() {
  const { topic: chosen, setTopic: setChosen, search, setSearch } = useHelp();
  const found = findTopics(TOPICS, search);
  // the topic chosen while the search still finds it, else the first one found
  const shown = found.find((t) => t.id === chosen) ?? found[0];
  return (
    <Stack>
      <div>
        <Title order={2}>{HS.title}</Title>
        <Text size="sm" c="dimmed">
          {HS.intro}
        </Text>
      </div>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} w={260} style={{ flexShrink: 0 }}>
          <TextInput
            placeholder={HS.search}
            aria-label={HS.searchLabel}
            title={HS.searchLabel}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            data-testid="help-search"
          />
          <nav aria-label={HS.title}>
            {found.map((t) => (
              <NavLink key={t.id} label={t.title} active={t.id === shown?.id} onClick={() => setChosen(t.id)} data-testid={`help-nav-${t.id}`} />
            ))}
          </nav>
          {found.length === 0 && (
            <Text size="sm" c="dimmed" data-testid="help-nothing">
              {HS.nothing}
            </Text>
          )}
        </Stack>
        <div style={{ flex: 1, minWidth: 0 }}>{shown && <TopicView topic={shown} />}</div>
      </Group>
    </Stack>
  );
}
