// Excel import of past records: choose a file → mapping preview with row-level errors and a
// sample → apply (all or nothing) with progress; the same steps as the staff import.
import { useRef, useState } from 'react';
import { Alert, Button, FileInput, Group, Progress, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { RECORDS_IMPORT_FIELDS, type RecordsImportPreview } from '../../../shared/contract/records';
import { call, fileToBase64, newJobId, withProgress } from '../../lib/api';
import { T } from './strings';

const I = T.import;
type Mapping = RecordsImportPreview['mapping'];
const NONE = '__none__';
const MAX_ERRORS_SHOWN = 200;

export function RecordsImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [payload, setPayload] = useState<{ fileName: string; fileBase64: string } | null>(null);
  const [preview, setPreview] = useState<RecordsImportPreview | null>(null);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const jobRef = useRef<string | null>(null);

  const run = async <R,>(fn: (jobId: string) => Promise<R>): Promise<R | null> => {
    const jobId = newJobId();
    jobRef.current = jobId;
    setBusy(true);
    setError(null);
    setProgress({ phase: 'start', done: 0, total: 0 });
    try {
      return await withProgress(jobId, fn(jobId), setProgress);
    } catch (e) {
      setError((e as Error).message);
      return null;
    } finally {
      jobRef.current = null;
      setBusy(false);
      setProgress(null);
    }
  };

  const load = async (f: File | null, mapping?: Mapping) => {
    setFile(f);
    setPreview(null);
    if (!f) return;
    const p = payload && payload.fileName === f.name && mapping ? payload : { fileName: f.name, fileBase64: await fileToBase64(f) };
    setPayload(p);
    const r = await run((jobId) => call('records.importPreview', { ...p, mapping, jobId }));
    if (r) setPreview(r);
  };

  const remap = (field: string, value: string | null) => {
    if (!preview) return;
    void load(file, { ...preview.mapping, [field]: value === null || value === NONE ? null : Number(value) });
  };

  const apply = async () => {
    if (!payload || !preview) return;
    const r = await run((jobId) => call('records.importApply', { ...payload, mapping: preview.mapping, jobId }));
    if (r) {
      notifications.show({ color: 'green', message: I.done(r) });
      onImported();
    }
  };

  const headerOptions = (preview?.headers ?? []).map((h, i) => ({ value: String(i), label: `${columnLetter(i)} — ${h || '(trống)'}` }));
  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;

  return (
    <Stack>
      <FileInput
        label={I.chooseFile}
        description={I.chooseHint}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={(f) => void load(f)}
        clearable
        data-testid="records-import-file"
      />
      {busy && (
        <Stack gap={4}>
          <Text size="sm">{I.reading}</Text>
          <Progress value={pct ?? 100} animated={pct === null} />
          <Group justify="flex-end">
            <Button size="xs" variant="default" onClick={() => jobRef.current && void call('jobs.cancel', { jobId: jobRef.current })}>
              {I.cancelJob}
            </Button>
          </Group>
        </Stack>
      )}
      {error && (
        <Alert color="red" style={{ whiteSpace: 'pre-line' }} data-testid="records-import-error">
          {error}
        </Alert>
      )}
      {preview && (
        <>
          <Text fw={600}>{I.mapping}</Text>
          <SimpleGrid cols={4}>
            {RECORDS_IMPORT_FIELDS.map((f) => (
              <Select
                key={f}
                label={I.fields[f]}
                data={[{ value: NONE, label: I.notMapped }, ...headerOptions]}
                value={preview.mapping[f] == null ? NONE : String(preview.mapping[f])}
                onChange={(v) => remap(f, v)}
                allowDeselect={false}
                size="xs"
                disabled={busy}
              />
            ))}
          </SimpleGrid>
          {preview.warnings.map((w, i) => (
            <Text key={i} size="sm" c="dimmed">
              {w}
            </Text>
          ))}
          {preview.errors.length > 0 ? (
            <Alert color="red" title={I.errorsTitle(preview.errors.length)} data-testid="records-import-errors">
              <ScrollArea.Autosize mah={260}>
                <Table striped withTableBorder fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{I.row}</Table.Th>
                      <Table.Th>{I.column}</Table.Th>
                      <Table.Th>{I.message}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.errors.slice(0, MAX_ERRORS_SHOWN).map((e, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>{e.row || ''}</Table.Td>
                        <Table.Td>{e.column ?? ''}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {preview.errors.length > MAX_ERRORS_SHOWN && <Text size="sm">{I.moreErrors(preview.errors.length - MAX_ERRORS_SHOWN)}</Text>}
              </ScrollArea.Autosize>
            </Alert>
          ) : (
            <Alert color="green" title={I.okTitle(preview.validRows, preview.summary.people)} data-testid="records-import-ok">
              <Text size="sm">{I.summary(preview.summary)}</Text>
            </Alert>
          )}
          <Text fw={600}>{I.sample}</Text>
          <ScrollArea.Autosize mah={240}>
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  {Object.values(I.sampleCols).map((h) => (
                    <Table.Th key={h}>{h}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.fullName}</Table.Td>
                    <Table.Td>{r.unitName}</Table.Td>
                    <Table.Td>{r.year}</Table.Td>
                    <Table.Td>{r.rating ?? ''}</Table.Td>
                    <Table.Td>{r.titles.join(', ')}</Table.Td>
                    <Table.Td>{r.award}</Table.Td>
                    <Table.Td>{r.decision}</Table.Td>
                    <Table.Td>{r.initiative}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {T.cancel}
        </Button>
        <Button onClick={() => void apply()} disabled={!preview || preview.errors.length > 0 || preview.validRows === 0 || busy} data-testid="records-import-apply">
          {I.apply(preview?.validRows ?? 0)}
        </Button>
      </Group>
    </Stack>
  );
}

function columnLetter(i: number): string {
  let s = '';
  let n = i + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
