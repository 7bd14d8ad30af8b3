// Tổng quan: the tasks that need attention (overdue, due within N days) and the current
// quarter's progress. Overdue is computed by the core from today's date on this computer.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, Paper, Progress, ScrollArea, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { Task } from '../../../shared/contract/tasks';
import { countStatuses } from '../../../shared/tasks/stats';
import { currentYearQuarter, daysBetween, daysUntilDue, quarterRoman } from '../../../shared/tasks/status';
import { formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import type { ProcOutput } from '../../../shared/contract';
import { useRouter } from '../../app/router';
import { useTasks } from '../tasks/store';
import { usePlans } from '../plans/store';
import { unitRefsText, useUnitLabels } from '../units/store';
import { STATUS_FILL, VirtualList } from '../tasks/parts';
import { H } from './strings';
import { T as BT } from '../backup/strings';
import { SetupSteps } from './SetupSteps';
import { DossierAttention } from './DossierAttention';
import { DataAttention } from './DataAttention';
import './home.css';

const DAYS_KEY = 'tdkt.home.dueDays';
/** "Để sau" on the backup reminder: until the app is opened again */
let backupRemindDismissed = false;
const ROW = 58;

function loadDays(): number {
  const v = Number(localStorage.getItem(DAYS_KEY));
  return Number.isInteger(v) && v >= 0 && v <= 366 && localStorage.getItem(DAYS_KEY) !== null ? v : 14;
}

function TaskLine({ task, today, onOpen, testId }: { task: Task; today: string; onOpen(): void; testId: string }) {
  const left = daysUntilDue(task, today);
  const lead = unitRefsText(task.lead, useUnitLabels()) || H.noLead;
  return (
    <UnstyledButton
      onClick={onOpen}
      data-testid={testId}
      style={{
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'center',
        gap: 2,
        width: '100%',
        height: '100%',
        padding: '4px 10px',
        borderLeft: `4px solid ${STATUS_FILL[task.displayStatus]}`,
        borderBottom: '1px solid var(--mantine-color-gray-2)',
      }}
    >
      <Text size="sm" fw={500} truncate="end" title={task.title}>
        {task.title}
      </Text>
      <Group gap={6} wrap="nowrap">
        <Text size="xs" c={left < 0 ? 'var(--mantine-color-red-light-color)' : 'var(--mantine-color-orange-light-color)'} fw={600} style={{ whiteSpace: 'nowrap' }}>
          {left < 0 ? H.overdueBy(-left) : H.dueIn(left)}
        </Text>
        <Text size="xs" c="dimmed" truncate="end">
          · {H.due(formatDateVi(task.effectiveDue))} · {lead}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

export function HomePage() {
  const go = useRouter((s) => s.go);
  const { version } = useTasks();
  const [days, setDays] = useState(loadDays);
  const [data, setData] = useState<{ today: string; overdue: Task[]; dueSoon: Task[] } | null>(null);
  const [quarterTasks, setQuarterTasks] = useState<Task[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [showOlder, setShowOlder] = useState(false);
  const [backup, setBackup] = useState<ProcOutput<'backup.status'> | null>(null);
  const [campaignDates, setCampaignDates] = useState<ProcOutput<'campaigns.upcoming'>['dates']>([]);
  const [remindLater, setRemindLater] = useState(backupRemindDismissed);
  useEffect(() => {
    call('backup.status')
      .then(setBackup)
      .catch(() => setBackup(null));
  }, []);

  useEffect(() => {
    let live = true;
    call('tasks.upcoming', { days })
      .then(async (r) => {
        if (!live) return;
        setData(r);
        setError(null);
        const { year, quarter } = currentYearQuarter(r.today);
        const q = await call('tasks.list', { year, quarter });
        if (live) setQuarterTasks(q.rows);
      })
      .catch((e: Error) => live && setError(e.message));
    // a campaign's deadlines and sơ kết / tổng kết dates in the same window as the tasks due
    call('campaigns.upcoming', { days })
      .then((r) => live && setCampaignDates(r.dates))
      .catch(() => live && setCampaignDates([]));
    return () => {
      live = false;
    };
  }, [days, version]);

  const openCampaign = (id: string) => {
    usePlans.getState().select(id);
    go('plans');
  };

  const open = (t: Task) => {
    useTasks.getState().showTask(t.id, t.year, t.effectiveQuarter);
    go('tasks');
  };

  const setN = (v: number | string) => {
    const n = typeof v === 'number' ? Math.max(0, Math.min(366, Math.round(v))) : 14;
    setDays(n);
    localStorage.setItem(DAYS_KEY, String(n));
  };

  const today = data?.today ?? null;
  const cq = today ? currentYearQuarter(today) : null;
  // this year's and last year's overdue tasks first; older ones (a past plan's tasks never
  // marked done) are folded behind a button rather than filling the panel
  const recentFrom = cq ? cq.year - 1 : 0;
  const allOverdue = data?.overdue ?? [];
  const recentOverdue = allOverdue.filter((t) => t.year >= recentFrom);
  const olderOverdue = allOverdue.filter((t) => t.year < recentFrom);
  const olderYears = olderOverdue.map((t) => t.year);
  const c = countStatuses(quarterTasks, today ?? '0000-00-00');
  const pct = (n: number) => (c.total ? (n * 100) / c.total : 0);

  return (
    // the panel of tasks fills the window; with the first steps, a reminder and a campaign's
    // dates above it in a low window it keeps room for a few rows, and the page scrolls
    <Stack h="calc(100vh - 84px)" gap="md" className="home-page" style={{ overflowY: 'auto' }}>
      <Group justify="space-between">
        <Title order={2}>{H.title}</Title>
        {today && <Text c="dimmed">{H.today(formatDateVi(today))}</Text>}
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      {backup?.autoFailed && (
        <Alert color="red" title={BT.autoFailedTitle} data-testid="home-backup-failed">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm">{BT.autoFailed(BT.time(backup.autoFailed.at), backup.autoFailed.message)}</Text>
            <Button size="xs" variant="default" style={{ flexShrink: 0 }} onClick={() => go('backup')}>
              {H.backupRemind.open}
            </Button>
          </Group>
        </Alert>
      )}
      {backup?.remind && !remindLater && (
        <Alert color="orange" title={H.backupRemind.title} data-testid="home-backup-remind">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm">{backup.daysSinceExternal === null ? H.backupRemind.never : H.backupRemind.days(backup.daysSinceExternal)}</Text>
            <Group gap="xs" wrap="nowrap">
              <Button size="xs" variant="default" onClick={() => go('backup')}>
                {H.backupRemind.open}
              </Button>
              <Button
                size="xs"
                variant="subtle"
                color="gray"
                onClick={() => {
                  backupRemindDismissed = true;
                  setRemindLater(true);
                }}
              >
                {H.backupRemind.later}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      <SetupSteps />
      <DossierAttention />
      <DataAttention />
      {cq && (
        <Paper withBorder p="md" data-testid="home-quarter">
          <Group justify="space-between" mb="xs">
            <Text fw={600}>{H.quarterTitle(quarterRoman(cq.quarter), cq.year)}</Text>
            <Group gap="sm">
              <Text size="sm" c="dimmed" data-testid="home-quarter-summary">
                {H.quarterSummary(c.done, c.total)}
              </Text>
              <Button size="xs" variant="light" onClick={() => go('tasks')}>
                {H.openTasks}
              </Button>
            </Group>
          </Group>
          {c.total === 0 ? (
            <Text size="sm" c="dimmed">
              {H.noTasks}
            </Text>
          ) : (
            <>
              <Progress.Root size="lg">
                <Progress.Section value={pct(c.done)} color={STATUS_FILL.hoan_thanh} aria-label={H.legend.done} />
                <Progress.Section value={pct(c.inProgress)} color={STATUS_FILL.dang_thuc_hien} aria-label={H.legend.inProgress} />
                <Progress.Section value={pct(c.overdue)} color={STATUS_FILL.qua_han} aria-label={H.legend.overdue} />
                <Progress.Section value={pct(c.notStarted)} color={STATUS_FILL.chua_thuc_hien} aria-label={H.legend.notStarted} />
              </Progress.Root>
              <Group gap="lg" mt="xs">
                {(
                  [
                    ['hoan_thanh', H.legend.done, c.done],
                    ['dang_thuc_hien', H.legend.inProgress, c.inProgress],
                    ['qua_han', H.legend.overdue, c.overdue],
                    ['chua_thuc_hien', H.legend.notStarted, c.notStarted],
                  ] as const
                ).map(([k, label, n]) => (
                  <Group key={k} gap={6}>
                    <span style={{ width: 10, height: 10, borderRadius: 2, background: STATUS_FILL[k], display: 'inline-block' }} />
                    <Text size="sm">
                      {label}: {n}
                    </Text>
                  </Group>
                ))}
              </Group>
            </>
          )}
        </Paper>
      )}
      <Paper withBorder p="md" style={{ flex: '1 0 0', minHeight: 380, display: 'flex', flexDirection: 'column' }} data-testid="home-panel">
        <Group justify="space-between" mb="sm">
          <Title order={4}>{H.panelTitle}</Title>
          <NumberInput
            label={H.days}
            value={days}
            onChange={setN}
            min={0}
            max={366}
            allowDecimal={false}
            w={110}
            size="xs"
            styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 }, label: { whiteSpace: 'nowrap' } }}
            data-testid="home-days"
          />
        </Group>
        <SimpleGrid cols={2} spacing="md" style={{ flex: 1, minHeight: 0 }}>
          <Stack gap={6} style={{ minHeight: 0 }}>
            <Group gap="xs">
              <Badge color="red" variant="filled" size="sm" circle>
                !
              </Badge>
              <Text fw={600} data-testid="home-overdue-title">
                {H.overdue(showOlder ? allOverdue.length : recentOverdue.length)}
              </Text>
              {olderOverdue.length > 0 && (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  onClick={() => setShowOlder((v) => !v)}
                  // its text wraps in a half-width column (1024 px) rather than being cut off
                  styles={{ root: { height: 'auto', paddingBlock: 2 }, label: { whiteSpace: 'normal', textAlign: 'left' } }}
                  data-testid="home-overdue-older"
                >
                  {showOlder ? H.hideOlder : H.showOlder(olderOverdue.length, Math.min(...olderYears), Math.max(...olderYears))}
                </Button>
              )}
            </Group>
            <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
              <VirtualList
                items={showOlder ? allOverdue : recentOverdue}
                rowHeight={ROW}
                testId="home-overdue"
                empty={
                  <Text size="sm" c="dimmed" p="md">
                    {olderOverdue.length > 0 && !showOlder ? H.noRecentOverdue : H.noOverdue}
                  </Text>
                }
                render={(t) => <TaskLine task={t} today={today!} onOpen={() => open(t)} testId="home-overdue-item" />}
              />
            </Paper>
          </Stack>
          <Stack gap={6} style={{ minHeight: 0 }}>
            <Text fw={600} data-testid="home-soon-title">
              {H.dueSoon(data?.dueSoon.length ?? 0, days)}
            </Text>
            {campaignDates.length > 0 && today && (
              <Paper withBorder p={6} data-testid="home-campaign-dates">
                <Text size="xs" fw={600} c="dimmed" px={4}>
                  {H.campaignDates.title(campaignDates.length)}
                </Text>
                <ScrollArea.Autosize mah={132}>
                  {campaignDates.map((d) => (
                    <UnstyledButton
                      key={`${d.campaignId}/${d.kind}/${d.label}/${d.date}`}
                      onClick={() => openCampaign(d.campaignId)}
                      title={H.campaignDates.open}
                      data-testid="home-campaign-date"
                      style={{ display: 'block', width: '100%', padding: '3px 4px', borderRadius: 4 }}
                    >
                      <Group gap={6} wrap="nowrap">
                        <Badge size="xs" variant="light" color={d.kind === 'deadline' ? 'orange' : 'blue'} style={{ flexShrink: 0 }}>
                          {H.campaignDates.kinds[d.kind]}
                        </Badge>
                        <Text size="sm" truncate="end" title={`${d.label} — ${d.campaignName}`} style={{ minWidth: 0 }}>
                          {d.label} — {d.campaignName}
                        </Text>
                      </Group>
                      <Text size="xs" c="var(--mantine-color-orange-light-color)" fw={600} pl={4}>
                        {H.campaignDates.when(formatDateVi(d.date), daysBetween(today, d.date))}
                      </Text>
                    </UnstyledButton>
                  ))}
                </ScrollArea.Autosize>
              </Paper>
            )}
            <Paper withBorder style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
              <VirtualList
                items={data?.dueSoon ?? []}
                rowHeight={ROW}
                testId="home-soon"
                empty={
                  <Text size="sm" c="dimmed" p="md">
                    {H.noDueSoon(days)}
                  </Text>
                }
                render={(t) => <TaskLine task={t} today={today!} onOpen={() => open(t)} testId="home-soon-item" />}
              />
            </Paper>
          </Stack>
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}
