// Dialogs of the yearly cycle: tasks from a plan's appendix (preview, then apply), the recurring
// TĐKT calendar, copying a year.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Checkbox, Group, List, NumberInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PlanSummary } from '../../../shared/contract/plans';
import type { CalendarItem, PlanSyncItem, PlanSyncPreview } from '../../../shared/contract/tasks';
import { quarterRoman } from '../../../shared/tasks/status';
import { formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { useTasks } from './store';
import { T } from './strings';

function usePlans() {
  const [plans, setPlans] = useState<PlanSummary[] | null>(null);
  useEffect(() => {
    call('plans.list')
      .then(setPlans)
      .catch(() => setPlans([]));
  }, []);
  return plans;
}

function planLabel(p: PlanSummary): string {
  const num = p.numberLine.replace(/^Số:\s*/, '');
  return [p.title, p.year ? `năm ${p.year}` : '', /^\d/.test(num) ? `số ${num}` : ''].filter(Boolean).join(' · ');
}

function ItemList({ items, max = 8 }: { items: PlanSyncItem[]; max?: number }) {
  return (
    <List size="sm" spacing={2} withPadding>
      {items.slice(0, max).map((i, k) => (
        <List.Item key={k}>
          {i.quarter ? `Quý ${quarterRoman(i.quarter)}: ` : ''}
          {i.title}
          {i.changes.length > 0 && (
            <Text span size="xs" c="dimmed">
              {' '}
              ({i.changes.join(', ')})
            </Text>
          )}
        </List.Item>
      ))}
      {items.length > max && <List.Item>… và {items.length - max} nhiệm vụ khác</List.Item>}
    </List>
  );
}

export function FromPlanDialog({ onClose }: { onClose(): void }) {
  const plans = usePlans();
  const { setYear, changed } = useTasks();
  const [planId, setPlanId] = useState<string | null>(null);
  const [year, setYearField] = useState<number | ''>('');
  const [preview, setPreview] = useState<PlanSyncPreview | null>(null);
  const [removeVanished, setRemoveVanished] = useState(false);
  const act = useAction();

  const pick = (id: string | null) => {
    setPlanId(id);
    setPreview(null);
    setRemoveVanished(false);
    const p = plans?.find((x) => x.id === id);
    setYearField(p?.year ?? '');
  };

  useEffect(() => {
    if (!planId) return;
    let live = true;
    act.setError(null);
    call('tasks.planPreview', { planId, year: year === '' ? null : year })
      .then((p) => live && setPreview(p))
      .catch((e: Error) => live && (setPreview(null), act.setError(e.message)));
    return () => {
      live = false;
    };
  }, [planId, year]);

  const apply = async () => {
    if (!planId) return;
    const r = await act.run(() => call('tasks.fromPlan', { planId, year: year === '' ? null : year, removeVanished }));
    if (!r) return;
    notifications.show({ color: 'teal', message: r.created || r.updated || r.removed ? T.fromPlan.done(r.created, r.updated) : T.fromPlan.nothing });
    setYear(r.year);
    changed();
    onClose();
  };

  return (
    <Stack>
      {plans !== null && plans.length === 0 && <Alert color="yellow">{T.fromPlan.noPlans}</Alert>}
      <Group align="flex-end" grow>
        <Select
          label={T.fromPlan.plan}
          placeholder={T.fromPlan.planPlaceholder}
          data={(plans ?? []).map((p) => ({ value: p.id, label: planLabel(p) }))}
          value={planId}
          onChange={pick}
          searchable
          data-testid="from-plan-select"
          style={{ flex: 3 }}
        />
        <NumberInput
          label={T.fromPlan.year}
          value={year}
          onChange={(v) => setYearField(typeof v === 'number' ? v : '')}
          min={1990}
          max={2200}
          allowDecimal={false}
          thousandSeparator={false}
          maw={160}
          data-testid="from-plan-year"
        />
      </Group>
      <FormError error={act.error} />
      {preview && (
        <Stack gap="xs" data-testid="from-plan-preview">
          <Text size="sm" c="dimmed">
            {T.fromPlan.source[preview.source]}
          </Text>
          {preview.add.length > 0 && (
            <div>
              <Text fw={600} size="sm" data-testid="from-plan-add">
                {T.fromPlan.add(preview.add.length)}
              </Text>
              <ItemList items={preview.add} />
            </div>
          )}
          {preview.update.length > 0 && (
            <div>
              <Text fw={600} size="sm">
                {T.fromPlan.update(preview.update.length)}
              </Text>
              <ItemList items={preview.update} />
            </div>
          )}
          {preview.unchanged > 0 && <Text size="sm">{T.fromPlan.unchanged(preview.unchanged)}</Text>}
          {preview.skippedDone.length > 0 && <Text size="sm">{T.fromPlan.skippedDone(preview.skippedDone.length)}</Text>}
          {preview.vanished.length > 0 && (
            <Alert color="orange" title={T.fromPlan.vanished(preview.vanished.length)}>
              <ItemList items={preview.vanished} />
              <Checkbox mt="xs" label={T.fromPlan.removeVanished} checked={removeVanished} onChange={(e) => setRemoveVanished(e.currentTarget.checked)} data-testid="from-plan-remove" />
            </Alert>
          )}
          {preview.unmatchedUnits.length > 0 && (
            <Text size="xs" c="dimmed">
              {T.fromPlan.unmatched(preview.unmatchedUnits.join('; '))}
            </Text>
          )}
        </Stack>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {T.form.cancel}
        </Button>
        <Button
          onClick={() => void apply()}
          loading={act.busy}
          disabled={!preview || (preview.add.length === 0 && preview.update.length === 0 && !(removeVanished && preview.vanished.length > 0))}
          data-testid="from-plan-apply"
        >
          {preview && preview.add.length === 0 && preview.update.length === 0 && !(removeVanished && preview.vanished.length > 0)
            ? T.fromPlan.nothingToDo
            : T.fromPlan.apply(preview?.add.length ?? 0)}
        </Button>
      </Group>
    </Stack>
  );
}

export function CalendarDialog({ year: initialYear, onClose }: { year: number; onClose(): void }) {
  const { setYear, changed } = useTasks();
  const [year, setY] = useState(initialYear);
  const [items, setItems] = useState<(CalendarItem & { include: boolean; due: string })[]>([]);
  const act = useAction();

  useEffect(() => {
    let live = true;
    call('tasks.calendar', { year })
      .then((r) => live && setItems(r.map((i) => ({ ...i, include: !i.exists, due: formatDateVi(i.dueDate) }))))
      .catch((e: Error) => live && act.setError(e.message));
    return () => {
      live = false;
    };
  }, [year]);

  const generate = async () => {
    const r = await act.run(() =>
      call('tasks.generateCalendar', { year, items: items.map((i) => ({ key: i.key, dueDate: i.due, include: i.include && !i.exists })) }),
    );
    if (!r) return;
    notifications.show({ color: 'teal', message: T.calendarDialog.done(r.created, r.skipped) });
    setYear(year);
    changed();
    onClose();
  };

  const set = (k: number, patch: Partial<(typeof items)[number]>) => setItems(items.map((x, i) => (i === k ? { ...x, ...patch } : x)));

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {T.calendarDialog.intro}
      </Text>
      <NumberInput label={T.year} value={year} onChange={(v) => typeof v === 'number' && setY(v)} min={1990} max={2200} allowDecimal={false} thousandSeparator={false} maw={140} />
      <FormError error={act.error} />
      <Table verticalSpacing={6}>
        <Table.Tbody>
          {items.map((i, k) => (
            <Table.Tr key={i.key} data-testid="calendar-item">
              <Table.Td w={36}>
                <Checkbox checked={i.include && !i.exists} disabled={i.exists} onChange={(e) => set(k, { include: e.currentTarget.checked })} aria-label={i.title} />
              </Table.Td>
              <Table.Td w={72}>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  Quý {quarterRoman(i.quarter)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{i.title}</Text>
              </Table.Td>
              <Table.Td w={130}>
                {i.exists ? (
                  <Badge variant="light" color="gray">
                    {T.calendarDialog.exists}
                  </Badge>
                ) : (
                  <TextInput size="xs" value={i.due} onChange={(e) => set(k, { due: e.currentTarget.value })} aria-label={T.form.dueDate} />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {T.form.cancel}
        </Button>
        <Button onClick={() => void generate()} loading={act.busy} disabled={!items.some((i) => i.include && !i.exists)} data-testid="calendar-generate">
          {T.calendarDialog.generate}
        </Button>
      </Group>
    </Stack>
  );
}

export function CopyYearDialog({ year, onClose }: { year: number; onClose(): void }) {
  const plans = usePlans();
  const { setYear, changed } = useTasks();
  const [from, setFrom] = useState(year);
  const [to, setTo] = useState(year + 1);
  const [planId, setPlanId] = useState<string | null>(null);
  const act = useAction();
  const copy = async () => {
    const r = await act.run(() => call('tasks.copyYear', { fromYear: from, toYear: to, planId }));
    if (!r) return;
    notifications.show({ color: 'teal', message: T.copyDialog.done(r.created, r.skipped, r.toYear) });
    setYear(r.toYear);
    changed();
    onClose();
  };
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        {T.copyDialog.intro}
      </Text>
      <Group grow>
        <NumberInput label={T.copyDialog.from} value={from} onChange={(v) => typeof v === 'number' && setFrom(v)} allowDecimal={false} thousandSeparator={false} />
        <NumberInput label={T.copyDialog.to} value={to} onChange={(v) => typeof v === 'number' && setTo(v)} allowDecimal={false} thousandSeparator={false} />
      </Group>
      <Select
        label={T.copyDialog.plan}
        data={[{ value: '', label: T.copyDialog.planNone }, ...(plans ?? []).filter((p) => p.year === null || p.year === to).map((p) => ({ value: p.id, label: planLabel(p) }))]}
        value={planId ?? ''}
        onChange={(v) => setPlanId(v || null)}
        allowDeselect={false}
        comboboxProps={{ withinPortal: true }}
      />
      <FormError error={act.error} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {T.form.cancel}
        </Button>
        <Button onClick={() => void copy()} loading={act.busy} data-testid="copy-year-apply">
          {T.copyDialog.copy}
        </Button>
      </Group>
    </Stack>
  );
}

