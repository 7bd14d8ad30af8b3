// Restore from a listed backup or a chosen file, after a confirmation. The Backup screen, the
// first run and recovery share it, each with its own words for what becomes of the current file.
import { useState } from 'react';
import { Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { BACKUP_UPLOAD_MAX_BYTES, type BackupInfo } from '../../../shared/contract/backup';
import type { ProcOutput } from '../../../shared/contract';
import { call, fileToBase64 } from '../../lib/api';
import { diskPath, megabytes } from '../../lib/desktop-files';
import { useSession } from '../../app/session';
import { T, type RestoreWords } from './strings';

export function useRestore(words: RestoreWords, after: () => Promise<void>) {
  const [restoring, setRestoring] = useState(false);

  const run = async (restore: () => Promise<ProcOutput<'backup.restore'>>) => {
    setRestoring(true);
    try {
      const r = await restore();
      notifications.show({ color: 'green', message: words.done(r.safetyBackup.fileName), autoClose: 10_000 });
      // the restored database may hold another office profile, or end recovery: reload the session too
      await Promise.all([after(), useSession.getState().load()]);
    } catch (e) {
      notifications.show({ color: 'red', title: T.failed, message: (e as Error).message, autoClose: 15_000 });
      await after();
    } finally {
      setRestoring(false);
    }
  };

  const confirm = (body: string, restore: () => Promise<ProcOutput<'backup.restore'>>) =>
    modals.openConfirmModal({
      title: T.confirmTitle,
      children: (
        <Stack gap="xs">
          <Text size="sm">{body}</Text>
          {words.note && (
            <Text size="sm" c="dimmed">
              {words.note}
            </Text>
          )}
        </Stack>
      ),
      labels: { confirm: T.confirm, cancel: T.cancel },
      confirmProps: { color: 'red', 'data-testid': 'confirm-restore' } as never,
      onConfirm: () => void run(restore),
    });

  return {
    restoring,
    restoreListed: (b: BackupInfo) => confirm(words.listed(T.time(b.createdAt)), () => call('backup.restore', { path: b.path })),
    restoreFile: (f: File | null) => {
      if (!f) return;
      // the desktop app gives the file's place: the core copies it from disk, whatever its size
      const onDisk = diskPath(f);
      if (!onDisk && f.size > BACKUP_UPLOAD_MAX_BYTES) {
        notifications.show({ color: 'red', title: T.failed, message: T.tooBig(f.name, megabytes(f.size), megabytes(BACKUP_UPLOAD_MAX_BYTES)), autoClose: false });
        return;
      }
      confirm(words.file(f.name), async () => call('backup.restore', onDisk ? { chosenPath: onDisk } : { fileName: f.name, fileBase64: await fileToBase64(f) }));
    },
  };
}
