// Danh mục's lương cơ sở table: the periods shipped with the app and those the office entered
// (a decree newer than this build), the one in force today marked; the office adds or removes
// its own, saved with the award settings. The cash a decision's form suggests reads this table.
import { useState } from 'react';
import { ActionIcon, Alert, Badge, Button, Group, NumberInput, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { BASE_SALARY, baseSalaryMayBeOutdated, baseSalaryOn } from '../../../shared/records/cash';
import type { AwardSettings } from '../../../shared/contract/records';
import { formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { FormError } from '../../lib/FormError';
import { useAction } from '../../lib/useAction';
import { localToday, money } from './common';
import { useAwards, useBaseSalaryTable } from './store';
import { T } from './strings';

const B = T.catalog.baseSalary;
const SHIPPED_DAYS = new Set(BASE_SALARY.map((p) => p.from));

export function BaseSalaryPanel() {
  const { settings, setSettings } = useAwards();
  const table = useBaseSalaryTable();
  const [from, setFrom] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [basis, setBasis] = useState('');
  const { busy, error, run } = useAction();
  const todayIso = localToday();
  const today = baseSalaryOn(todayIso, table);
  const stale = !!today && baseSalaryMayBeOutdated(todayIso, table);

  const save = async (baseSalaries: AwardSettings['baseSalaries']) => {
    if (!settings) return null;
    // the stored settings with this list: the parameters' unsaved edits above stay theirs
    const s = await run(() => call('awards.saveSettings', { ...settings, baseSalaries }));
    if (s) setSettings(s);
    return s;
  };
  const add = async () => {
    if (!settings) return;
    // an empty amount is sent as 0: the core's message then says the range
    const s = await save([...settings.baseSalaries, { from, amount: amount ?? 0, basis }]);
    if (!s) return;
    setFrom('');
    setAmount(null);
    setBasis('');
    notifications.show({ color: 'green', message: B.saved });
  };
  const remove = (p: { from: string; amount: number }) =>
    modals.openConfirmModal({
      title: B.confirmTitle,
      children: <Text size="sm">{B.confirm(money(p.amount), formatDateVi(p.from))}</Text>,
      labels: { confirm: B.remove, cancel: T.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-delete' } as never,
      onConfirm: () =>
        void save((settings?.baseSalaries ?? []).filter((x) => x.from !== p.from)).then((s) => s && notifications.show({ color: 'green', message: B.removed })),
    });

  return (
    <Paper withBorder p="md" data-testid="base-salary">
      <Title order={4} mb={4}>
        {B.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {B.hint}
      </Text>
      {stale && (
        <Alert color="yellow" variant="light" mb="sm" p="xs" data-testid="base-salary-stale">
          <Text size="sm">{B.stale(formatDateVi(today.from))}</Text>
        </Alert>
      )}
      <Table fz="sm" striped verticalSpacing={4} mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{B.cols.from}</Table.Th>
            <Table.Th ta="right">{B.cols.amount}</Table.Th>
            <Table.Th>{B.cols.basis}</Table.Th>
            <Table.Th>{B.cols.source}</Table.Th>
            <Table.Th w={40} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...table].reverse().map((p) => (
            <Table.Tr key={p.from} data-testid="base-salary-row">
              <Table.Td>{formatDateVi(p.from)}</Table.Td>
              <Table.Td ta="right">{p.amount.toLocaleString('vi-VN')}</Table.Td>
              <Table.Td>{p.basis}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Text size="xs" c="dimmed">
                    {!p.added ? B.shipped : SHIPPED_DAYS.has(p.from) ? B.replaces(formatDateVi(p.from)) : B.added}
                  </Text>
                  {p === today && (
                    <Badge size="xs" color="green" variant="light">
                      {B.current}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {p.added && (
                  <ActionIcon variant="subtle" color="red" onClick={() => remove(p)} aria-label={B.remove} title={B.remove} data-testid="base-salary-remove">
                    ×
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <FormError error={error} />
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput label={B.from} value={from} onChange={(e) => setFrom(e.currentTarget.value)} placeholder="dd/mm/yyyy" w={150} data-testid="base-salary-from" />
        <NumberInput
          label={B.amount}
          value={amount ?? ''}
          onChange={(v) => setAmount(typeof v === 'number' ? v : null)}
          thousandSeparator="."
          decimalSeparator=","
          allowDecimal={false}
          min={0}
          w={190}
          data-testid="base-salary-amount"
        />
        <TextInput label={B.basis} value={basis} onChange={(e) => setBasis(e.currentTarget.value)} placeholder={B.basisPlaceholder} style={{ flex: 1, minWidth: 0 }} data-testid="base-salary-basis" />
        <Button onClick={() => void add()} loading={busy} disabled={!settings} data-testid="base-salary-add">
          {B.add}
        </Button>
      </Group>
    </Paper>
  );
}
