// Excel import of past records: the shared import flow (mapping preview, row-level errors,
// all-or-nothing apply with progress) with the records' fields and sample columns.
import { notifications } from '@mantine/notifications';
import { RECORDS_IMPORT_FIELDS, type RecordsImportPreview } from '../../../shared/contract/records';
import { call } from '../../lib/api';
import { ExcelImportWizard } from '../../lib/ExcelImportWizard';
import { T } from './strings';

const I = T.import;
type SampleRow = RecordsImportPreview['sample'][number];
const C = I.sampleCols;

const SAMPLE_COLUMNS: { label: string; cell(r: SampleRow): string | number }[] = [
  { label: C.row, cell: (r) => r.row },
  { label: C.name, cell: (r) => r.fullName },
  { label: C.unit, cell: (r) => r.unitName },
  { label: C.year, cell: (r) => r.year },
  { label: C.rating, cell: (r) => r.rating ?? '' },
  { label: C.titles, cell: (r) => r.titles.join(', ') },
  { label: C.award, cell: (r) => r.award },
  { label: C.decision, cell: (r) => r.decision },
  { label: C.initiative, cell: (r) => r.initiative },
];

export function RecordsImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  return (
    <ExcelImportWizard
      fields={RECORDS_IMPORT_FIELDS}
      strings={{ ...I, cancel: T.cancel }}
      preview={(input) => call('records.importPreview', input)}
      apply={(input) => call('records.importApply', input)}
      okAlert={(p) => ({ title: I.okTitle(p.validRows, p.summary.people), body: I.summary(p.summary) })}
      notes={(p) => p.warnings}
      sampleColumns={SAMPLE_COLUMNS}
      template={{ label: I.template, hint: I.templateHint, load: () => call('records.importTemplate', {}) }}
      testIdPrefix="records-import"
      onClose={onClose}
      onApplied={(r) => {
        notifications.show({ color: 'green', message: I.done(r) });
        onImported();
      }}
    />
  );
}
