// The achievement report of one nominee on its template: text sections as plain paragraphs
// (one per line), table sections as small editable grids. Read-only for received/submitted dossiers.
import { useEffect, useState } from 'react';
import { Alert, Badge, Button, Group, Loader, Modal, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { NomineeOut, ReportOut } from '../../../shared/contract/dossiers';
import { call } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FormError } from '../../lib/FormError';
import { discardOrAsk, useLeaveGuard } from '../../lib/leave-guard';
import { useDossiers } from './store';
import { D } from './strings';

type Content = ReportOut['content'];

export function ReportModal({ nominee, onClose }: { nominee: NomineeOut | null; onClose(): void }) {
  const { loadDetail } = useDossiers();
  const [report, setReport] = useState<ReportOut | null>(null);
  const [content, setContent] = useState<Content | null>(null);
  const [error, setError] = useState<string | null>(null);
  const action = useAction();

  const load = (fresh: boolean) => {
    if (!nominee) return;
    call('dossiers.getReport', { nomineeId: nominee.id, fresh })
      .then((r) => {
        setReport(r);
        setContent(r.content);
        setError(null);
      })
      .catch((e: Error) => setError(e.message));
  };
  useEffect(() => {
    setReport(null);
    setContent(null);
    if (nominee) load(false);
  }, [nominee?.id]);

  const section = (id: string) => content?.sections.find((s) => s.id === id) ?? { id, text: '', rows: [] };
  const patch = (id: string, change: Partial<Content['sections'][number]>) =>
    setContent((c) => (c ? { ...c, sections: c.sections.map((s) => (s.id === id ? { ...s, ...change } : s)) } : c));
  const save = async () => {
    if (!nominee || !content) return;
    const r = await action.run(() => call('dossiers.saveReport', { nomineeId: nominee.id, content }));
    if (r) {
      setReport(r);
      setContent(r.content);
      notifications.show({ color: 'teal', message: D.report.saved });
      void loadDetail();
    }
  };
  const ro = !report?.editable;
  const t = report?.template;
  // typed and not saved: closing, taking the content again from the records or leaving asks first
  const dirty = !ro && !!report && !!content && JSON.stringify(content) !== JSON.stringify(report.content);
  const unsaved = dirty && nominee ? D.report.unsaved(nominee.name) : null;
  useLeaveGuard(unsaved);
  const close = () => discardOrAsk(unsaved, onClose);
  return (
    <Modal opened={!!nominee} onClose={close} title={nominee ? D.report.title(nominee.name) : ''} size="min(1100px, 96vw)" data-testid="report-modal">
      {error && <Alert color="red">{error}</Alert>}
      {!report || !content || !t ? (
        !error && <Loader />
      ) : (
        <Stack>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              {D.report.template(t.form, t.document)}
            </Text>
            {t.caveats.map((c) => (
              <Badge key={c} color="yellow" variant="light">
                {c}
              </Badge>
            ))}
          </Group>
          {report.inForce.id !== t.id && <Alert color="yellow">{D.report.outdated(`${report.inForce.form} — ${report.inForce.document}`)}</Alert>}
          {!report.saved && !ro && <Alert color="blue">{D.report.notSaved}</Alert>}
          <FormError error={action.error} />
          {t.sections.map((spec) => {
            const s = section(spec.id);
            return (
              <Stack key={spec.id} gap={4} pl={spec.level === 2 ? 'md' : 0}>
                <Title order={spec.level === 1 ? 5 : 6}>{`${spec.label} ${spec.heading}`}</Title>
                {spec.kind === 'text' && (
                  <Textarea
                    description={spec.hint}
                    value={s.text}
                    onChange={(e) => patch(spec.id, { text: e.currentTarget.value })}
                    autosize
                    minRows={2}
                    maxRows={16}
                    readOnly={ro}
                    data-testid={`report-section-${spec.id}`}
                  />
                )}
                {spec.kind === 'table' && (
                  <>
                    <Table withTableBorder withColumnBorders data-testid={`report-table-${spec.id}`}>
                      <Table.Thead>
                        <Table.Tr>
                          {spec.columns.map((c) => (
                            <Table.Th key={c.header} style={{ width: `${c.width}%` }}>
                              <Text size="xs">{c.header}</Text>
                            </Table.Th>
                          ))}
                          {!ro && <Table.Th w={60} />}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {s.rows.length === 0 && (
                          <Table.Tr>
                            <Table.Td colSpan={spec.columns.length + 1}>
                              <Text size="sm" c="dimmed">
                                {D.report.noRows}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        )}
                        {s.rows.map((row, r) => (
                          <Table.Tr key={r}>
                            {spec.columns.map((_c, i) => (
                              <Table.Td key={i}>
                                <TextInput
                                  size="xs"
                                  value={row[i] ?? ''}
                                  readOnly={ro}
                                  onChange={(e) => {
                                    const v = e.currentTarget.value;
                                    patch(spec.id, { rows: s.rows.map((x, k) => (k === r ? spec.columns.map((_y, j) => (j === i ? v : x[j] ?? '')) : x)) });
                                  }}
                                />
                              </Table.Td>
                            ))}
                            {!ro && (
                              <Table.Td>
                                <Button size="compact-xs" variant="subtle" color="red" onClick={() => patch(spec.id, { rows: s.rows.filter((_x, k) => k !== r) })}>
                                  {D.report.removeRow}
                                </Button>
                              </Table.Td>
                            )}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                    {!ro && (
                      <Group>
                        <Button size="compact-xs" variant="light" onClick={() => patch(spec.id, { rows: [...s.rows, spec.columns.map(() => '')] })}>
                          {D.report.addRow}
                        </Button>
                      </Group>
                    )}
                  </>
                )}
              </Stack>
            );
          })}
          <Group justify="space-between">
            {!ro ? (
              <Button variant="default" onClick={() => discardOrAsk(unsaved, () => load(true))} data-testid="report-reset">
                {D.report.reset}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={close} data-testid="report-close">
                {D.report.close}
              </Button>
              {!ro && (
                <Button onClick={() => void save()} loading={action.busy} data-testid="report-save">
                  {D.report.save}
                </Button>
              )}
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
