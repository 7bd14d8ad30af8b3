// One Excel import flow for every kind of list: choose a file → column-mapping preview with
// row-level errors and a sample → apply (all or nothing) with progress and cancel.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, FileInput, Group, Progress, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { columnLetter } from '../../shared/excel/columns';
import { call, fileToBase64, newJobId, saveFile, withProgress } from './api';

const NONE = '__none__';
const MAX_ERRORS_SHOWN = 200;

type Mapping = Partial<Record<string, number | null>>;

export interface ImportPreviewBase {
  headers: string[];
  mapping: Mapping;
  validRows: number;
  errors: { row: number; column: string | null; message: string }[];
  sample: { row: number }[];
}

export interface ImportInput {
  fileName: string;
  fileBase64: string;
  mapping?: Mapping;
  jobId: string;
}

export interface ImportWizardStrings {
  chooseFile: string;
  chooseHint: string;
  reading: string;
  mapping: string;
  notMapped: string;
  errorsTitle(n: number): string;
  sample: string;
  apply(n: number): string;
  cancel: string;
  cancelJob: string;
  row: string;
  column: string;
  message: string;
  moreErrors(n: number): string;
  fields: Record<string, string>;
}

interface Props<P extends ImportPreviewBase, R> {
  fields: readonly string[];
  strings: ImportWizardStrings;
  preview(input: ImportInput): Promise<P>;
  apply(input: ImportInput & { mapping: Mapping }): Promise<R>;
  /** the green "ready" alert for a preview without errors */
  okAlert(p: P): { title: string; body?: ReactNode };
  /** extra lines under the mapping (warnings of the reader) */
  notes?(p: P): string[];
  sampleColumns: { label: string; cell(row: P['sample'][number]): ReactNode }[];
  /** options of this import shown under the file field; the file is read again when `optionsKey` changes */
  options?: ReactNode;
  optionsKey?: string;
  /** "Tải tệp mẫu": a blank workbook with the headers this import reads, its dropdowns and instructions */
  template?: { label: string; hint: string; load(): Promise<{ fileName: string; mimeType: string; base64: string }> };
  /** test ids are `${testIdPrefix}-file`, `-errors`, `-ok`, `-apply` … */
  testIdPrefix: string;
  onApplied(r: R): void;
  onClose(): void;
}

