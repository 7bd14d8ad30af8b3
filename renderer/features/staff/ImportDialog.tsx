import { useState } from 'react';
import { Checkbox } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useUnits } from '../units/store';
import { STAFF_IMPORT_FIELDS, type StaffImportPreview } from '../../../shared/contract/staff';
import { CATEGORY_LABELS, GENDER_LABELS } from '../../../shared/staff/labels';
import { formatDateVi } from '../../../shared/text/vn';
import { call } from '../../lib/api';
import { ExcelImportWizard } from '../../lib/ExcelImportWizard';
import { IMPORT_T as T } from './strings';

type SampleRow = StaffImportPreview['sample'][number];

const SAMPLE_COLUMNS: { label: string; cell(r: SampleRow): string | number }[] = [
  { label: T.row, cell: (r) => r.row },
  { label: T.fields.fullName!, cell: (r) => r.fullName },
  { label: T.fields.gender!, cell: (r) => (r.gender === 'nam' || r.gender === 'nu' ? GENDER_LABELS[r.gender] : '') },
  { label: T.fields.birthDate!, cell: (r) => formatDateVi(r.birthDate) },
  { label: T.fields.unit!, cell: (r) => r.unitName ?? '' },
  { label: T.fields.position!, cell: (r) => r.position },
  { label: T.fields.category!, cell: (r) => (r.category && r.category in CATEGORY_LABELS ? CATEGORY_LABELS[r.category as keyof typeof CATEGORY_LABELS] : '') },
];

export function ImportDialog({ onClose, onImported }: { onClose(): void; onImported(): void }) {
  const [createUnits, setCreateUnits] = useState(false);
  return (
    <ExcelImportWizard
      fields={STAFF_IMPORT_FIELDS}
      strings={T}
      preview={(input) => call('staff.importPreview', { ...input, createMissingUnits: createUnits })}
      apply={(input) => call('staff.importApply', { ...input, createMissingUnits: createUnits })}
      okAlert={(p) => ({ title: T.okTitle(p.validRows), body: p.newUnits.length > 0 ? T.newUnits(p.newUnits.length, p.newUnits.join('; ')) : undefined })}
      options={
        <Checkbox
          label={T.createUnits}
          description={T.createUnitsHint}
          checked={createUnits}
          onChange={(e) => setCreateUnits(e.currentTarget.checked)}
          data-testid="import-create-units"
        />
      }
      optionsKey={String(createUnits)}
      sampleColumns={SAMPLE_COLUMNS}
      template={{ label: T.template, hint: T.templateHint, load: () => call('staff.importTemplate', {}) }}
      testIdPrefix="import"
      onClose={onClose}
      onApplied={(r) => {
        notifications.show({ color: 'green', message: T.done(r.imported, r.unitsCreated) });
        // new units show in the tree and the pickers
        if (r.unitsCreated > 0) void useUnits.getState().refresh();
        onImported();
      }}
    />
  );
}
