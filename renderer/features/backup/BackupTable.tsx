import { Badge, Button, FileButton, Table } from '@mantine/core';
import type { BackupInfo } from '../../../shared/contract/backup';
import { T } from './strings';

/**
 * Backups, newest first, each with its integrity and a restore button (damaged ones cannot be
 * restored). `compact`: without the size, for a narrow page.
 */
export function BackupTable({ backups, disabled, onRestore, compact = false }: { backups: BackupInfo[]; disabled: boolean; onRestore(b: BackupInfo): void; compact?: boolean }) {
  return (
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{T.cols.time}</Table.Th>
          <Table.Th>{T.cols.reason}</Table.Th>
          {!compact && <Table.Th>{T.cols.size}</Table.Th>}
          <Table.Th>{T.cols.integrity}</Table.Th>
          <Table.Th>{T.cols.actions}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.path} data-testid="backup-row" data-reason={b.reason} title={b.path}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{T.time(b.createdAt)}</Table.Td>
            <Table.Td data-testid="backup-reason">{T.reasons[b.reason]}</Table.Td>
            {!compact && <Table.Td>{T.size(b.size)}</Table.Td>}
            <Table.Td>
              {b.integrityOk === true ? (
                <Badge color="green" variant="light">
                  {T.integrityOk}
                </Badge>
              ) : b.integrityOk === false ? (
                <Badge color="red" variant="light">
                  {T.integrityBad}
                </Badge>
              ) : (
                <Badge color="gray" variant="light">
                  {T.integrityUnknown}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Button
                size="compact-sm"
                variant="subtle"
                color="red"
                disabled={disabled || b.integrityOk === false}
                onClick={() => onRestore(b)}
                data-testid="backup-restore"
              >
                {T.restore}
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** "Khôi phục từ tệp…": a backup file chosen on this computer (a USB stick, another computer's copy). */
export function RestoreFileButton({ onFile, disabled, loading = false, color }: { onFile(f: File | null): void; disabled: boolean; loading?: boolean; color?: string }) {
  return (
    <FileButton onChange={onFile} accept=".sqlite,.db,application/vnd.sqlite3,application/x-sqlite3">
      {(props) => (
        <Button {...props} variant="default" color={color} disabled={disabled} loading={loading} data-testid="backup-upload">
          {T.restoreFromFile}
        </Button>
      )}
    </FileButton>
  );
}
