// A folder field with "Chọn…": the desktop app shows the system's folder dialog; the browser
// host, which cannot, shows the core's folder listing (home, Desktop, USB sticks, drives).
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Code, Group, Loader, Modal, NavLink, ScrollArea, SimpleGrid, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import type { FolderListing } from '../../shared/contract/system';
import { call } from './api';

const S = {
  pick: 'Chọn…',
  title: 'Chọn thư mục',
  places: 'Nơi lưu',
  up: 'Lên một cấp',
  empty: 'Thư mục này không có thư mục con.',
  choose: 'Chọn thư mục này',
  cancel: 'Hủy',
  readOnly: 'Không ghi được vào thư mục này (chỉ đọc hoặc không có quyền). Hãy chọn thư mục khác.',
  loading: 'Đang đọc thư mục…',
  removable: 'USB',
};

declare global {
  interface Window {
    /** Electron preload: the system's folder dialog; null when the user cancels */
    tdktDialogs?: { pickFolder(start: string | null): Promise<string | null> };
  }
}

export function FolderInput(props: {
  label: string;
  description?: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  w?: number | string;
}) {
  const [open, setOpen] = useState(false);
  const pick = async () => {
    if (window.tdktDialogs) {
      const p = await window.tdktDialogs.pickFolder(props.value.trim() || null);
      if (p) props.onChange(p);
      return;
    }
    setOpen(true);
  };
  return (
    <>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={props.label}
          description={props.description}
          value={props.value}
          onChange={(e) => props.onChange(e.currentTarget.value)}
          w={props.w}
          style={props.w ? undefined : { flex: 1 }}
          data-testid={props.testId}
        />
        <Button variant="default" onClick={() => void pick()} data-testid={`${props.testId}-pick`}>
          {S.pick}
        </Button>
      </Group>
      <FolderDialog
        opened={open}
        start={props.value.trim() || null}
        onClose={() => setOpen(false)}
        onPick={(p) => {
          props.onChange(p);
          setOpen(false);
        }}
      />
    </>
  );
}

function FolderIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" style={{ flexShrink: 0 }}>
      <path d="M3 6a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z" fill="#f2c14e" stroke="#c99a2e" />
    </svg>
  );
}

function FolderDialog({ opened, start, onClose, onPick }: { opened: boolean; start: string | null; onClose(): void; onPick(path: string): void }) {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const open = async (path: string | null, fallbackHome: boolean) => {
    setLoading(true);
    setError(null);
    try {
      setListing(await call('files.folders', { path }));
    } catch (e) {
      // a typed path that no longer exists opens home instead, with the reason shown
      if (fallbackHome) {
        try {
          setListing(await call('files.folders', { path: null }));
        } catch {
          /* the first error says enough */
        }
      }
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    if (opened) void open(start, true);
    // only when the dialog opens, not when the field is typed in
  }, [opened]);
  return (
    <Modal opened={opened} onClose={onClose} title={S.title} size="min(860px, 95vw)" data-testid="folder-dialog">
      <Stack gap="sm">
        {error && (
          <Alert color="red" data-testid="folder-error">
            {error}
          </Alert>
        )}
        <Group gap="xs">
          <Button size="compact-sm" variant="light" disabled={!listing?.parent || loading} onClick={() => void open(listing!.parent, false)} data-testid="folder-up">
            {S.up}
          </Button>
          <Code data-testid="folder-current">{listing?.path ?? ''}</Code>
          {loading && <Loader size="xs" />}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Stack gap={2}>
            <Text size="xs" c="dimmed" fw={600}>
              {S.places}
            </Text>
            {listing?.roots.map((r) => (
              <NavLink
                key={r.path}
                label={r.label}
                active={listing.path === r.path}
                onClick={() => void open(r.path, false)}
                rightSection={r.kind === 'removable' ? <Badge size="xs">{S.removable}</Badge> : undefined}
                data-testid="folder-root"
              />
            ))}
          </Stack>
          <ScrollArea h={340} style={{ gridColumn: 'span 2' }} type="auto">
            {listing && listing.folders.length === 0 && (
              <Text size="sm" c="dimmed">
                {S.empty}
              </Text>
            )}
            <Stack gap={0}>
              {listing?.folders.map((f) => (
                <UnstyledButton key={f.path} onClick={() => void open(f.path, false)} px="xs" py={4} data-testid="folder-item" data-name={f.name}>
                  <Group gap={6} wrap="nowrap">
                    <FolderIcon />
                    <Text size="sm">{f.name}</Text>
                  </Group>
                </UnstyledButton>
              ))}
            </Stack>
          </ScrollArea>
        </SimpleGrid>
        {listing && !listing.writable && (
          <Text size="sm" c="red" data-testid="folder-readonly">
            {S.readOnly}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {S.cancel}
          </Button>
          <Button disabled={!listing || !listing.writable || loading} onClick={() => listing && onPick(listing.path)} data-testid="folder-choose">
            {S.choose}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
