// Records that may need a look: people who look entered twice ("Tìm người trùng" on Cán bộ).
import { useEffect, useState } from 'react';
import { Button, Group, Paper, Text } from '@mantine/core';
import { useRouter } from '../../app/router';
import { call } from '../../lib/api';
import { useStaff } from '../staff/store';
import { H } from './strings';

export function DataAttention() {
  const go = useRouter((s) => s.go);
  const [groups, setGroups] = useState(0);
  useEffect(() => {
    let live = true;
    call('staff.duplicates')
      .then((r) => live && setGroups(r.groups.length))
      .catch(() => live && setGroups(0));
    return () => {
      live = false;
    };
  }, []);
  if (groups === 0) return null;
  const open = () => {
    useStaff.setState({ duplicatesAsked: true });
    go('staff');
  };
  return (
    <Paper withBorder p="md" data-testid="home-data">
      <Text fw={600} mb="xs">
        {H.data.title}
      </Text>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm" data-testid="home-duplicates">
          {H.data.duplicates(groups)}
        </Text>
        <Button size="compact-sm" variant="light" onClick={open} data-testid="home-duplicates-open" style={{ flexShrink: 0 }}>
          {H.data.open}
        </Button>
      </Group>
    </Paper>
  );
}
