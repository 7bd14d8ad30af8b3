// "Lịch sử thay đổi": a button that opens a drawer with the record's audit timeline — when,
// who, what was done, and field by field before → after. Reusable on any audited record.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Drawer, Group, Loader, Stack, Table, Text, Timeline, type ButtonProps } from '@mantine/core';
import type { AuditEntry, AuditForRecordInput, AuditHistory } from '../../../shared/contract/audit';
import { call } from '../../lib/api';
import { useSession } from '../../app/session';
import { formatDateTimeVi } from '../../../shared/text/vn';
import { changeLines } from './format';
import { A } from './strings';

interface Props {
  target: AuditForRecordInput;
  /** what the record is, for the drawer's title ('Quyết định số 12/QĐ-UBND') */
  title?: string;
  label?: string;
  size?: ButtonProps['size'];
  variant?: ButtonProps['variant'];
  testId?: string;
}

export function AuditHistoryButton({ target, title = '', label = A.button, size = 'compact-xs', variant = 'subtle', testId = 'audit-history-button' }: Props) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size={size} variant={variant} onClick={() => setOpened(true)} data-testid={testId}>
        {label}
      </Button>
      <Drawer opened={opened} onClose={() => setOpened(false)} position="right" size="lg" title={A.drawerTitle(title)} data-testid="audit-drawer">
        {opened && <AuditTimeline target={target} />}
      </Drawer>
    </>
  );
}

/** Entries drawn at a time: a decision's history holds one per recipient, hundreds at a province. */
const ENTRIES_PER_PAGE = 50;

/** The timeline of one record (newest first). */
export function AuditTimeline({ target }: { target: AuditForRecordInput }) {
  const [data, setData] = useState<AuditHistory | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(ENTRIES_PER_PAGE);
  const key = JSON.stringify(target);
  useEffect(() => {
    let live = true;
    setData(null);
    setShown(ENTRIES_PER_PAGE);
    setError(null);
    call('audit.forRecord', JSON.parse(key) as AuditForRecordInput)
      .then((h) => live && setData(h))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [key]);

  if (error)
    return (
      <Alert color="red" title={A.loadFailed}>
        {error}
      </Alert>
    );
  if (!data)
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm">{A.loading}</Text>
      </Group>
    );
  if (data.entries.length === 0)
    return (
      <Stack gap={4} data-testid="audit-empty">
        <Text size="sm">{A.empty}</Text>
        <Text size="xs" c="dimmed">
          {A.emptyHint}
        </Text>
      </Stack>
    );
  const entries = [...data.entries].reverse();
  const older = entries.length - shown;
  return (
    <Stack gap="sm">
      <Timeline bulletSize={14} lineWidth={2} data-testid="audit-timeline">
        {entries.slice(0, shown).map((e) => (
          <Timeline.Item key={e.id} color={A.actionColors[e.action]} title={<EntryTitle e={e} />} data-testid="audit-entry" data-action={e.action} data-table={e.table}>
            <EntryBody e={e} refs={data.refs} />
          </Timeline.Item>
        ))}
      </Timeline>
      {older > 0 && (
        <Button variant="light" size="xs" onClick={() => setShown((n) => n + ENTRIES_PER_PAGE)} data-testid="audit-more">
          {A.more(Math.min(older, ENTRIES_PER_PAGE), older)}
        </Button>
      )}
    </Stack>
  );
}

function EntryTitle({ e }: { e: AuditEntry }) {
  const selfId = useSession((s) => s.office?.id);
  return (
    <Stack gap={2}>
      <Group gap={6} wrap="wrap">
        <Text size="sm" fw={600} data-testid="audit-time">
          {formatDateTimeVi(e.at)}
        </Text>
        <Badge size="sm" variant="light" color={A.actionColors[e.action]}>
          {A.actions[e.action]}
        </Badge>
        {e.source === 'import' && (
          <Badge size="sm" variant="outline" color="gray">
            {A.imported}
          </Badge>
        )}
      </Group>
      <Text size="sm" data-testid="audit-actor">
        {e.actor ? (e.actorPosition ? `${e.actor} — ${e.actorPosition}` : e.actor) : A.noActor}
        {selfId && e.originOfficeId !== selfId && (
          <Text span size="xs" c="dimmed">
            {' '}
            {A.atOffice(e.originOfficeName)}
          </Text>
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {A.tables[e.table]}
        {e.recordTitle ? `: ${e.recordTitle}` : ''}
      </Text>
    </Stack>
  );
}

function EntryBody({ e, refs }: { e: AuditEntry; refs: Record<string, string> }) {
  const { lines, hidden } = changeLines(e, refs);
  // a soft delete or a restore usually changes nothing but the deletion mark: the title says it all
  if (lines.length === 0 && (e.action === 'soft_delete' || e.action === 'restore')) return null;
  if (lines.length === 0)
    return (
      <Text size="xs" c="dimmed" mt={4}>
        {hidden > 0 ? A.onlyInternal : A.noFieldChange}
      </Text>
    );
  const single = e.action === 'insert' || e.action === 'delete';
  return (
    <Table fz="xs" mt={4} withRowBorders={false} verticalSpacing={2} horizontalSpacing={6}>
      {single && (
        <Table.Caption style={{ captionSide: 'top', textAlign: 'left', marginBottom: 2 }}>{e.action === 'insert' ? A.valuesWritten : A.valuesRemoved}</Table.Caption>
      )}
      <Table.Tbody>
        {lines.map((l) => (
          <Table.Tr key={l.field} data-testid="audit-change" data-field={l.field}>
            <Table.Td c="dimmed" w={170} style={{ verticalAlign: 'top' }}>
              {l.label}
            </Table.Td>
            <Table.Td style={{ wordBreak: 'break-word' }}>
              {single ? (
                <span>{e.action === 'insert' ? l.after : l.before}</span>
              ) : (
                <>
                  <Text span size="xs" td="line-through" c="red.8" data-testid="audit-before">
                    {l.before}
                  </Text>
                  <Text span size="xs" c="dimmed">
                    {' → '}
                  </Text>
                  <Text span size="xs" c="teal.9" fw={500} data-testid="audit-after">
                    {l.after}
                  </Text>
                </>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
