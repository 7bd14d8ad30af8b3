import { useRef, useState } from 'react';
import { Alert, Button, FileInput, Group, Progress, ScrollArea, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { STAFF_IMPORT_FIELDS, type StaffImportPreview } from '../../../shared/contract/staff';
import { call, fileToBase64, newJobId, withProgress } from '../../lib/api';
import { formatDateVi } from '../../../shared/text/vn';
import { CATEGORY_LABELS, GENDER_LABELS } from '../../../shared/staff/labels';
import { IMPORT_T as T } from './strings';

type Mapping = StaffImportPreview['mapping'];
const NONE = '__none__';
const MAX_ERRORS_SHOWN = 200;

export function ImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const [file, setFile] = useState<File | null>(null);
  const [payload, setPayload] = useState<{ fileName: string; fileBase64: string } | null>(null);
  const [preview, setPreview] = useState<StaffImportPreview | null>(null);
  const [progress, setProgress] = useState<{ phase: string; done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const jobRef = useRef<string | null>(null);

  const run = async <T,>(fn: (jobId: string) => Promise<T>): Promise<T | null> => {
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
    const r = await run((jobId) => call('staff.importPreview', { ...p, mapping, jobId }));
    if (r) setPreview(r);
  };

  const remap = (field: string, value: string | null) => {
    if (!preview) return;
    const mapping = { ...preview.mapping, [field]: value === null || value === NONE ? null : Number(value) };
    void load(file, mapping);
  };

  const apply = async () => {
    if (!payload || !preview) return;
    const r = await run((jobId) => call('staff.importApply', { ...payload, mapping: preview.mapping, jobId }));
    if (r) {
      notifications.show({ color: 'green', message: T.done(r.imported) });
      onImported();
    }
  };

  const headerOptions = (preview?.headers ?? []).map((h, i) => ({ value: String(i), label: `${columnLetter(i)} — ${h || '(trống)'}` }));
  const pct = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : null;

  return (
    <Stack>
      <FileInput
        label={T.chooseFile}
        description={T.chooseHint}
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        value={file}
        onChange={(f) => void load(f)}
        clearable
        data-testid="import-file"
      />
      {busy && (
        <Stack gap={4}>
          <Text size="sm">{T.reading}</Text>
          <Progress value={pct ?? 100} animated={pct === null} data-testid="import-progress" />
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                if (jobRef.current) void call('jobs.cancel', { jobId: jobRef.current });
              }}
            >
              {T.cancelJob}
            </Button>
          </Group>
        </Stack>
      )}
      {error && (
        <Alert color="red" data-testid="import-error" style={{ whiteSpace: 'pre-line' }}>
          {error}
        </Alert>
      )}
      {preview && (
        <>
          <Text fw={600}>{T.mapping}</Text>
          <SimpleGrid cols={4}>
            {STAFF_IMPORT_FIELDS.map((f) => (
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
          {preview.errors.length > 0 ? (
            <Alert color="red" title={T.errorsTitle(preview.errors.length)} data-testid="import-errors">
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
                      <Table.Tr key={i} data-testid="import-error-row">
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
          ) : (
            <Alert color="green" title={T.okTitle(preview.validRows)} data-testid="import-ok" />
          )}
          <Text fw={600}>{T.sample}</Text>
          <ScrollArea.Autosize mah={240}>
            <Table withTableBorder fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{T.row}</Table.Th>
                  <Table.Th>{T.fields.fullName}</Table.Th>
                  <Table.Th>{T.fields.gender}</Table.Th>
                  <Table.Th>{T.fields.birthDate}</Table.Th>
                  <Table.Th>{T.fields.unit}</Table.Th>
                  <Table.Th>{T.fields.position}</Table.Th>
                  <Table.Th>{T.fields.category}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.sample.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td>{r.fullName}</Table.Td>
                    <Table.Td>{r.gender === 'nam' || r.gender === 'nu' ? GENDER_LABELS[r.gender] : ''}</Table.Td>
                    <Table.Td>{formatDateVi(r.birthDate)}</Table.Td>
                    <Table.Td>{r.unitName ?? ''}</Table.Td>
                    <Table.Td>{r.position}</Table.Td>
                    <Table.Td>{r.category && r.category in CATEGORY_LABELS ? CATEGORY_LABELS[r.category as keyof typeof CATEGORY_LABELS] : ''}</Table.Td>
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
        <Button
          onClick={() => void apply()}
          disabled={!preview || preview.errors.length > 0 || preview.validRows === 0 || busy}
          data-testid="import-apply"
        >
          {T.apply(preview?.validRows ?? 0)}
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
