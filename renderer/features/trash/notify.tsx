// "Đã xóa … [Hoàn tác]": the notification after a deletion puts the record back at once (the
// same restore as the Thùng rác screen, so the parts deleted with it come back too).
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TrashKind } from '../../../shared/contract/trash';
import { call } from '../../lib/api';
import { R } from './strings';

export function notifyDeleted(message: string, target: { kind: TrashKind; id: string }, after: () => void): void {
  const id = `deleted-${target.kind}-${target.id}`;
  const undo = () => {
    notifications.hide(id);
    void call('trash.restore', target)
      .then(() => {
        notifications.show({ color: 'teal', message: R.undone });
        after();
      })
      .catch((e: Error) => notifications.show({ color: 'red', title: R.failed, message: e.message, autoClose: 10_000 }));
  };
  notifications.show({
    id,
    color: 'green',
    autoClose: 8_000,
    message: (
      <Group gap="sm" justify="space-between" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button size="compact-sm" variant="light" color="teal" onClick={undo} data-testid="undo-delete">
          {R.undo}
        </Button>
      </Group>
    ),
  });
}
