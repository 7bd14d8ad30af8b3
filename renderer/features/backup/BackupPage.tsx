import { useEffect, useState } from 'react';
import { Alert, Button, Code, Group, Loader, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { BACKUP_KEEP_MAX, BACKUP_KEEP_MIN } from '../../../shared/contract/backup';
import { FolderInput } from '../../lib/FolderInput';
import { call, saveFile } from '../../lib/api';
import { useSession } from '../../app/session';
import { useBackups } from './store';
import { BackupTable, RestoreFileButton } from './BackupTable';
import { useRestore } from './useRestore';
import { T } from './strings';

export function BackupPage() {
  const { backups, folder, keep, status, loading, error, refresh } = useBackups();
  const info = useSession((s) => s.info);
  const [keepInput, setKeepInput] = useState<number | string>(keep);
  const [destDir, setDestDir] = useState('');
  const [busy, setBusy] = useState<null | 'create' | 'download' | 'keep'>(null);

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

  const { restoring, restoreListed, restoreFile } = useRestore(T.words.backup, refresh);

  return (
    <Stack maw={1000}>
      <Group gap="xs" align="baseline">
        <Title order={2}>{T.title}</Title>
        {(loading || restoring) && <Loader size="xs" />}
      </Group>
      <Paper withBorder p="md">
        <Stack gap="sm">
          <Text size="sm">{T.intro}</Text>
          <Text size="sm">
            {T.folder}: <Code data-testid="backup-folder">{folder}</Code>
          </Text>
          {status?.autoFailed && (
            <Alert color="red" title={T.autoFailedTitle} data-testid="backup-auto-failed">
              <Text size="sm">{T.autoFailed(T.time(status.autoFailed.at), status.autoFailed.message)}</Text>
            </Alert>
          )}
          {status && (
            <Text size="sm" c={status.remind ? 'red.9' : undefined} data-testid="backup-external">
              {status.lastExternal ? T.external(T.time(status.lastExternal.createdAt), status.daysSinceExternal ?? 0, status.lastExternal.path) : T.externalNever}
            </Text>
          )}
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
            <RestoreFileButton onFile={restoreFile} color="red" disabled={busy !== null || restoring} />
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
          <BackupTable backups={backups} disabled={busy !== null || restoring} onRestore={restoreListed} />
        )}
      </Paper>
    </Stack>
  );
}
