// The desktop app's word on each file saved from the window: where it went, with "Mở tệp" and
// "Mở thư mục", or why it could not be written (a .docx still open in Word). The browser host
// has no such bridge: the browser's own download bar says it there.
import { useEffect } from 'react';
import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FileSavedEvent } from '../../shared/contract/host';
import type { DesktopFiles } from './desktop-files';

export const SAVED_TEXT = {
  savedTitle: 'Đã lưu tệp',
  failedTitle: 'Không lưu được tệp',
  openFile: 'Mở tệp',
  openFolder: 'Mở thư mục',
  openFailedTitle: 'Không mở được',
};

function SavedMessage({ event, bridge, id }: { event: Extract<FileSavedEvent, { ok: true }>; bridge: DesktopFiles; id: string }) {
  const open = async (how: 'file' | 'folder') => {
    const r = await bridge.open(event.path, how);
    if (r.ok) notifications.hide(id);
    else notifications.show({ color: 'red', title: SAVED_TEXT.openFailedTitle, message: r.message, autoClose: false });
  };
  return (
    <Stack gap={6} data-testid="file-saved">
      <Text size="sm" style={{ wordBreak: 'break-all' }} data-testid="file-saved-path">
        {event.path}
      </Text>
      <Group gap="xs">
        {event.openable && (
          <Button size="compact-sm" onClick={() => void open('file')} data-testid="file-saved-open">
            {SAVED_TEXT.openFile}
          </Button>
        )}
        <Button size="compact-sm" variant="default" onClick={() => void open('folder')} data-testid="file-saved-folder">
          {SAVED_TEXT.openFolder}
        </Button>
      </Group>
    </Stack>
  );
}

let shown = 0;

/** Shows each save's end while the app is open (a no-op outside the desktop app). */
export function useSavedFiles(): void {
  useEffect(() => {
    const bridge = window.tdktFiles;
    if (!bridge) return;
    return bridge.onSaved((event) => {
      const id = `file-saved-${++shown}`;
      if (event.ok)
        notifications.show({ id, color: 'green', title: `${SAVED_TEXT.savedTitle}: ${event.fileName}`, message: <SavedMessage event={event} bridge={bridge} id={id} />, autoClose: 12_000 });
      else notifications.show({ id, color: 'red', title: SAVED_TEXT.failedTitle, message: <Text size="sm" data-testid="file-save-failed">{event.message}</Text>, autoClose: false });
    });
  }, []);
}
