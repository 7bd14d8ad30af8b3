// Cài đặt → "Người dùng trên máy này": add, rename, remove user profiles and pick the current
// one; every audited change is recorded with the current profile's name and position.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { UserProfile, UserProfiles } from '../../../shared/contract/audit';
import { call } from '../../lib/api';
import { FormError } from '../../lib/FormError';
import { useAction } from '../../lib/useAction';
import { useProfiles } from './store';
import { A } from './strings';

const P = A.profiles;

export function ProfilesPanel() {
  const { profiles, currentId, loaded, load, set } = useProfiles();
  const [form, setForm] = useState({ name: '', position: '' });
  const [editing, setEditing] = useState<UserProfile | null>(null);
  const { busy, error, setError, run } = useAction();

  useEffect(() => {
    void load();
  }, [load]);

  const apply = (s: UserProfiles | undefined, message?: string) => {
    if (!s) return;
    set(s);
    if (message) notifications.show({ color: 'green', message });
  };
  const fail = (e: unknown) => notifications.show({ color: 'red', title: P.failed, message: (e as Error).message });

  const add = async () => {
    const s = await run(() => call('audit.profiles.save', { name: form.name, position: form.position, makeCurrent: true }));
    if (s) {
      setForm({ name: '', position: '' });
      const p = s.profiles.find((x) => x.id === s.currentId);
      apply(s, p ? P.switched(p.name) : P.saved);
    }
  };
  const saveEdit = async () => {
    if (!editing) return;
    const s = await run(() => call('audit.profiles.save', { id: editing.id, name: editing.name, position: editing.position }));
    if (s) {
      setEditing(null);
      apply(s, P.saved);
    }
  };
  const use = (p: UserProfile) =>
    call('audit.profiles.setCurrent', { id: p.id })
      .then((s) => apply(s, P.switched(p.name)))
      .catch(fail);
  const remove = (p: UserProfile) =>
    modals.openConfirmModal({
      title: P.remove,
      children: <Text size="sm">{P.removeConfirm(p.name)}</Text>,
      labels: { confirm: P.remove, cancel: P.cancel },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        call('audit.profiles.remove', { id: p.id })
          .then((s) => apply(s))
          .catch(fail);
      },
    });

  return (
    <Paper withBorder p="md" data-testid="profiles-panel">
      <Title order={4} mb="sm">
        {P.title}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {P.intro}
      </Text>
      {loaded && profiles.length > 0 && !currentId && (
        <Alert color="orange" mb="sm">
          {P.noCurrent}
        </Alert>
      )}
      {loaded && profiles.length === 0 && (
        <Text size="sm" mb="sm">
          {P.none}
        </Text>
      )}
      {profiles.length > 0 && (
        <Table mb="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{P.name}</Table.Th>
              <Table.Th>{P.position}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {profiles.map((p) =>
              editing?.id === p.id ? (
                <Table.Tr key={p.id}>
                  <Table.Td>
                    <TextInput size="xs" aria-label={P.name} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" aria-label={P.position} value={editing.position} onChange={(e) => setEditing({ ...editing, position: e.currentTarget.value })} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button size="compact-xs" onClick={() => void saveEdit()} loading={busy}>
                        {P.save}
                      </Button>
                      <Button size="compact-xs" variant="default" onClick={() => (setEditing(null), setError(null))}>
                        {P.cancel}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ) : (
                <Table.Tr key={p.id} data-testid="profile-row" data-name={p.name}>
                  <Table.Td>
                    {p.name}
                    {p.id === currentId && (
                      <Badge ml="xs" size="xs" color="blue" variant="light">
                        {P.current}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{p.position}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {p.id !== currentId && (
                        <Button size="compact-xs" variant="light" onClick={() => void use(p)} data-testid="profile-use">
                          {P.use}
                        </Button>
                      )}
                      <Button size="compact-xs" variant="subtle" onClick={() => setEditing({ ...p })}>
                        {P.edit}
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => remove(p)}>
                        {P.remove}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ),
            )}
          </Table.Tbody>
        </Table>
      )}
      <FormError error={error} />
      <Group align="flex-end" mt="xs">
        <TextInput label={P.name} value={form.name} onChange={(e) => setForm({ ...form, name: e.currentTarget.value })} w={240} data-testid="profile-name" />
        <TextInput
          label={P.position}
          placeholder={P.positionHint}
          value={form.position}
          onChange={(e) => setForm({ ...form, position: e.currentTarget.value })}
          w={280}
          data-testid="profile-position"
        />
        <Button variant="light" onClick={() => void add()} loading={busy && !editing} data-testid="profile-add">
          {P.add}
        </Button>
      </Group>
    </Paper>
  );
}
