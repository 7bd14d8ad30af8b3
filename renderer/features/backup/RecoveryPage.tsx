// Shown instead of the app when the database could not be opened (app.info.recovery): why,
// the backups next to the file, and the ways out — restore, a new file, or try again.
import { useEffect, useState } from 'react';
import { Alert, Button, Code, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { AppInfo } from '../../../shared/contract/system';
import { call } from '../../lib/api';
import { useSession } from '../../app/session';
import { useBackups } from './store';
import { BackupTable, RestoreFileButton } from './BackupTable';
import { useRestore } from './useRestore';
import { T } from './strings';

const R = T.recovery;

export function RecoveryPage({ info }: { info: AppInfo & { recovery: NonNullable<AppInfo['recovery']> } }) {
  const { backups, folder, loading, error, refresh } = useBackups();
  const [busy, setBusy] = useState<null | 'retry' | 'new'>(null);
  const { restoring, restoreListed, restoreFile } = useRestore(T.words.recovery, refresh);
  const { kind, message } = info.recovery;
  const mayReplace = kind !== 'unavailable';

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const act = async (what: 'retry' | 'new', run: () => Promise<string>) => {
    setBusy(what);
    try {
      notifications.show({ color: 'green', message: await run(), autoClose: 10_000 });
      await useSession.getState().load();
    } catch (e) {
      notifications.show({ color: 'red', title: T.failed, message: (e as Error).message, autoClose: 15_000 });
    } finally {
      setBusy(null);
    }
  };
  const retry = () => void act('retry', async () => (await call('recovery.retry'), R.retried));
  const startNew = () =>
    modals.openConfirmModal({
      title: R.startNewTitle,
      children: <Text size="sm">{R.startNewBody}</Text>,
      labels: { confirm: R.startNew, cancel: T.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-start-new' } as never,
      onConfirm: () => void act('new', async () => R.startedNew((await call('recovery.startNew')).setAside.path)),
    });
  const disabled = restoring || busy !== null;

  return (
    <Container size="md" py="xl" data-testid="recovery-page">
      <Paper withBorder p="xl" radius="md">
        <Stack>
          <Group gap="xs" align="baseline">
            <Title order={2}>{R.title}</Title>
            {(loading || restoring || busy) && <Loader size="xs" />}
          </Group>
          <Alert color={kind === 'too_new' ? 'orange' : 'red'} title={R.kinds[kind]} data-testid="recovery-reason">
            {message}
          </Alert>
          <Text size="sm">
            {R.file}: <Code>{info.dbPath}</Code>
          </Text>
          {mayReplace && (
            <>
              <Text size="sm">{kind === 'too_new' ? R.tooNew : R.choose}</Text>
              {error && <Alert color="red">{error}</Alert>}
              {backups.length > 0 ? (
                <BackupTable backups={backups} disabled={disabled} onRestore={restoreListed} />
              ) : (
                !loading && (
                  <Text size="sm" c="dimmed" data-testid="recovery-no-backups">
                    {R.noBackups(folder)}
                  </Text>
                )
              )}
            </>
          )}
          <Group>
            {mayReplace && (
              <RestoreFileButton onFile={restoreFile} disabled={disabled} />
            )}
            <Button variant="default" onClick={retry} loading={busy === 'retry'} disabled={disabled} data-testid="recovery-retry">
              {R.retry}
            </Button>
            {mayReplace && (
              <Button variant="subtle" color="red" onClick={startNew} loading={busy === 'new'} disabled={disabled} data-testid="recovery-start-new">
                {R.startNew}
              </Button>
            )}
          </Group>
        </Stack>
      </Paper>
    </Container>
  );
}
