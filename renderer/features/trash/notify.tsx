// "Đã xóa … [Hoàn tác]": the notification after a deletion puts the record back at once (the
// same restore as the Thùng rác screen, so the parts deleted with it come back too; records
// deleted together come back together).
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TrashKind } from '../../../shared/contract/trash';
import { call } from '../../lib/api';
import { R } from './strings';

type Target = { kind: TrashKind; id: string };

/** `target`: one record, or several deleted together (brought back together, or none). */
export function notifyDeleted(message: string, target: Target | readonly Target[], after: () => void): void {
  const first = 'kind' in target ? target : target[0]!;
  const id = `deleted-${first.kind}-${first.id}`;
  const undo = () => {
    notifications.hide(id);
    void ('kind' in target ? call('trash.restore', target) : call('trash.restoreMany', { items: [...target] }))
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
