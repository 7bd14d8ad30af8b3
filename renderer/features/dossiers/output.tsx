// The builder's output side: the pre-export checklist, the documents (generate, preview,
// download, export as .zip or into a folder) and, at the province, the outcome form.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Modal, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ChecklistOut, DossierDetail } from '../../../shared/contract/dossiers';
import { formatDateTimeVi, formatDateVi } from '../../../shared/text/vn';
import { call, saveFile } from '../../lib/api';
import { useAction } from '../../lib/useAction';
import { FolderInput } from '../../lib/FolderInput';
import { FormError } from '../../lib/FormError';
import { VirtualTable } from '../../lib/VirtualTable';
import { Section, sizeText } from './sections';
import { StatusBadge } from './StatusBadge';
import { useDossiers } from './store';
import { D } from './strings';

const documentKey = (doc: DossierDetail['documents'][number]) => doc.id;
const documentData = (doc: DossierDetail['documents'][number]) => ({ kind: doc.kind });


export function ChecklistSection({ c }: { c: ChecklistOut | null }) {
  const { refreshChecklist } = useDossiers();
  return (
    <Section
      title={D.checklist.title}
      testId="checklist"
      right={
        <Button size="xs" variant="subtle" onClick={() => void refreshChecklist()} data-testid="checklist-refresh">
          {D.checklist.refresh}
        </Button>
      }
    >
      {!c ? (
        <Text size="sm" c="dimmed">
          …
        </Text>
      ) : (
        <Stack gap="xs" data-testid="checklist-result" data-ok={c.ok ? 'true' : 'false'} data-blocks={c.blocks}>
          {c.ok ? (
            <Alert color="teal" data-testid="checklist-ok">
              {D.checklist.ok}
              {c.warnings > 0 && ` (${D.checklist.warnings(c.warnings)})`}
            </Alert>
          ) : (
            <Alert color="red" data-testid="checklist-blocked">
              {D.checklist.blocked(c.blocks)}
            </Alert>
          )}
          {c.items.length > 0 && (
            <List spacing={4} size="sm" listStyleType="none">
              {c.items.map((i, k) => (
                <List.Item key={k} data-testid="checklist-item" data-level={i.level} data-code={i.code}>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Badge color={i.level === 'block' ? 'red' : 'yellow'} variant="light" style={{ flexShrink: 0 }}>
                      {i.level === 'block' ? D.checklist.block : D.checklist.warning}
                    </Badge>
                    <Text size="sm">{i.message}</Text>
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      )}
    </Section>
  );
}

/** A4 sheet (210 mm) plus the grey margin around it, in CSS px */
const SHEET_PX = (210 / 25.4) * 96 + 40;

function PreviewModal({ preview, onClose }: { preview: { title: string; html: string } | null; onClose(): void }) {
  const [width, setWidth] = useState(0);
  const observer = useRef<ResizeObserver | null>(null);
  // measure the dialog once it has a size, and only react to real changes, so the iframe
  // loads its document once instead of once per render
  const measure = useCallback((el: HTMLDivElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (!el) return;
    const update = () => setWidth((w) => (Math.abs(el.clientWidth - w) > 4 ? el.clientWidth : w));
    update();
    observer.current = new ResizeObserver(update);
    observer.current.observe(el);
  }, []);
  useEffect(() => () => observer.current?.disconnect(), []);
  const zoom = Math.max(0.4, Math.min(1, (width - 24) / SHEET_PX));
  // screen-only zoom so the whole sheet fits the dialog
  const srcDoc = useMemo(
    () => (preview ? preview.html.replace('</head>', `<style media="screen">html{zoom:${zoom.toFixed(2)}}</style></head>`) : ''),
    [preview, zoom],
  );
  return (
    // no open/close animation: the iframe loads once, into a dialog already in place (a
    // preview loaded mid-animation stayed blank once on a loaded CI machine)
    <Modal opened={!!preview} onClose={onClose} title={preview?.title} size="min(1000px, 95vw)" transitionProps={{ duration: 0 }}>
      <div ref={measure}>
        {preview && width > 0 && (
          <iframe title={preview.title} sandbox="" srcDoc={srcDoc} style={{ width: '100%', height: '75vh', border: 0 }} data-testid="document-preview" />
        )}
      </div>
    </Modal>
  );
}

export function DocumentsSection({ d, blocked, unsaved }: { d: DossierDetail; blocked: boolean; /** a section holds edits not saved */ unsaved: boolean }) {
  const { setDetail } = useDossiers();
  const action = useAction();
  const [folder, setFolder] = useState('');
  const [preview, setPreview] = useState<{ title: string; html: string } | null>(null);
  const generate = async () => {
    const r = await action.run(() => call('dossiers.generate', { id: d.id }));
    if (r) {
      setDetail(r);
      notifications.show({ color: 'teal', message: D.documents.generated });
    }
  };
  const exportAll = async (toFolder: boolean) => {
    const r = await action.run(() => call('dossiers.export', { id: d.id, folder: toFolder ? folder.trim() : null }));
    if (!r) return;
    if (r.zip) saveFile(r.zip);
    notifications.show({ color: 'teal', message: r.folder ? D.documents.exportedTo(r.files.length, r.folder) : D.documents.exported(r.files.length) });
    const fresh = await call('dossiers.get', { id: d.id }).catch(() => null);
    if (fresh) setDetail(fresh);
  };
  const show = async (kind: 'to_trinh' | 'bien_ban' | 'bao_cao', nomineeId: string | null = null) => {
    const r = await action.run(() => call('dossiers.previewHtml', { id: d.id, kind, nomineeId }));
    if (r) setPreview(r);
  };
  const download = (id: string) =>
    call('dossiers.downloadDocument', { id })
      .then(saveFile)
      .catch((e: Error) => notifications.show({ color: 'red', message: e.message }));
  const canExport = d.editable ? !blocked : d.documents.length > 0;
  return (
    <Section title={D.documents.title} testId="dossier-documents">
      <FormError error={action.error} />
      <Group>
        <Text size="sm">{D.documents.preview}:</Text>
        <Button size="compact-sm" variant="light" onClick={() => void show('to_trinh')} data-testid="preview-to_trinh">
          {D.documents.previewToTrinh}
        </Button>
        <Button size="compact-sm" variant="light" onClick={() => void show('bien_ban')} data-testid="preview-bien_ban">
          {D.documents.previewBienBan}
        </Button>
        {d.nominees.length > 0 && (
          // one field rather than a button per nominee: a dossier holds up to hundreds
          <Select
            size="xs"
            w={320}
            placeholder={D.documents.previewBaoCaoPick}
            aria-label={D.documents.previewBaoCaoPick}
            data={d.nominees.map((n) => ({ value: n.id, label: D.documents.previewBaoCao(n.name) }))}
            value={null}
            onChange={(id) => id && void show('bao_cao', id)}
            searchable
            limit={50}
            data-testid="preview-bao_cao"
          />
        )}
      </Group>
      <Group>
        {d.editable && (
          <Button variant="light" onClick={() => void generate()} loading={action.busy} disabled={blocked || unsaved} data-testid="documents-generate">
            {D.documents.generate}
          </Button>
        )}
        <Button onClick={() => void exportAll(false)} loading={action.busy} disabled={!canExport || unsaved} data-testid="documents-zip">
          {D.documents.zip}
        </Button>
      </Group>
      <Group align="flex-end">
        <FolderInput label={D.documents.folder} value={folder} onChange={setFolder} w={420} testId="documents-folder" />
        <Button variant="default" onClick={() => void exportAll(true)} disabled={!canExport || unsaved || !folder.trim()} loading={action.busy} data-testid="documents-to-folder">
          {D.documents.toFolder}
        </Button>
      </Group>
      {d.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          {D.documents.none}
        </Text>
      ) : (
        <VirtualTable
          rows={d.documents}
          rowKey={documentKey}
          rowData={documentData}
          rowHeight={40}
          maxHeight="min(50vh, 420px)"
          empty={D.documents.none}
          testId="document-table"
          rowTestId="document-row"
          caption={D.documents.count(d.documents.length)}
          columns={[
            { header: D.documents.cols.kind, width: 'minmax(0, 1fr)', cell: (doc) => doc.kindLabel, title: (doc) => doc.kindLabel },
            { header: D.documents.cols.file, width: 'minmax(0, 2fr)', cell: (doc) => <span className="vt-mono">{doc.fileName}</span>, title: (doc) => doc.fileName },
            { header: D.documents.cols.size, width: '80px', align: 'right', cell: (doc) => sizeText(doc.size) },
            { header: D.documents.cols.generated, width: '190px', cell: (doc) => <span className="vt-dim">{D.documents.generatedAt(formatDateTimeVi(doc.generatedAt))}</span> },
            {
              header: '',
              width: '80px',
              cell: (doc) => (
                <Button size="compact-xs" variant="subtle" onClick={() => void download(doc.id)} data-testid="document-download">
                  {D.documents.download}
                </Button>
              ),
            },
          ]}
        />
      )}
      <PreviewModal preview={preview} onClose={() => setPreview(null)} />
    </Section>
  );
}

/**
 * The superior's word on a dossier: at the province for a dossier an office sent (then the
 * result goes back in a bundle), or on one's own sent dossier when the answer came on paper.
 */
export function OutcomeSection({ d }: { d: DossierDetail }) {
  const { setDetail } = useDossiers();
  const action = useAction();
  const [mode, setMode] = useState<'approved' | 'returned'>('approved');
  const [open, setOpen] = useState(!d.own);
  // one's own dossier is decided by whom its tờ trình was addressed to
  const [f, setF] = useState({ decisionNumber: '', decisionDate: '', decisionIssuer: d.own ? d.addressee : '', signer: '', reason: '', createDecision: true, cashByRules: true });
  const [notApproved, setNotApproved] = useState<string[]>([]);
  // at the province, an answer the sending office typed in may be replaced by the province's word
  const canDecide = d.status === 'submitted' || (!d.own && !!d.outcome?.typedByOrigin && d.outcome.submissionNo === d.submissionNo);
  const save = async () => {
    const r = await action.run(() => call('dossiers.recordOutcome', { id: d.id, outcome: mode, ...f, notApproved: mode === 'approved' ? notApproved : [] }));
    if (r) {
      setDetail(r);
      const passed = r.sources.filter((x) => x.status !== 'submitted').length - d.sources.filter((x) => x.status !== 'submitted').length;
      notifications.show({ color: 'teal', message: d.own ? D.outcome.savedOwn(passed) : D.outcome.saved });
    }
  };
  const sendBack = async () => {
    const r = await action.run(() => call('exchange.exportBundle', { kind: 'province-to-office', targetOfficeId: d.originOfficeId }));
    if (r?.file) {
      saveFile(r.file);
      notifications.show({ color: 'teal', message: D.outcome.sentBack(r.fileName) });
    }
  };
  if (d.own && !canDecide) return null;
  const form = (
    <Stack>
      {!d.own && d.outcome?.typedByOrigin && (
        <Text size="sm" c="dimmed" data-testid="outcome-typed-note">
          {D.outcome.typedByOrigin(d.originOfficeName)}
        </Text>
      )}
      <SegmentedControl
        value={mode}
        onChange={(v) => setMode(v as 'approved' | 'returned')}
        data={[
          { value: 'approved', label: D.outcome.approve },
          { value: 'returned', label: D.outcome.return },
        ]}
        w={260}
        data-testid="outcome-mode"
      />
      {mode === 'approved' ? (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <TextInput label={D.outcome.decisionNumber} value={f.decisionNumber} onChange={(e) => setF({ ...f, decisionNumber: e.currentTarget.value })} data-testid="outcome-number" />
            <TextInput label={D.outcome.decisionDate} value={f.decisionDate} onChange={(e) => setF({ ...f, decisionDate: e.currentTarget.value })} data-testid="outcome-date" />
            <TextInput label={D.outcome.issuer} value={f.decisionIssuer} onChange={(e) => setF({ ...f, decisionIssuer: e.currentTarget.value })} data-testid="outcome-issuer" />
            <TextInput label={D.outcome.signer} value={f.signer} onChange={(e) => setF({ ...f, signer: e.currentTarget.value })} />
          </SimpleGrid>
          {d.nominees.length > 1 && (
            <MultiSelect
              label={D.outcome.notApproved}
              description={D.outcome.notApprovedHint}
              placeholder={notApproved.length ? undefined : D.outcome.notApprovedNone}
              data={d.nominees.map((n) => ({ value: n.id, label: n.unitName ? `${n.name} — ${n.unitName}` : n.name }))}
              value={notApproved}
              onChange={setNotApproved}
              searchable
              clearable
              limit={50}
              data-testid="outcome-not-approved"
            />
          )}
          <Checkbox label={D.outcome.createDecision} checked={f.createDecision} onChange={(e) => setF({ ...f, createDecision: e.currentTarget.checked })} data-testid="outcome-create-decision" />
          {f.createDecision && (
            <Checkbox
              label={D.outcome.cashByRules}
              description={D.outcome.cashByRulesHint}
              checked={f.cashByRules}
              onChange={(e) => setF({ ...f, cashByRules: e.currentTarget.checked })}
              ml={32}
              data-testid="outcome-cash-by-rules"
            />
          )}
          {d.sources.length > 0 && (
            <Text size="sm" c="dimmed">
              {D.outcome.passesOn(d.sources.filter((x) => x.status === 'submitted' && !x.resubmitted).length)}
            </Text>
          )}
        </>
      ) : (
        <>
          <Textarea label={d.own ? D.outcome.reasonOwn : D.outcome.reason} value={f.reason} onChange={(e) => setF({ ...f, reason: e.currentTarget.value })} autosize minRows={2} data-testid="outcome-reason" />
          {d.sources.length > 0 && (
            <Text size="sm" c="dimmed">
              {D.outcome.notPassedOn}
            </Text>
          )}
        </>
      )}
      <Group justify="flex-end">
        {d.own && (
          <Button variant="default" onClick={() => setOpen(false)}>
            {D.outcome.cancel}
          </Button>
        )}
        <Button onClick={() => void save()} loading={action.busy} data-testid="outcome-save">
          {D.outcome.save}
        </Button>
      </Group>
    </Stack>
  );
  if (d.own)
    return (
      <Section title={D.outcome.recordOwn} testId="dossier-outcome">
        <FormError error={action.error} />
        {open ? (
          form
        ) : (
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" c="dimmed">
              {D.outcome.ownHint}
            </Text>
            <Button variant="light" onClick={() => setOpen(true)} data-testid="outcome-open">
              {D.outcome.recordOwnButton}
            </Button>
          </Group>
        )}
      </Section>
    );
  return (
    <Section title={D.outcome.record} testId="dossier-outcome">
      <FormError error={action.error} />
      {canDecide ? (
        form
      ) : (
        <Group>
          <Button variant="light" onClick={() => void sendBack()} loading={action.busy} data-testid="outcome-send-back">
            {D.outcome.sendBack(d.originOfficeName)}
          </Button>
          {d.outcome?.decisionDate && (
            <Text size="sm" c="dimmed">
              {formatDateVi(d.outcome.decisionDate)}
            </Text>
          )}
        </Group>
      )}
    </Section>
  );
}

/** A dossier the province consolidated: the received dossiers it was made from, where each stands. */
export function SourcesSection({ d }: { d: DossierDetail }) {
  const { open } = useDossiers();
  if (d.sources.length === 0) return null;
  return (
    <Section title={D.sources.title(d.sources.length)} testId="dossier-sources">
      <VirtualTable
        rows={d.sources}
        rowKey={(x) => x.id}
        rowHeight={40}
        maxHeight="min(40vh, 360px)"
        empty=""
        testId="sources-table"
        rowTestId="source-row"
        columns={[
          {
            header: D.sources.cols.title,
            width: 'minmax(0, 2fr)',
            cell: (x) => (
              <Anchor component="button" type="button" size="sm" c="red.9" ta="left" truncate="end" maw="100%" onClick={() => void open(x.id)} data-testid="source-open">
                {x.title}
              </Anchor>
            ),
            title: (x) => x.title,
          },
          { header: D.sources.cols.office, width: 'minmax(0, 1.5fr)', cell: (x) => x.officeName, title: (x) => x.officeName },
          { header: D.sources.cols.nominees, width: '90px', align: 'right', cell: (x) => x.nomineeCount },
          {
            header: D.sources.cols.status,
            width: '230px',
            cell: (x) => (
              <Group gap={6} wrap="nowrap">
                <StatusBadge status={x.status} received />
                {x.resubmitted && (
                  <Text size="xs" c="dimmed" title={D.sources.resubmittedHint}>
                    {D.sources.resubmitted}
                  </Text>
                )}
              </Group>
            ),
          },
        ]}
      />
    </Section>
  );
}