export function ExcelImportWizard<P extends ImportPreviewBase, R>(props: Props<P, R>) {
  const { strings: T, testIdPrefix: id } = props;
  const [file, setFile] = useState<File | null>(null);
  const [payload, setPayload] = useState<{ fileName: string; fileBase64: string } | null>(null);
  const [preview, setPreview] = useState<P | null>(null);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const jobRef = useRef<string | null>(null);

  const run = async <X,>(fn: (jobId: string) => Promise<X>): Promise<X | null> => {
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
    const r = await run((jobId) => props.preview({ ...p, mapping, jobId }));
    if (r) setPreview(r);
  };

  // an option changed (create the missing units …): the same file and columns, read again
  const optionsKey = props.optionsKey;
  const seenKey = useRef(optionsKey);
  useEffect(() => {
    if (optionsKey === seenKey.current) return;
    seenKey.current = optionsKey;
    if (file) void load(file, preview?.mapping);
  }, [optionsKey]);

  const remap = (field: string, value: string | null) => {
    if (!preview) return;
    void load(file, { ...preview.mapping, [field]: value === null || value === NONE ? null : Number(value) });
  };

  const apply = async () => {
    if (!payload || !preview) return;
    const r = await run((jobId) => props.apply({ ...payload, mapping: preview.mapping, jobId }));
    if (r !== null) props.onApplied(r);
  };

  const headerOptions = (preview?.headers ?? []).map((h, i) => ({ value: String(i), label: `${columnLetter(i)} — ${h || '(trống)'}` }));
  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;
  const ok = preview && preview.errors.length === 0 ? props.okAlert(preview) : null;

  const [templateBusy, setTemplateBusy] = useState(false);
  const downloadTemplate = async () => {
    if (!props.template) return;
    setTemplateBusy(true);
    try {
      saveFile(await props.template.load());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setTemplateBusy(false);
    }
  };

  return (
    <Stack>
      {props.template && (
        <Group justify="space-between" wrap="nowrap" gap="sm" p="xs" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 4 }}>
          <Text size="sm" c="dimmed">
            {props.template.hint}
          </Text>
          <Button size="xs" variant="default" loading={templateBusy} onClick={() => void downloadTemplate()} style={{ flexShrink: 0 }} data-testid={`${id}-template`}>
            {props.template.label}
          </Button>
        </Group>
      )}
      <FileInput
        label={T.chooseFile}
        description={T.chooseHint}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={(f) => void load(f)}
        clearable
        data-testid={`${id}-file`}
      />
      {props.options}
      {busy && (
        <Stack gap={4}>
          <Text size="sm">{T.reading}</Text>
          <Progress value={pct ?? 100} animated={pct === null} data-testid={`${id}-progress`} />
          <Group justify="flex-end">
            <Button size="xs" variant="default" onClick={() => jobRef.current && void call('jobs.cancel', { jobId: jobRef.current })}>
              {T.cancelJob}
            </Button>
          </Group>
        </Stack>
      )}
      {error && (
        <Alert color="red" data-testid={`${id}-error`} style={{ whiteSpace: 'pre-line' }}>
          {error}
        </Alert>
      )}
      {preview && (
        <>
          <Text fw={600}>{T.mapping}</Text>
          <SimpleGrid cols={4}>
            {props.fields.map((f) => (
              <Select
                key={f}
                label={T.fields[f]}
                data={[{ value: NONE, label: T.notMapped }, ...headerOptions]}
                value={preview.mapping[f] == null ? NONE : String(preview.mapping[f])}
                onChange={(v) => remap(f, v)}
                allowDeselect={false}
                size="xs"
                disabled={busy}
              />
            ))}
          </SimpleGrid>
          {(props.notes?.(preview) ?? []).map((w, i) => (
            <Text key={i} size="sm" c="dimmed">
              {w}
            </Text>
          ))}
          {ok ? (
            <Alert color="green" title={ok.title} data-testid={`${id}-ok`}>
              {ok.body}
            </Alert>
          ) : (
            <Alert color="red" title={T.errorsTitle(preview.errors.length)} data-testid={`${id}-errors`}>
              <ScrollArea.Autosize mah={260}>
                <Table striped withTableBorder fz="sm">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{T.row}</Table.Th>
                      <Table.Th>{T.column}</Table.Th>
                      <Table.Th>{T.message}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {preview.errors.slice(0, MAX_ERRORS_SHOWN).map((e, i) => (
                      <Table.Tr key={i} data-testid={`${id}-error-row`}>
                        <Table.Td>{e.row || ''}</Table.Td>
                        <Table.Td>{e.column ?? ''}</Table.Td>
                        <Table.Td>{e.message}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
                {preview.errors.length > MAX_ERRORS_SHOWN && <Text size="sm">{T.moreErrors(preview.errors.length - MAX_ERRORS_SHOWN)}</Text>}
              </ScrollArea.Autosize>
            </Alert>
          )}
          <Text fw={600}>{T.sample}</Text>
          <ScrollArea.Autosize mah={240}>
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  {props.sampleColumns.map((c) => (
                    <Table.Th key={c.label}>{c.label}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((r) => (
                  <Table.Tr key={r.row}>
                    {props.sampleColumns.map((c) => (
                      <Table.Td key={c.label}>{c.cell(r)}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={props.onClose}>
          {T.cancel}
        </Button>
        <Button onClick={() => void apply()} disabled={!preview || preview.errors.length > 0 || preview.validRows === 0 || busy} data-testid={`${id}-apply`}>
          {T.apply(preview?.validRows ?? 0)}
        </Button>
      </Group>
    </Stack>
  );
}
