import { useEffect } from 'react';
import { Box, Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useSession } from '../../app/session';
import { OfficeForm } from './OfficeForm';
import { FirstRunRestore, usableBackups } from '../backup/FirstRunRestore';
import { useBackups } from '../backup/store';
import { T } from './strings';

export function OfficeSetupPage({ firstRun }: { firstRun: boolean }) {
  const setOffice = useSession((s) => s.setOffice);
  const { backups, refresh } = useBackups();
  useEffect(() => {
    if (firstRun) void refresh();
  }, [firstRun, refresh]);
  // backups found next to the file (a reinstall, a new computer): offered before the form
  const offerFirst = firstRun && usableBackups(backups).length > 0;
  return (
    <Container size="sm" py="xl">
      {offerFirst && (
        <Box mb="lg">
          <FirstRunRestore />
        </Box>
      )}
      <Paper withBorder p="xl" radius="md">
        <Stack>
          <Title order={2}>{T.firstRunTitle}</Title>
          {firstRun && <Text c="dimmed">{T.firstRunIntro}</Text>}
          <OfficeForm initial={null} submitLabel={T.start} onSaved={setOffice} />
        </Stack>
      </Paper>
      {firstRun && !offerFirst && (
        <Box mt="lg">
          <FirstRunRestore />
        </Box>
      )}
    </Container>
  );
}
