import { memo, useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, FileInput, Group, List, Pagination, Paper, Progress, ScrollArea, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  BUNDLE_KINDS,
  BUNDLE_UPLOAD_MAX_BYTES,
  MERGE_STATUSES,
  type BundleSource,
  type BundleInfo,
  type BundleKind,
  type ConflictChoice,
  type ExportResult,
  type HistoryRow,
  type KnownOffice,
  type MergeConflict,
  type MergePreview,
  type ApplyResult,
} from '../../../shared/contract/exchange';
import { formatDateTimeVi } from '../../../shared/text/vn';
import { FolderInput } from '../../lib/FolderInput';
import { diskPath, megabytes } from '../../lib/desktop-files';
import { useExchange } from './store';
import { call, fileToBase64, newJobId, saveFile, withProgress } from '../../lib/api';
import { useRouter } from '../../app/router';
import { T } from './strings';

type Progress = { phase: string; done: number; total: number };

function formatSize(n: number): string {
  if (n < 1024 * 1024) return `${Math.max(1, Math.round(n / 1024)).toLocaleString('vi-VN')} KB`;
  return `${(n / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

/** Run a long call with a job id, progress polling and a cancel button. */
function useJob() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const jobRef = useRef<string | null>(null);
  const run = useCallback(async <R,>(fn: (jobId: string) => Promise<R>): Promise<R> => {
    const jobId = newJobId();
    jobRef.current = jobId;
    setProgress({ phase: 'start', done: 0, total: 0 });
    try {
      return await withProgress(jobId, fn(jobId), setProgress);
    } finally {
      jobRef.current = null;
      setProgress(null);
    }
  }, []);
  const cancel = () => {
    if (jobRef.current) void call('jobs.cancel', { jobId: jobRef.current });
  };
  return { progress, run, cancel };
}

function JobProgress({ progress, onCancel }: { progress: Progress; onCancel(): void }) {
  const pct = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  return (
    <Stack gap={4} data-testid="exchange-progress">
      <Text size="sm">{T.phases[progress.phase] ?? T.phases.start}</Text>
      <Progress value={pct ?? 100} animated={pct === null} />
      <Group justify="flex-end">
        <Button size="xs" variant="default" onClick={onCancel} data-testid="exchange-cancel">
          {T.import.cancel}
        </Button>
      </Group>
    </Stack>
  );
}

function ExportSection({ onExported }: { onExported(): void }) {
  const go = useRouter((s) => s.go);
  const [kind, setKind] = useState<BundleKind>('office-to-province');
  const [offices, setOffices] = useState<KnownOffice[]>([]);
  const [target, setTarget] = useState<string | null>(null);
  const [folder, setFolder] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob();

  useEffect(() => {
    if (kind === 'province-to-office') void call('exchange.offices').then(setOffices, () => setOffices([]));
  }, [kind]);

  const doExport = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const r = await job.run((jobId) =>
        call('exchange.exportBundle', { kind, targetOfficeId: kind === 'province-to-office' ? target : null, folder: folder.trim() || null, jobId }),
      );
      if (r.file) saveFile(r.file);
      setResult(r);
      notifications.show({ color: 'green', message: T.export.done(r.fileName) });
      onExported();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{T.export.title}</Title>
        {/* one column below 1200 px: the kinds' names are long */}
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Select
            label={T.export.kind}
            data={BUNDLE_KINDS.map((k) => ({ value: k, label: T.export.kinds[k] }))}
            value={kind}
            onChange={(v) => v && setKind(v as BundleKind)}
            allowDeselect={false}
            data-testid="exchange-kind"
          />
          {kind === 'province-to-office' && (
            <Select
              label={T.export.target}
              placeholder={T.export.targetPlaceholder}
              data={offices.map((o) => ({ value: o.id, label: `${o.name} (${o.abbreviation})` }))}
              value={target}
              onChange={setTarget}
              nothingFoundMessage={T.export.noTargets}
              data-testid="exchange-target"
            />
          )}
        </SimpleGrid>
        {kind === 'full' && (
          <Alert color="yellow" title={T.export.fullNote.title} data-testid="exchange-full-note">
            <Text size="sm">{T.export.fullNote.body}</Text>
            <Button size="xs" variant="default" mt="xs" onClick={() => go('backup')} data-testid="exchange-full-backup">
              {T.export.fullNote.open}
            </Button>
          </Alert>
        )}
        <FolderInput label={T.export.folder} description={T.export.folderHint} value={folder} onChange={setFolder} testId="exchange-folder" />
        {job.progress && <JobProgress progress={job.progress} onCancel={job.cancel} />}
        {error && (
          <Alert color="red" title={T.export.failed} data-testid="exchange-export-error" style={{ whiteSpace: 'pre-line' }}>
            {error}
          </Alert>
        )}
        {result && (
          <Alert color="green" title={T.export.done(result.fileName)} data-testid="exchange-export-done">
            <Text size="sm">{result.path ? T.export.savedTo(result.path) : T.export.downloaded}</Text>
            <Text size="sm">
              {T.import.contents}: {result.counts.map((c) => `${c.label} ${c.count.toLocaleString('vi-VN')}`).join(' · ')} — {formatSize(result.sizeBytes)}
            </Text>
          </Alert>
        )}
        <Group>
          <Button onClick={() => void doExport()} loading={busy} disabled={kind === 'province-to-office' && !target} data-testid="exchange-export">
            {T.export.button}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function InfoPanel({ info }: { info: BundleInfo }) {
  return (
    <Alert color="green" title={T.import.verified} data-testid="exchange-verified">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing={4}>
        <Text size="sm">
          {T.import.from}: <b data-testid="exchange-origin">{info.originOfficeName}</b>
        </Text>
        <Text size="sm">
          {T.import.kind}: {T.kindShort[info.kind] ?? info.kind}
        </Text>
        <Text size="sm">
          {T.import.createdAt}: {formatDateTimeVi(info.createdAt)}
        </Text>
        <Text size="sm">
          {T.import.size}: {formatSize(info.fileSize)}
        </Text>
      </SimpleGrid>
      <Text size="sm" mt={4}>
        {T.import.contents}: {info.counts.map((c) => `${c.label} ${c.count.toLocaleString('vi-VN')}`).join(' · ')}
      </Text>
      {info.kind === 'full' && (
        <Text size="sm" mt={4} fw={500} data-testid="exchange-full-received">
          {T.import.fullReceived}
        </Text>
      )}
    </Alert>
  );
}

function PreviewTable({ preview }: { preview: MergePreview }) {
  return (
    <ScrollArea.Autosize mah={320}>
      <Table withTableBorder striped fz="sm" data-testid="exchange-preview">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{T.import.cols.entity}</Table.Th>
            <Table.Th>{T.import.cols.office}</Table.Th>
            {MERGE_STATUSES.map((s) => (
              <Table.Th key={s} ta="right">
                {T.import.cols[s]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.groups.map((g) => (
            <Table.Tr key={`${g.entity}:${g.originOfficeId}`} data-testid="exchange-preview-row" data-entity={g.entity}>
              <Table.Td>{g.entityLabel}</Table.Td>
              <Table.Td>{g.originOfficeName}</Table.Td>
              {MERGE_STATUSES.map((s) => (
                <Table.Td key={s} ta="right" data-testid={`exchange-count-${s}`} c={s === 'conflict' && g[s] > 0 ? 'red' : undefined}>
                  {g[s].toLocaleString('vi-VN')}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr fw={600}>
            <Table.Td colSpan={2}>{T.import.total}</Table.Td>
            {MERGE_STATUSES.map((s) => (
              <Table.Td key={s} ta="right" data-testid={`exchange-total-${s}`}>
                {preview.totals[s].toLocaleString('vi-VN')}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}

const CONFLICTS_PER_PAGE = 50;

/**
 * The conflicts a page at a time: a bundle from an office whose people the province also edited
 * can hold thousands, each a card with a table of fields (drawn all at once, and all again at
 * every choice, the page stalled for seconds). Another file starts again on the first page (the
 * preview is cleared first, and this with it).
 */
function ConflictPages({ conflicts, choices, onChoose }: { conflicts: MergeConflict[]; choices: Record<string, ConflictChoice>; onChoose(key: string, v: ConflictChoice): void }) {
  const pages = Math.max(1, Math.ceil(conflicts.length / CONFLICTS_PER_PAGE));
  const [page, setPage] = useState(1);
  const shown = conflicts.slice((page - 1) * CONFLICTS_PER_PAGE, page * CONFLICTS_PER_PAGE);
  return (
    <Stack gap="xs">
      {pages > 1 && (
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {T.import.conflictRange((page - 1) * CONFLICTS_PER_PAGE + 1, (page - 1) * CONFLICTS_PER_PAGE + shown.length, conflicts.length)}
          </Text>
          <Pagination total={pages} value={page} onChange={setPage} size="sm" data-testid="exchange-conflict-pages" />
        </Group>
      )}
      <ScrollArea.Autosize mah={420}>
        <Stack gap="xs">
          {shown.map((c) => (
            <ConflictCard key={c.key} c={c} choice={choices[c.key]} onChoose={onChoose} />
          ))}
        </Stack>
      </ScrollArea.Autosize>
    </Stack>
  );
}

/** Memoised: a choice re-renders only its own card. */
const ConflictCard = memo(function ConflictCard({ c, choice, onChoose }: { c: MergeConflict; choice: ConflictChoice | undefined; onChoose(key: string, v: ConflictChoice): void }) {
  return (
    <Paper withBorder p="sm" data-testid="exchange-conflict">
      <Group justify="space-between" mb={6}>
        <Text fw={600} size="sm">
          {c.entityLabel}: {c.title} <Text span c="dimmed" size="xs">— {c.originOfficeName}</Text>
        </Text>
        <Group gap={6}>
          <Button size="xs" variant={choice === 'local' ? 'filled' : 'default'} onClick={() => onChoose(c.key, 'local')} data-testid="exchange-choice-local">
            {T.import.keepLocal}
          </Button>
          <Button size="xs" variant={choice === 'incoming' ? 'filled' : 'default'} onClick={() => onChoose(c.key, 'incoming')} data-testid="exchange-choice-incoming">
            {T.import.takeIncoming}
          </Button>
        </Group>
      </Group>
      <Table fz="xs" withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{T.import.field}</Table.Th>
            <Table.Th>
              {T.import.local} {c.localDeleted ? T.import.deletedMark : ''}
            </Table.Th>
            <Table.Th>
              {T.import.incoming} {c.incomingDeleted ? T.import.deletedMark : ''}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.fields.map((f) => (
            <Table.Tr key={f.column} fw={f.differs ? 600 : undefined} bg={f.differs ? 'yellow.0' : undefined}>
              <Table.Td>{f.label}</Table.Td>
              <Table.Td>{f.local}</Table.Td>
              <Table.Td>{f.incoming}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr c="dimmed">
            <Table.Td>{T.import.updated}</Table.Td>
            <Table.Td>{formatDateTimeVi(c.localUpdatedAt)}</Table.Td>
            <Table.Td>{formatDateTimeVi(c.incomingUpdatedAt)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
});

function ImportSection({ onApplied }: { onApplied(): void }) {
  const [file, setFile] = useState<File | null>(null);
  /** a bundle opened from Explorer, by its path (no File) */
  const [openedPath, setOpenedPath] = useState<string | null>(null);
  const [payload, setPayload] = useState<BundleSource | null>(null);
  const [info, setInfo] = useState<BundleInfo | null>(null);
  const [preview, setPreview] = useState<MergePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<ApplyResult | null>(null);
  const [busy, setBusy] = useState(false);
  const job = useJob();

  const reset = () => {
    setFile(null);
    setOpenedPath(null);
    setPayload(null);
    setInfo(null);
    setPreview(null);
    setChoices({});
    setError(null);
    setDone(null);
  };

  /** verify, then compare — busy meanwhile, a failure shown —: the preview the user applies from */
  const read = async (source: () => Promise<BundleSource | null>) => {
    setBusy(true);
    try {
      const p = await source();
      if (!p) return;
      setPayload(p);
      setInfo(await job.run((jobId) => call('exchange.verify', { ...p, jobId })));
      setPreview(await job.run((jobId) => call('exchange.preview', { ...p, jobId })));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const open = async (f: File | null) => {
    reset();
    setFile(f);
    if (!f) return;
    await read(async () => {
      // the desktop app gives the file's place: the core reads it from disk, whatever its size
      const onDisk = diskPath(f);
      if (!onDisk && f.size > BUNDLE_UPLOAD_MAX_BYTES) {
        setError(T.import.tooBig(f.name, megabytes(f.size), megabytes(BUNDLE_UPLOAD_MAX_BYTES)));
        return null;
      }
      return onDisk ? { fileName: f.name, path: onDisk } : { fileName: f.name, fileBase64: await fileToBase64(f) };
    });
  };

  // a bundle double-clicked in Explorer (the desktop app: opened from where it lies) or dropped
  // on the window (opened as if chosen here)
  const toOpen = useExchange((s) => s.bundleToOpen);
  const section = useRef<HTMLDivElement>(null);
  // the export form comes first on the screen: once the bundle is read, show where it opened
  const reveal = useRef(false);
  useEffect(() => {
    if (!reveal.current || !(preview || error)) return;
    reveal.current = false;
    section.current?.scrollIntoView?.({ block: 'start' });
  }, [preview, error]);
  useEffect(() => {
    if (!toOpen || busy) return;
    useExchange.getState().clearBundle();
    reveal.current = true;
    if (typeof toOpen !== 'string') {
      void open(toOpen);
      return;
    }
    reset();
    setOpenedPath(toOpen);
    void read(async () => ({ fileName: toOpen.split(/[\\/]/).pop() ?? toOpen, path: toOpen }));
  }, [toOpen, busy]);

  const apply = async () => {
    if (!payload || !preview) return;
    setBusy(true);
    setError(null);
    try {
      const resolutions = Object.entries(choices).map(([key, choice]) => ({ key, choice }));
      const r = await job.run((jobId) => call('exchange.apply', { ...payload, resolutions, jobId }));
      setDone(r);
      notifications.show({ color: 'green', message: T.import.done(r.written) });
      onApplied();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const unresolved = preview ? preview.conflicts.filter((c) => !choices[c.key]).length : 0;
  const choose = useCallback((key: string, v: ConflictChoice) => setChoices((s) => ({ ...s, [key]: v })), []);
  const chooseAll = (v: ConflictChoice) => setChoices(Object.fromEntries((preview?.conflicts ?? []).map((c) => [c.key, v])));

  return (
    <Paper withBorder p="md" ref={section}>
      <Stack>
        <Title order={4}>{T.import.title}</Title>
        <FileInput
          label={T.import.file}
          description={T.import.fileHint}
          accept=".tdkt"
          value={file}
          onChange={(f) => void open(f)}
          clearable
          disabled={busy}
          data-testid="exchange-file"
        />
        {openedPath && (
          <Text size="sm" data-testid="exchange-opened-path">
            {T.import.openedFrom(openedPath)}
          </Text>
        )}
        {job.progress && <JobProgress progress={job.progress} onCancel={job.cancel} />}
        {error && (
          <Alert color="red" title={info ? undefined : T.import.invalid} data-testid="exchange-error" style={{ whiteSpace: 'pre-line' }}>
            {error}
          </Alert>
        )}
        {info && <InfoPanel info={info} />}
        {preview && !done && (
          <>
            {preview.alreadyAppliedAt && (
              <Alert color="blue" data-testid="exchange-already">
                {T.import.already(formatDateTimeVi(preview.alreadyAppliedAt))}
              </Alert>
            )}
            <Text fw={600}>{T.import.previewTitle}</Text>
            <PreviewTable preview={preview} />
            {preview.notes.length > 0 && (
              <Alert color="yellow" title={T.import.notesTitle} data-testid="exchange-notes">
                <List size="sm">
                  {preview.notes.map((n) => (
                    <List.Item key={n}>{n}</List.Item>
                  ))}
                </List>
              </Alert>
            )}
            {preview.conflicts.length > 0 && (
              <Stack gap="xs" data-testid="exchange-conflicts">
                <Group justify="space-between">
                  <Text c="red" fw={600} size="sm">
                    {T.import.conflictsTitle(preview.conflicts.length)}
                  </Text>
                  <Group gap={6}>
                    <Button size="xs" variant="light" onClick={() => chooseAll('local')} data-testid="exchange-all-local">
                      {T.import.allLocal}
                    </Button>
                    <Button size="xs" variant="light" onClick={() => chooseAll('incoming')} data-testid="exchange-all-incoming">
                      {T.import.allIncoming}
                    </Button>
                  </Group>
                </Group>
                <ConflictPages conflicts={preview.conflicts} choices={choices} onChoose={choose} />
              </Stack>
            )}
            <Group justify="flex-end">
              {unresolved > 0 && (
                <Text size="sm" c="red">
                  {T.import.unresolved(unresolved)}
                </Text>
              )}
              <Button variant="default" onClick={reset} disabled={busy}>
                {T.import.close}
              </Button>
              <Button onClick={() => void apply()} loading={busy} disabled={unresolved > 0 || !!preview.alreadyAppliedAt} data-testid="exchange-apply">
                {T.import.apply}
              </Button>
            </Group>
          </>
        )}
        {done && (
          <Alert color="green" title={T.import.done(done.written)} data-testid="exchange-done">
            {done.written === 0 && <Text size="sm">{T.import.nothing}</Text>}
            {done.keptLocal + done.tookIncoming > 0 && <Text size="sm">{T.import.doneConflicts(done.keptLocal, done.tookIncoming)}</Text>}
            <Button size="xs" mt="xs" variant="default" onClick={reset} data-testid="exchange-close">
              {T.import.close}
            </Button>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

function HistorySection({ rows }: { rows: HistoryRow[] }) {
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>{T.history.title}</Title>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {T.history.empty}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={360}>
            <Table withTableBorder striped fz="sm" data-testid="exchange-history">
              <Table.Thead>
                <Table.Tr>
                  {Object.values(T.history.cols).map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((h) => (
                  <Table.Tr key={h.id} data-testid="exchange-history-row" data-direction={h.direction}>
                    <Table.Td>{formatDateTimeVi(h.appliedAt)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text span size="sm" fw={600} c={h.direction === 'in' ? 'blue.7' : 'gray.7'}>
                        {h.direction === 'in' ? T.history.in : T.history.out}
                      </Text>
                    </Table.Td>
                    <Table.Td>{T.kindShort[h.kind] ?? h.kind}</Table.Td>
                    <Table.Td>{h.originOfficeName}</Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{h.fileName}</Table.Td>
                    <Table.Td>{Object.values(h.records).reduce((a, b) => a + b, 0).toLocaleString('vi-VN')}</Table.Td>
                    <Table.Td>{h.result ? T.history.result(h.result) : T.history.exported}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </Stack>
    </Paper>
  );
}

export function ExchangePage() {
  const [history, setHistory] = useState<HistoryRow[]>([]);
  const refresh = useCallback(() => {
    void call('exchange.history', {}).then(setHistory, () => undefined);
  }, []);
  useEffect(() => {
    refresh();
  }, [refresh]);
  return (
    <Stack maw={1100}>
      <Title order={3}>{T.title}</Title>
      <Text size="sm" c="dimmed">
        {T.intro}
      </Text>
      <ExportSection onExported={refresh} />
      <ImportSection onApplied={refresh} />
      <HistorySection rows={history} />
    </Stack>
  );
}
