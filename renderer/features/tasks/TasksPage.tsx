// Nhiệm vụ theo quý: the current quarter as a board, by unit, the year as four quarters, and
// reports; tasks come from a plan's appendix, the TĐKT calendar, a copied year, or by hand.
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Loader, Menu, Modal, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { formatDateVi } from '../../../shared/text/vn';
import { BoardView } from './BoardView';
import { UnitView } from './UnitView';
import { YearView } from './YearView';
import { ReportView } from './ReportView';
import { TaskDrawer } from './TaskDrawer';
import { TaskForm } from './TaskForm';
import { CalendarDialog, CopyYearDialog, FromPlanDialog } from './dialogs';
import { useTasks, type TasksView } from './store';
import { T } from './strings';
import { GuardedModal } from '../../lib/GuardedModal';

type Dialog = 'create' | 'fromPlan' | 'calendar' | 'copy' | null;

export function TasksPage() {
  const { year, years, today, view, rows, loading, error, boardQuarter, init, setYear, setView, changed } = useTasks();
  const [dialog, setDialog] = useState<Dialog>(null);

  useEffect(() => {
    void init();
  }, [init]);

  if (year === null)
    return error ? (
      <Alert color="red">{error}</Alert>
    ) : (
      <Group>
        <Loader size="sm" />
      </Group>
    );

  const yearOptions = [...new Set([...years, year, year + 1])].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));

  return (
    <Stack h="calc(100vh - 84px)" gap="sm">
      {/* the buttons go under the title on a narrow window rather than past its edge */}
      <Group justify="space-between" gap="xs">
        <Group gap="sm" align="center" wrap="nowrap">
          <Title order={2} style={{ whiteSpace: 'nowrap' }}>
            {T.title}
          </Title>
          <Select
            aria-label={T.year}
            data={yearOptions}
            value={String(year)}
            onChange={(v) => v && setYear(Number(v))}
            allowDeselect={false}
            w={96}
            data-testid="tasks-year"
          />
          <Text c="dimmed" size="sm" data-testid="tasks-count" style={{ whiteSpace: 'nowrap' }}>
            {T.count(rows.length)}
          </Text>
          {loading && <Loader size="xs" />}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" data-testid="tasks-cycle">
                {T.cycle}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => setDialog('calendar')} data-testid="tasks-calendar">
                {T.calendar}
              </Menu.Item>
              <Menu.Item onClick={() => setDialog('copy')} data-testid="tasks-copy-year">
                {T.copyYear}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
          <Button variant="default" onClick={() => setDialog('fromPlan')} data-testid="tasks-from-plan">
            {T.fromPlanButton}
          </Button>
          <Button onClick={() => setDialog('create')} data-testid="tasks-add">
            {T.add}
          </Button>
        </Group>
      </Group>
      {error && <Alert color="red">{error}</Alert>}
      <Tabs
        value={view}
        onChange={(v) => v && setView(v as TasksView)}
        keepMounted={false}
        style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}
      >
        <Tabs.List>
          <Tabs.Tab value="board" data-testid="tasks-tab-board">
            {T.tabs.board}
          </Tabs.Tab>
          <Tabs.Tab value="unit" data-testid="tasks-tab-unit">
            {T.tabs.unit}
          </Tabs.Tab>
          <Tabs.Tab value="year" data-testid="tasks-tab-year">
            {T.tabs.year}
          </Tabs.Tab>
          <Tabs.Tab value="report" data-testid="tasks-tab-report">
            {T.tabs.report}
          </Tabs.Tab>
          {today && (
            <Text c="dimmed" size="sm" ml="auto" style={{ alignSelf: 'center' }} data-testid="tasks-today">
              {T.todayIs(formatDateVi(today))}
            </Text>
          )}
        </Tabs.List>
        {rows.length === 0 && !loading && view !== 'unit' && (
          <Alert color="gray" mt="sm" data-testid="tasks-empty">
            {T.emptyYear(year)}
          </Alert>
        )}
        {(['board', 'unit', 'year', 'report'] as const).map((v) => (
          <Tabs.Panel key={v} value={v} pt="sm" style={{ flex: 1, minHeight: 0, display: view === v ? 'flex' : 'none', flexDirection: 'column' }}>
            {v === 'board' && <BoardView />}
            {v === 'unit' && <UnitView />}
            {v === 'year' && <YearView />}
            {v === 'report' && <ReportView />}
          </Tabs.Panel>
        ))}
      </Tabs>

      <TaskDrawer />
      <GuardedModal opened={dialog === 'create'} onClose={() => setDialog(null)} title={T.form.createTitle} size="xl">
        {dialog === 'create' && (
          <TaskForm
            editing={null}
            defaultYear={year}
            defaultQuarter={boardQuarter}
            onCancel={() => setDialog(null)}
            onDone={(t) => {
              setDialog(null);
              notifications.show({ color: 'teal', message: T.form.saved });
              if (t.year !== year) setYear(t.year);
              changed();
            }}
          />
        )}
      </GuardedModal>
      <Modal opened={dialog === 'fromPlan'} onClose={() => setDialog(null)} title={T.fromPlan.title} size="xl">
        {dialog === 'fromPlan' && <FromPlanDialog onClose={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog === 'calendar'} onClose={() => setDialog(null)} title={T.calendarDialog.title} size="xl">
        {dialog === 'calendar' && <CalendarDialog year={year} onClose={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog === 'copy'} onClose={() => setDialog(null)} title={T.copyDialog.title} size="lg">
        {dialog === 'copy' && <CopyYearDialog year={year} onClose={() => setDialog(null)} />}
      </Modal>
    </Stack>
  );
}
