// Cài đặt → Nhật ký lỗi: what the app wrote of its unexpected errors, newest first, to read,
// copy for support, or clear.
import { Fragment, useCallback, useEffect, useState } from 'react';
import { Badge, Button, Code, Group, Paper, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { ERROR_SOURCE_LABELS, type ErrorLogEntry } from '../../../shared/contract/diagnostics';
import type { ProcOutput } from '../../../shared/contract';
import { formatDateTimeVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { appLine, copyForSupport, type About } from './report';
import { useSession } from '../../app/session';
import { D } from './strings';

const SHOWN = 50;

/** The log as plain text for a message to support: the app, then each entry with its stack. */
export function logText(entries: readonly ErrorLogEntry[], about: About & { file: string }): string {
  const head = [appLine(about), `${D.log.file}: ${about.file}`, ''];
  const body = entries.map((e) =>
    [`[${formatDateTimeVi(e.at)}] ${ERROR_SOURCE_LABELS[e.source]} — ${e.where}${e.version ? ` (phiên bản ${e.version})` : ''}`, e.message, e.stack ?? '', ''].filter((l, i) => i < 2 || l !== '').join('\n'),
  );
  return [...head, ...body].join('\n');
}

export function ErrorLogPanel() {
  const info = useSession((s) => s.info);
  const [log, setLog] = useState<ProcOutput<'errors.list'> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setLog(await call('errors.list', { limit: SHOWN }));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const copyAll = async () => {
    if (!log) return;
    // every entry kept, not only those shown
    const all = await call('errors.list', { limit: 500 });
    await copyForSupport(logText(all.entries, { version: info?.version, host: info?.host, file: all.file }));
  };

  const clear = () =>
    modals.openConfirmModal({
      title: D.log.clearTitle,
      children: <Text size="sm">{D.log.clearBody}</Text>,
      labels: { confirm: D.log.clear, cancel: 'Hủy' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void call('errors.clear')
          .then(() => {
            notifications.show({ color: 'green', message: D.log.cleared });
            return load();
          })
          .catch((e: Error) => notifications.show({ color: 'red', message: e.message })),
    });

  return (
    <Paper withBorder p="md" data-testid="error-log">
      <Title order={4} mb="sm">
        {D.log.title}
      </Title>
      <Text size="sm" mb="xs">
        {D.log.intro}
      </Text>
      {log && (
        <Text size="sm" mb="xs">
          {D.log.file}: <Code data-testid="error-log-file">{log.file}</Code>
        </Text>
      )}
      {error && (
        <Text size="sm" c="red">
          {error}
        </Text>
      )}
      {log && log.total === 0 && (
        <Text size="sm" c="dimmed" data-testid="error-log-empty">
          {D.log.empty}
        </Text>
      )}
      {log && log.total > 0 && (
        <>
          <Text size="sm" c="dimmed" mb="xs" data-testid="error-log-count">
            {D.log.count(log.entries.length, log.total)}
          </Text>
          <Table striped withTableBorder fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={150}>{D.log.cols.at}</Table.Th>
                <Table.Th w={190}>{D.log.cols.source}</Table.Th>
                <Table.Th>{D.log.cols.message}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {log.entries.map((e, i) => (
                <Fragment key={i}>
                  <Table.Tr data-testid="error-log-row">
                    <Table.Td>{formatDateTimeVi(e.at)}</Table.Td>
                    <Table.Td>
                      <Badge size="sm" variant="light" tt="none" color={e.source === 'backup' || e.source === 'worker' ? 'orange' : 'red'}>
                        {ERROR_SOURCE_LABELS[e.source]}
                      </Badge>{' '}
                      <Text span size="xs" c="dimmed">
                        {e.where}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ wordBreak: 'break-word' }}>
                        {e.message}
                      </Text>
                      {e.stack && (
                        <UnstyledButton onClick={() => setOpen(open === i ? null : i)}>
                          <Text size="xs" c="blue">
                            {D.log.details}
                          </Text>
                        </UnstyledButton>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {e.stack && open === i && (
                    <Table.Tr>
                      <Table.Td colSpan={3}>
                        <Code block fz="xs">
                          {e.stack}
                        </Code>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Group mt="sm" gap="xs">
        <Button size="xs" variant="default" onClick={() => void load()}>
          {D.log.refresh}
        </Button>
        {log && log.total > 0 && (
          <>
            <Button size="xs" variant="light" onClick={() => void copyAll()} data-testid="error-log-copy">
              {D.log.copyAll}
            </Button>
            <Button size="xs" variant="subtle" color="red" onClick={clear} data-testid="error-log-clear">
              {D.log.clear}
            </Button>
          </>
        )}
      </Group>
    </Paper>
  );
}
