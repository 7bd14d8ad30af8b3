import { useEffect } from 'react';
import { useHotkeys } from '@mantine/hooks';
import { AppShell, Alert, Badge, Button, Center, Group, Loader, NavLink, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { S } from './strings';
import { useRouter, type RouteId } from './router';
import { useWindowSubject } from '../lib/window-title';
import { useSavedFiles } from '../lib/saved-files';
import { useOpenedBundles } from '../features/exchange/useOpenedBundles';
import { useSession } from './session';
import { OfficeSetupPage } from '../features/office/OfficeSetupPage';
import { UnitsPage } from '../features/units/UnitsPage';
import { StaffPage } from '../features/staff/StaffPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { PlansPage } from '../features/plans/PlansPage';
import { ExchangePage } from '../features/exchange/ExchangePage';
import { BackupPage } from '../features/backup/BackupPage';
import { TrashPage } from '../features/trash/TrashPage';
import { HelpPage } from '../features/help/HelpPage';
import { HELP_SHORTCUT } from '../features/help/strings';
import { RecoveryPage } from '../features/backup/RecoveryPage';
import { DossiersPage } from '../features/dossiers/DossiersPage';
import { AwardsPage } from '../features/awards/AwardsPage';
import { TasksPage } from '../features/tasks/TasksPage';
import { HomePage } from '../features/home/HomePage';
import { H } from '../features/home/strings';
import { CurrentProfileBadge } from '../features/audit/CurrentProfileBadge';
import { QuickSearch, QuickSearchButton } from '../features/search/QuickSearch';
import { ErrorBoundary } from '../features/diagnostics/ErrorBoundary';

const NAV: { id: RouteId; label: string }[] = [
  { id: 'home', label: H.nav },
  { id: 'units', label: S.nav.units },
  { id: 'staff', label: S.nav.staff },
  { id: 'plans', label: S.nav.plans },
  { id: 'tasks', label: S.nav.tasks },
  { id: 'awards', label: S.nav.awards },
  { id: 'dossiers', label: S.nav.dossiers },
  { id: 'exchange', label: S.nav.exchange },
  { id: 'backup', label: S.nav.backup },
  { id: 'trash', label: S.nav.trash },
  { id: 'settings', label: S.nav.settings },
  { id: 'help', label: S.nav.help },
];

function Page({ route }: { route: RouteId }) {
  switch (route) {
    case 'units':
      return <UnitsPage />;
    case 'staff':
      return <StaffPage />;
    case 'tasks':
      return <TasksPage />;
    case 'plans':
      return <PlansPage />;
    case 'awards':
      return <AwardsPage />;
    case 'settings':
      return <SettingsPage />;
    case 'exchange':
      return <ExchangePage />;
    case 'backup':
      return <BackupPage />;
    case 'trash':
      return <TrashPage />;
    case 'help':
      return <HelpPage />;
    case 'dossiers':
      return <DossiersPage />;
    case 'home':
    default:
      return <HomePage />;
  }
}

export function App() {
  const { loaded, error, office, info, load } = useSession();
  const { route, go } = useRouter();
  useEffect(() => {
    void load();
  }, [load]);
  // signs of damage can come after the first screen (the start backup's check takes seconds)
  const refreshInfo = useSession((s) => s.refreshInfo);
  useEffect(() => {
    void refreshInfo();
  }, [route, refreshInfo]);
  // the window's title names the screen and the office (the home screen: the office alone)
  // or what is open in it (a plan in the editor, a dossier)
  const officeName = office?.name ?? null;
  const subject = useWindowSubject((s) => s.subject);
  useEffect(() => {
    const screen = subject ?? (route === 'home' ? null : NAV.find((n) => n.id === route)?.label ?? null);
    document.title = S.windowTitle(officeName ? screen : null, officeName);
  }, [route, officeName, subject]);
  // the desktop app says where each saved file went, or why it could not be written
  useSavedFiles();
  // and a bundle double-clicked in Explorer opens on Trao đổi dữ liệu
  useOpenedBundles(go);
  // F1 opens the Hướng dẫn from anywhere, a text field included
  useHotkeys([[HELP_SHORTCUT, () => go('help')]], []);

  if (!loaded)
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  if (error)
    return (
      <Center h="100vh">
        <Alert color="red" title={S.loadFailed} maw={560}>
          <Stack>
            <Text size="sm">{error}</Text>
            <Button onClick={() => void load()}>{S.retry}</Button>
          </Stack>
        </Alert>
      </Center>
    );
  if (info?.recovery) return <RecoveryPage info={{ ...info, recovery: info.recovery }} />;
  if (!office) return <OfficeSetupPage firstRun />;

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 230, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="sm">
            <Title order={4} c="red.8">
              {S.appName}
            </Title>
            <Text size="sm" c="dimmed">
              {office.name}
            </Text>
          </Group>
          <Group gap="sm">
            <QuickSearchButton />
            <CurrentProfileBadge />
            {info?.host === 'web' && (
              <Badge color="gray" variant="light" title={info.fallbackReason ?? ''}>
                {S.browserMode}
              </Badge>
            )}
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <ScrollArea>
          <nav aria-label="Điều hướng chính">
            {NAV.map((n) => (
              <NavLink
                key={n.id}
                label={n.label}
                active={route === n.id}
                onClick={(e) => {
                  // the router changes the hash itself, after asking about unsaved edits
                  e.preventDefault();
                  go(n.id);
                }}
                href={`#/${n.id}`}
                data-testid={`nav-${n.id}`}
              />
            ))}
          </nav>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main>
        {info?.damage && (
          <Alert color="red" title={S.damageTitle} mb="md" data-testid="damage-banner">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{info.damage}</Text>
              {route !== 'backup' && (
                <Button size="compact-sm" color="red" variant="light" onClick={() => go('backup')}>
                  {S.damageOpenBackup}
                </Button>
              )}
            </Stack>
          </Alert>
        )}
        {info?.dataOnNetwork && (route === 'home' || route === 'settings' || route === 'backup') && (
          <Alert color="yellow" title={S.networkTitle} mb="md" data-testid="network-banner">
            <Text size="sm">{S.network(info.dbPath)}</Text>
          </Alert>
        )}
        {/* a new boundary per screen: leaving a screen that failed leaves its error behind */}
        <ErrorBoundary
          key={route}
          screen={NAV.find((n) => n.id === route)?.label ?? H.nav}
          about={{ version: info?.version, host: info?.host }}
          onHome={() => go('home')}
        >
          <Page route={route} />
        </ErrorBoundary>
      </AppShell.Main>
      <QuickSearch />
    </AppShell>
  );
}
