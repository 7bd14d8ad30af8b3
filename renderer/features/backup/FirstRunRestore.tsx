// The first run's other way in: data from before (this computer's backups folder, or a file
// brought from another computer) restored instead of typed again.
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { BackupInfo } from '../../../shared/contract/backup';
import { useBackups } from './store';
import { BackupTable, RestoreFileButton } from './BackupTable';
import { useRestore } from './useRestore';
import { T } from './strings';

/** the newest few: an office that has used the app has ten automatic backups and more */
const SHOWN = 5;

/** Backups a first run can offer (damaged ones and files set aside are listed on Sao lưu only). */
export const usableBackups = (backups: BackupInfo[]) => backups.filter((b) => b.integrityOk !== false);

/** The caller loads the backups list (useBackups().refresh): it places this above its form when there are some. */
export function FirstRunRestore() {
  const { backups, folder, refresh } = useBackups();
  const { restoring, restoreListed, restoreFile } = useRestore(T.words.firstRun, refresh);
  const usable = usableBackups(backups);

  return (
    <Paper withBorder p="xl" radius="md" data-testid="first-run-restore">
      <Stack gap="sm">
        <Title order={4}>{T.firstRun.title}</Title>
        <Text size="sm" c="dimmed">
          {T.firstRun.intro}
        </Text>
        {usable.length > 0 && (
          <>
            <Text size="sm">{T.firstRun.found(usable.length, folder)}</Text>
            <BackupTable backups={usable.slice(0, SHOWN)} disabled={restoring} onRestore={restoreListed} compact />
          </>
        )}
        <Group>
          <RestoreFileButton onFile={restoreFile} disabled={restoring} loading={restoring} />
        </Group>
      </Stack>
    </Paper>
  );
}
