import { useEffect, useState } from 'react';
import { Button, Code, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OfficeLevel } from '../../../shared/contract/office';
import { call } from '../../lib/api';
import { useSession } from '../../app/session';
import { OfficeForm } from '../office/OfficeForm';
import { T as OT } from '../office/strings';
import { ProfilesPanel } from '../audit/ProfilesPanel';
import { ErrorLogPanel } from '../diagnostics/ErrorLogPanel';

export function SettingsPage() {
  const { office, info, setOffice } = useSession();
  const [levels, setLevels] = useState<OfficeLevel[]>([]);
  const [newLevel, setNewLevel] = useState({ code: '', name: '' });
  const [integrity, setIntegrity] = useState<string | null>(null);

  useEffect(() => {
    void call('office.levels').then(setLevels);
  }, []);

  const addLevel = async () => {
    try {
      setLevels(await call('office.saveLevel', { ...newLevel, sortOrder: 100 }));
      setNewLevel({ code: '', name: '' });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Chưa thêm được cấp', message: (e as Error).message });
    }
  };

  const check = async () => {
    const r = await call('db.check');
    setIntegrity(r.ok ? `Tốt — lược đồ phiên bản ${r.schemaVersion}/${r.latestVersion}.` : `CÓ LỖI: ${r.messages.join('; ')}`);
    // the banner follows the check: shown when it fails, gone when it passes
    await useSession.getState().refreshInfo();
  };

  return (
    <Stack maw={900}>
      <Title order={2}>Cài đặt</Title>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          Thông tin cơ quan
        </Title>
        <OfficeForm
          key={JSON.stringify(office)}
          initial={office}
          submitLabel={OT.save}
          onSaved={(o) => {
            setOffice(o);
            notifications.show({ color: 'green', message: OT.saved });
          }}
        />
      </Paper>
      <ProfilesPanel />
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          Danh sách cấp cơ quan
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          Tổ chức bộ máy thay đổi theo thời kỳ (từ 01/7/2025 chính quyền địa phương hai cấp). Có thể thêm hoặc đổi tên cấp cho phù hợp.
        </Text>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mã</Table.Th>
              <Table.Th>Tên cấp</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {levels.map((l) => (
              <Table.Tr key={l.code}>
                <Table.Td>
                  <Code>{l.code}</Code>
                </Table.Td>
                <Table.Td>{l.name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group mt="sm" align="flex-end">
          <TextInput label="Mã (không dấu)" value={newLevel.code} onChange={(e) => setNewLevel({ ...newLevel, code: e.currentTarget.value })} />
          <TextInput label="Tên cấp" value={newLevel.name} onChange={(e) => setNewLevel({ ...newLevel, name: e.currentTarget.value })} />
          <Button variant="light" onClick={() => void addLevel()}>
            Thêm / đổi tên cấp
          </Button>
        </Group>
      </Paper>
      <Paper withBorder p="md">
        <Title order={4} mb="sm">
          Dữ liệu
        </Title>
        <Text size="sm">
          Tệp dữ liệu: <Code>{info?.dbPath}</Code>
        </Text>
        <Text size="sm">Phiên bản ứng dụng: {info?.version}</Text>
        <Group mt="sm">
          <Button variant="light" onClick={() => void check()}>
            Kiểm tra toàn vẹn dữ liệu
          </Button>
          {integrity && <Text size="sm">{integrity}</Text>}
        </Group>
      </Paper>
      <ErrorLogPanel />
    </Stack>
  );
}
