// Staff Excel import (preview → apply, all-or-nothing) and export.
import { foldVi } from '../../shared/text/vn';
import { listUnits } from '../../db/repositories/units';
import { unitLabels } from '../../shared/units/tree';
import { bulkInsertStaff, staffIdentityKeys } from '../../db/repositories/staff';
import { getOffice } from '../../db/repositories/office';
import { readStaffWorkbook } from '../services/staff-excel/parse';
import { proposeMapping } from '../services/staff-excel/mapping';
import { unitColumnTexts, validateStaffRows, type ValidationResult } from '../services/staff-excel/validate';
import { planMissingUnits, type PlannedUnit } from '../services/staff-excel/missing-units';
import { insertUnit } from '../../db/repositories/units';
import { exportStaffWorkbook } from '../services/staff-excel/export';
import { XLSX_MIME } from '../services/xlsx/style';
import { staffImportTemplate } from '../services/staff-excel/template';
import type { ProcParsedInput } from '../../shared/contract';
import type { CoreContext } from '../core/context';
import type { Job } from '../core/jobs';
import type { HandlerMap } from './types';
import { assertImportable, readUploaded, templateUnits, withJob, writeStep } from './import-flow';
import { findStaff } from './staff';

const SAMPLE_ROWS = 20;

type ImportInput = ProcParsedInput<'staff.importPreview'>;

async function readAndValidate(input: ImportInput, ctx: CoreContext, job: Job) {
  const read = await readUploaded(input.fileBase64, job, readStaffWorkbook);
  let units = (await listUnits(ctx.db, true)).map((u) => ({ id: u.id, name: u.name, code: u.code, parentId: u.parent_id }));
  const existing = (await staffIdentityKeys(ctx.db)).map((s) => ({ id: s.id, fullName: s.full_name, birthDate: s.birth_date, unitId: s.unit_id }));
  const mapping = input.mapping ?? proposeMapping(read.headers);
  // the units the list names and the office lacks, created with the people: validated as if they were there
  let planned: PlannedUnit[] = [];
  const unitColumn = mapping.unit;
  if (input.createMissingUnits && typeof unitColumn === 'number') {
    planned = planMissingUnits(unitColumnTexts(read, unitColumn), units);
    units = [...units, ...planned.map((p) => ({ id: p.tempId, name: p.name, code: null, parentId: p.parentId }))];
  }
  const result = await validateStaffRows(read, mapping, units, existing, {
    today: ctx.today(),
    onProgress: (done, total) => {
      job.progress('validate', done, total);
      job.checkCancelled();
    },
  });
  return { read, result, planned };
}

function toPreview(read: { sheetName: string; headerRow: number; headers: string[] }, result: ValidationResult, planned: readonly PlannedUnit[]) {
  return {
    newUnits: planned.map((p) => p.path),
    sheetName: read.sheetName,
    headerRow: read.headerRow,
    headers: read.headers,
    mapping: result.mapping,
    totalRows: result.stats.dataRows,
    validRows: result.rows.length,
    errors: result.errors.map((e) => ({ row: e.row, column: e.column, field: e.field, value: e.value, message: e.message })),
    sample: result.rows.slice(0, SAMPLE_ROWS).map((r) => ({
      row: r.row,
      fullName: r.fullName,
      gender: r.gender,
      birthDate: r.birthDate,
      unitName: r.unitName,
      position: r.position,
      category: r.category,
    })),
  };
}

export const staffImportHandlers: HandlerMap<'staff.importPreview' | 'staff.importApply'> = {
  'staff.importPreview': async (input, ctx) =>
    withJob(ctx, input.jobId, async (job) => {
      const { read, result, planned } = await readAndValidate(input, ctx, job);
      return toPreview(read, result, planned);
    }),
  // Re-reads and re-validates the file: the apply never trusts an earlier preview.
  'staff.importApply': async (input, ctx) =>
    withJob(ctx, input.jobId, async (job) => {
      const { result, planned } = await readAndValidate(input, ctx, job);
      assertImportable(result, 'cán bộ');
      if (planned.length === 0) {
        const rows = result.rows.map((r) => ({ ...r, nameKey: foldVi(r.fullName) }));
        return { imported: writeStep(job, rows.length, () => bulkInsertStaff(ctx.conn.sqlite, ctx.officeId, rows)), unitsCreated: 0 };
      }
      job.checkCancelled();
      // the units and the people in one transaction: all of them or nothing
      const imported = await ctx.db.transaction().execute(async (trx) => {
        const ids = new Map<string, string>();
        for (const p of planned) {
          const parentId = p.parentId === null ? null : (ids.get(p.parentId) ?? p.parentId);
          ids.set(p.tempId, await insertUnit(trx, ctx.officeId, { name: p.name, nameKey: foldVi(p.name), parentId, code: null, kind: 'phong_chuyen_mon', sortOrder: 0, note: '' }));
        }
        const rows = result.rows.map((r) => ({ ...r, unitId: r.unitId === null ? null : (ids.get(r.unitId) ?? r.unitId), nameKey: foldVi(r.fullName) }));
        return bulkInsertStaff(ctx.conn.sqlite, ctx.officeId, rows);
      });
      job.progress('write', imported, imported);
      return { imported, unitsCreated: planned.length };
    }),
};

export const staffTemplateHandler: HandlerMap<'staff.importTemplate'>['staff.importTemplate'] = async (_input, ctx) => {
  const office = await getOffice(ctx.db, ctx.officeId);
  const bytes = await staffImportTemplate({ officeName: office?.name ?? '', units: await templateUnits(ctx) });
  return { fileName: 'mau-nhap-danh-sach-can-bo.xlsx', mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
};

export const staffExportHandler: HandlerMap<'staff.export'>['staff.export'] = async (input, ctx) => {
  const filter = input ?? { search: '', unitId: null, includeSubunits: true, status: 'dang_cong_tac' as const, officeId: null };
  const matches = await findStaff(ctx, filter);
  const ticked = input?.ids && new Set(input.ids);
  const rows = ticked ? matches.filter((s) => ticked.has(s.id)) : matches;
  const units = await listUnits(ctx.db, true);
  const office = await getOffice(ctx.db, ctx.officeId);
  // a name several units share is written as its path, which the import reads back
  const unitNames = unitLabels(units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id })));
  const parts: string[] = [];
  if (filter.unitId) parts.push(`Đơn vị: ${unitNames.get(filter.unitId) ?? ''}${filter.includeSubunits ? ' (gồm đơn vị cấp dưới)' : ''}`);
  if (filter.search) parts.push(`Tìm: "${filter.search}"`);
  if (ticked) parts.push(`${rows.length.toLocaleString('vi-VN')} người được chọn`);
  const bytes = await exportStaffWorkbook(rows, {
    title: 'DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ NGƯỜI LAO ĐỘNG',
    officeName: office?.name ?? '',
    filterDescription: parts.join('; ') || undefined,
    units: unitNames,
  });
  const stamp = ctx.today().replaceAll('-', '');
  return { fileName: `danh-sach-can-bo-${stamp}.xlsx`, mimeType: XLSX_MIME, base64: Buffer.from(bytes).toString('base64') };
};
