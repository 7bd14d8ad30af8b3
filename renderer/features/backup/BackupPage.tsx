import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Code, FileButton, Group, Loader, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { BackupInfo } from '../../../shared/contract/backup';
import type { ProcOutput } from '../../../shared/contract';
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN } from '../../../shared/contract/backup';
import { FolderInput } from '../../lib/FolderInput';
import { call, fileToBase64, saveFile } from '../../lib/api';
import { useSession } from '../../app/session';
import { useBackups } from './store';
import { T } from './strings';

type RestoreResult = ProcOutput<'backup.restore'>;

export function BackupPage() {
  const { backups, folder, keep, loading, error, refresh } = useBackups();
  const info = useSession((s) => s.info);
  const [keepInput, setKeepInput] = useState<number | string>(keep);
  const [destDir, setDestDir] = useState('');
  const [busy, setBusy] = useState<null | 'create' | 'download' | 'restore' | 'keep'>(null);

  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => setKeepInput(keep), [keep]);

  const fail = (e: unknown) => notifications.show({ color: 'red', title: T.failed, message: (e as Error).message, autoClose: 10_000 });

  const createNow = async () => {
    setBusy('create');
    try {
      const b = await call('backup.create', destDir.trim() ? { destDir: destDir.trim() } : {});
      notifications.show({ color: 'green', message: T.created(b.path) });
      await refresh();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const download = async () => {
    setBusy('download');
    try {
      saveFile(await call('backup.download'));
      notifications.show({ color: 'green', message: T.downloaded });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const saveKeep = async () => {
    setBusy('keep');
    try {
      const r = await call('backup.settings.set', { keep: Number(keepInput) });
      notifications.show({ color: 'green', message: T.keepSaved(r.keep) });
      await refresh();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(null);
    }
  };

  const runRestore = async (run: () => Promise<RestoreResult>) => {
    setBusy('restore');
    try {
      const r = await run();
      notifications.show({ color: 'green', message: T.restored(r.safetyBackup.fileName), autoClose: 10_000 });
      // the restored database may hold another office profile: reload the session too
      await Promise.all([refresh(), useSession.getState().load()]);
    } catch (e) {
      fail(e);
      await refresh();
    } finally {
      setBusy(null);
    }
  };

  const confirmRestore = (body: string, run: () => Promise<RestoreResult>) =>
    modals.openConfirmModal({
      title: T.confirmTitle,
      children: (
        <Stack gap="xs">
          <Text size="sm">{body}</Text>
          <Text size="sm" c="dimmed">
            {T.confirmNote}
          </Text>
        </Stack>
      ),
      labels: { confirm: T.confirm, cancel: T.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-restore' } as never,
      onConfirm: () => void runRestore(run),
    });

  const restoreListed = (b: BackupInfo) => confirmRestore(T.confirmBody(T.time(b.createdAt)), () => call('backup.restore', { path: b.path }));

  const restoreFile = (f: File | null) => {
    if (!f) return;
    confirmRestore(T.confirmFileBody(f.name), async () => call('backup.restore', { fileName: f.name, fileBase64: await fileToBase64(f) }));
  };

  return (
    <Stack maw={1000}>
      <Group gap="xs" align="baseline">
        <Title order={2}>{T.title}</Title>
        {(loading || busy === 'restore') && <Loader size="xs" />}
      </Group>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm">{T.intro}</Text>
          <Text size="sm">
            {T.folder}: <Code data-testid="backup-folder">{folder}</Code>
          </Text>
          <Group align="flex-end">
            <NumberInput
              label={T.keep}
              description={T.keepHint}
              min={BACKUP_KEEP_MIN}
              max={BACKUP_KEEP_MAX}
              value={keepInput}
              onChange={setKeepInput}
              w={420}
              data-testid="backup-keep"
            />
            <Button variant="light" onClick={() => void saveKeep()} loading={busy === 'keep'} data-testid="backup-keep-save">
              {T.saveKeep}
            </Button>
          </Group>
        </Stack>
      </Paper>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <FolderInput label={T.destDir} description={T.destDirHint} value={destDir} onChange={setDestDir} testId="backup-dest" />
          <Group>
            <Button onClick={() => void createNow()} loading={busy === 'create'} disabled={busy !== null && busy !== 'create'} data-testid="backup-create">
              {T.createNow}
            </Button>
            {info?.host !== 'electron' && (
              <Button variant="default" onClick={() => void download()} loading={busy === 'download'} disabled={busy !== null && busy !== 'download'} data-testid="backup-download">
                {T.download}
              </Button>
            )}
            <FileButton onChange={restoreFile} accept=".sqlite,.db,application/vnd.sqlite3,application/x-sqlite3">
              {(props) => (
                <Button {...props} variant="default" color="red" disabled={busy !== null} data-testid="backup-upload">
                  {T.restoreFromFile}
                </Button>
              )}
            </FileButton>
          </Group>
        </Stack>
      </Paper>
      {error && <Alert color="red">{error}</Alert>}
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          {T.listTitle}
        </Title>
        {backups.length === 0 && !loading ? (
          <Text c="dimmed" size="sm">
            {T.empty}
          </Text>
        ) : (
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{T.cols.time}</Table.Th>
                <Table.Th>{T.cols.reason}</Table.Th>
                <Table.Th>{T.cols.size}</Table.Th>
                <Table.Th>{T.cols.integrity}</Table.Th>
                <Table.Th>{T.cols.actions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {backups.map((b) => (
                <Table.Tr key={b.path} data-testid="backup-row" data-reason={b.reason} title={b.path}>
                  <Table.Td>{T.time(b.createdAt)}</Table.Td>
                  <Table.Td data-testid="backup-reason">{T.reasons[b.reason]}</Table.Td>
                  <Table.Td>{T.size(b.size)}</Table.Td>
                  <Table.Td>
                    {b.integrityOk === true ? (
                      <Badge color="green" variant="light">
                        {T.integrityOk}
                      </Badge>
                    ) : b.integrityOk === false ? (
                      <Badge color="red" variant="light">
                        {T.integrityBad}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {T.integrityUnknown}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color="red"
                      disabled={busy !== null || b.integrityOk === false}
                      onClick={() => restoreListed(b)}
                      data-testid="backup-restore"
                    >
                      {T.restore}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </Stack>
  );
}
