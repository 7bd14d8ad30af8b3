// One dossier: the builder for this office's own dossier (read-only once submitted), or the
// read-only view of a dossier received from an office, with the outcome form.
import { useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { NomineeOut } from '../../../shared/contract/dossiers';
import { formatDateVi, formatInstantDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { StatusBadge } from './StatusBadge';
import { ChecklistSection, DocumentsSection, OutcomeSection, SourcesSection } from './output';
import { ReportModal } from './ReportModal';
import { AttachmentsSection, GeneralSection, MeetingSection, NomineesSection } from './sections';
import { useDossiers } from './store';
import { D } from './strings';
import { AuditHistoryButton } from '../audit/AuditHistoryButton';
import { notifyDeleted } from '../trash/notify';
import { leaveOrAsk, useUnsavedWork } from '../../lib/leave-guard';
import { useWindowTitle } from '../../lib/window-title';

export function DossierView() {
  const { detail: d, checklist, detailError, open, setDetail } = useDossiers();
  const [report, setReport] = useState<NomineeOut | null>(null);
  // documents are made, exported and sent from what is saved: not while a section holds edits
  const unsaved = useUnsavedWork();
  useWindowTitle(d?.title ?? null);
  if (detailError)
    return (
      <Stack>
        <Button variant="subtle" w="fit-content" onClick={() => open(null)}>
          {D.back}
        </Button>
        <Alert color="red" title={D.loadFailed}>
          {detailError}
        </Alert>
      </Stack>
    );
  if (!d) return <Loader />;

  const confirm = (title: string, text: string, fn: () => Promise<unknown>, color = 'red') =>
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{text}</Text>,
      labels: { confirm: D.submit.ok, cancel: D.submit.cancel },
      confirmProps: { color, 'data-testid': 'confirm-ok' } as never,
      onConfirm: () => {
        fn().catch((e: Error) => notifications.show({ color: 'red', message: e.message, autoClose: 10_000, style: { whiteSpace: 'pre-line' } }));
      },
    });
  const submit = () =>
    confirm(
      D.submit.button,
      D.submit.confirm,
      async () => {
        setDetail(await call('dossiers.submit', { id: d.id }));
        notifications.show({ color: 'teal', message: D.submit.done });
      },
      'blue',
    );
  const reopen = () => confirm(D.submit.reopen, D.submit.reopenConfirm, async () => setDetail(await call('dossiers.reopen', { id: d.id })), 'blue');
  const remove = () =>
    confirm(D.submit.delete, D.submit.deleteConfirm, async () => {
      await call('dossiers.delete', { id: d.id });
      open(null);
      notifyDeleted(D.submit.deleted, { kind: 'dossier', id: d.id }, () => void useDossiers.getState().loadList());
    });
  const o = d.outcome;
  return (
    <Stack data-testid="dossier-view" data-dossier-id={d.id}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Button variant="subtle" w="fit-content" px={0} onClick={() => leaveOrAsk(() => open(null))} data-testid="dossier-back">
            {D.back}
          </Button>
          <Group gap="sm">
            <Title order={3} data-testid="dossier-title">
              {d.title}
            </Title>
            <StatusBadge status={d.status} received={!d.own} />
            <AuditHistoryButton target={{ table: 'dossier', id: d.id }} title={d.title} />
          </Group>
          <Text size="sm" c="dimmed">
            {[d.awardName, `năm ${d.year}`, !d.own ? d.originOfficeName : '', d.submittedAt ? `gửi ${formatInstantDateVi(d.submittedAt)}` : ''].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
        {d.own && (
          <Group>
            {d.editable && (
              <Button onClick={submit} disabled={!checklist?.ok || unsaved.length > 0} data-testid="dossier-submit">
                {D.submit.button}
              </Button>
            )}
            {d.state === 'da_gui' && d.status !== 'approved' && (
              <Button variant="light" onClick={reopen} data-testid="dossier-reopen">
                {D.submit.reopen}
              </Button>
            )}
            {d.editable && d.submissionNo === 0 && (
              <Button variant="subtle" color="red" onClick={remove} data-testid="dossier-delete">
                {D.submit.delete}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {d.editable && unsaved.length > 0 && (
        <Alert color="orange" title={D.unsavedFirst.title} data-testid="dossier-unsaved">
          {[...unsaved, D.unsavedFirst.text].join(' ')}
        </Alert>
      )}
      {o?.outcome === 'approved' && (
        <Alert color="green" data-testid="dossier-outcome-alert">
          {D.outcome.approved(o.decisionNumber, formatDateVi(o.decisionDate), o.decisionIssuer || o.officeName)}
        </Alert>
      )}
      {o?.outcome === 'returned' && (
        <Alert color="orange" data-testid="dossier-outcome-alert" style={{ whiteSpace: 'pre-line' }}>
          {D.outcome.returned(o.reason)}
        </Alert>
      )}
      {d.own && d.status === 'submitted' && <Alert color="blue">{D.outcome.submitted}</Alert>}
      {!d.own && <Alert color="gray">{D.outcome.readOnly}</Alert>}
      {d.consolidatedInto.length > 0 && (
        <Alert color="gray" data-testid="dossier-consolidated-into">
          <Group gap={6}>
            <Text size="sm">{D.sources.consolidatedInto}</Text>
            {d.consolidatedInto.map((c) => (
              <Anchor key={c.id} component="button" type="button" size="sm" c="red.9" onClick={() => open(c.id)}>
                {c.title}
              </Anchor>
            ))}
          </Group>
        </Alert>
      )}
      <OutcomeSection key={`${d.id}:${d.submissionNo}`} d={d} />
      <SourcesSection d={d} />
      <NomineesSection d={d} onReport={setReport} />
      <MeetingSection d={d} />
      <AttachmentsSection d={d} />
      <ChecklistSection c={checklist} />
      <DocumentsSection d={d} blocked={!checklist?.ok} unsaved={unsaved.length > 0} />
      <GeneralSection d={d} />
      <ReportModal nominee={report} onClose={() => setReport(null)} />
    </Stack>
  );
}
