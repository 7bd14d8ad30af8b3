import { z } from 'zod';
import { base64, fileOut, id, optionalDate, optionalText, requiredText } from './fields';

export const STAFF_CATEGORIES = ['CB', 'CC', 'VC', 'NLD'] as const;
export const STAFF_STATUSES = ['dang_cong_tac', 'nghi_huu', 'chuyen_cong_tac', 'nghi_viec'] as const;
export const GENDERS = ['nam', 'nu'] as const;
export type StaffCategory = (typeof STAFF_CATEGORIES)[number];
export type StaffStatus = (typeof STAFF_STATUSES)[number];

export const staff = z.object({
  id: z.string(),
  fullName: z.string(),
  gender: z.enum(GENDERS).nullable(),
  birthDate: z.string().nullable(),
  unitId: z.string().nullable(),
  position: z.string(),
  category: z.enum(STAFF_CATEGORIES).nullable(),
  isLeader: z.boolean(),
  employmentStart: z.string().nullable(),
  employmentEnd: z.string().nullable(),
  status: z.enum(STAFF_STATUSES),
  note: z.string(),
  updatedAt: z.string(),
  /** the office whose data this is (at the province: the office that sent it) */
  officeId: z.string(),
});
export type Staff = z.infer<typeof staff>;

export const staffInput = z
  .object({
    fullName: requiredText('Họ và tên', 100),
    gender: z.enum(GENDERS, { error: 'Giới tính: chọn Nam hoặc Nữ.' }).nullable().optional().default(null),
    birthDate: optionalDate('Ngày sinh'),
    unitId: z.string().nullable().optional().default(null),
    position: optionalText('Chức vụ', 200),
    category: z
      .enum(STAFF_CATEGORIES, { error: 'Đối tượng: chọn Cán bộ, Công chức, Viên chức hoặc Người lao động.' })
      .nullable()
      .optional()
      .default(null),
    isLeader: z.boolean().optional().default(false),
    employmentStart: optionalDate('Ngày bắt đầu công tác'),
    employmentEnd: optionalDate('Ngày kết thúc công tác'),
    status: z.enum(STAFF_STATUSES, { error: 'Trạng thái: chọn một trạng thái trong danh sách.' }).optional().default('dang_cong_tac'),
    note: optionalText('Ghi chú', 2000),
  })
  .refine((s) => !s.employmentStart || !s.employmentEnd || s.employmentEnd >= s.employmentStart, {
    message: 'Ngày kết thúc công tác phải sau ngày bắt đầu.',
    path: ['employmentEnd'],
  });
export type StaffInput = z.input<typeof staffInput>;

export const staffFilter = z.object({
  search: z.string().max(200).optional().default(''),
  unitId: z.string().nullable().optional().default(null),
  includeSubunits: z.boolean().optional().default(true),
  status: z.union([z.enum(STAFF_STATUSES), z.literal('all')]).optional().default('dang_cong_tac'),
  /** only this office's staff (the province holds several offices'); null: all */
  officeId: z.string().max(64).nullable().optional().default(null),
});
export type StaffFilter = z.input<typeof staffFilter>;
export type StaffFilterParsed = z.output<typeof staffFilter>;

/** Which spreadsheet column (0-based) feeds each staff field; null = not mapped. */
export const STAFF_IMPORT_FIELDS = [
  'fullName',
  'gender',
  'birthDate',
  'unit',
  'position',
  'category',
  'isLeader',
  'employmentStart',
  'employmentEnd',
  'status',
  'note',
] as const;
export type StaffImportField = (typeof STAFF_IMPORT_FIELDS)[number];
export const staffImportMapping = z.partialRecord(z.enum(STAFF_IMPORT_FIELDS), z.number().int().min(0).max(200).nullable());

export const importRowError = z.object({
  row: z.number(),
  column: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowError>;

export const staffImportInput = z.object({
  fileName: optionalText('Tên tệp', 300),
  fileBase64: base64('Tệp Excel'),
  mapping: staffImportMapping.optional(),
  jobId: z.string().max(64).optional(),
  /** create the units the list names and the office lacks, with the people (one transaction) */
  createMissingUnits: z.boolean().optional().default(false),
});

export const staffImportPreview = z.object({
  /** the units the import will create (createMissingUnits), as paths, parents first */
  newUnits: z.array(z.string()),
  sheetName: z.string(),
  headerRow: z.number(),
  headers: z.array(z.string()),
  mapping: staffImportMapping,
  totalRows: z.number(),
  validRows: z.number(),
  errors: z.array(importRowError),
  sample: z.array(
    z.object({
      row: z.number(),
      fullName: z.string(),
      gender: z.string().nullable(),
      birthDate: z.string().nullable(),
      unitName: z.string().nullable(),
      position: z.string(),
      category: z.string().nullable(),
    }),
  ),
});
export type StaffImportPreview = z.infer<typeof staffImportPreview>;

/** What a person's records hold: which of two records of one person to keep. */
export const staffRecordCounts = z.object({
  years: z.number().int(),
  awards: z.number().int(),
  initiatives: z.number().int(),
  disciplines: z.number().int(),
  registrations: z.number().int(),
  nominations: z.number().int(),
  tasks: z.number().int(),
});
export type StaffRecordCounts = z.infer<typeof staffRecordCounts>;

/** Records of this office that look like one person entered twice: the same name and birth date (no birth date: the same unit too). */
export const staffDuplicateGroup = z.object({
  /** stable for the same records ("id|id"): what "Không phải trùng" remembers */
  key: z.string(),
  people: z.array(
    staff.extend({
      /** the unit as the screens name it (with its parent where names are shared) */
      unitLabel: z.string(),
      counts: staffRecordCounts,
      /** the years rated, first and last (null: none) */
      firstYear: z.number().int().nullable(),
      lastYear: z.number().int().nullable(),
    }),
  ),
});
export type StaffDuplicateGroup = z.infer<typeof staffDuplicateGroup>;

export const staffMergeInput = z
  .object({
    keepId: id(),
    mergeIds: z.array(id()).min(1, { error: 'Chọn ít nhất một bản ghi để gộp vào.' }).max(20, { error: 'Gộp nhiều nhất 20 bản ghi một lần.' }),
  })
  .refine((m) => !m.mergeIds.includes(m.keepId), { message: 'Bản ghi giữ lại không thể đồng thời là bản ghi được gộp.', path: ['mergeIds'] });

export const staffMergeResult = z.object({
  kept: staff,
  merged: z.number().int(),
  /** records moved to the kept person */
  moved: staffRecordCounts,
  /** records the kept person already had the same of (a year rated alike, the same award …): removed */
  dropped: z.number().int(),
  /** the kept record's empty fields filled from the others ('Ngày sinh' …) */
  filled: z.array(z.string()),
});
export type StaffMergeResult = z.infer<typeof staffMergeResult>;

/** The most people one bulk change takes (a whole province's staff). */
export const STAFF_BULK_MAX = 50_000;

/** People chosen on the staff list: each once, at least one. */
const chosenIds = z
  .array(id())
  .min(1, { error: 'Chưa chọn người nào: đánh dấu ở cột đầu của danh sách rồi làm lại.' })
  .max(STAFF_BULK_MAX, { error: `Chọn nhiều nhất ${STAFF_BULK_MAX.toLocaleString('vi-VN')} người một lần.` })
  .refine((ids) => new Set(ids).size === ids.length, { message: 'Một người được chọn hai lần: hãy chọn lại.' });

export const staffBulkMoveInput = z.object({
  ids: chosenIds,
  // the unit they go to
  unitId: id(),
});
export const staffBulkMoveResult = z.object({
  /** people whose unit changed (those already in it are left) */
  moved: z.number().int(),
  /** this year's records (rating, facts) that followed them */
  years: z.number().int(),
  unit: z.object({ id: z.string(), name: z.string() }),
});
export type StaffBulkMoveResult = z.infer<typeof staffBulkMoveResult>;

export const staffBulkStatusInput = z.object({
  ids: chosenIds,
  status: z.enum(STAFF_STATUSES, { error: 'Trạng thái: chọn một trạng thái trong danh sách.' }),
  /** when they stopped (retired, transferred, left); null: the end dates they have are kept */
  employmentEnd: optionalDate('Ngày kết thúc công tác'),
});

/** Who was deleted: the same list puts them back (trash.restoreMany). */
export const staffBulkDeleteResult = z.object({ deleted: z.number().int(), ids: z.array(z.string()) });

/** One person as the pickers hold them (staff.choices). */
export type StaffChoiceTuple = [id: string, fullName: string, unitId: string | null, birthDate: string | null, status: StaffStatus];

export const staffProcedures = {
  /** with `limit`: one window of the ordered result (the virtualised list fetches what it shows); `total` counts all matches */
  'staff.list': {
    input: staffFilter
      .extend({
        offset: z.number().int().min(0).optional().default(0),
        limit: z.number().int().min(1).max(100_000).optional(),
      })
      .optional(),
    output: z.object({ rows: z.array(staff), total: z.number(), offset: z.number() }),
  },
  /**
   * Everyone (all statuses) as the person pickers show them, in Vietnamese person order, as
   * tuples [id, fullName, unitId, birthDate, status] (≈2 MB for 30,000 people, not the 10 MB
   * of staff.list). `known`: the version the renderer holds; `rows` is null when it is current.
   */
  'staff.choices': {
    input: z.object({ known: z.string().max(100).nullable().optional().default(null) }).optional(),
    output: z.object({
      version: z.string(),
      rows: z.array(z.tuple([z.string(), z.string(), z.string().nullable(), z.string().nullable(), z.enum(STAFF_STATUSES)])).nullable(),
    }),
  },
  'staff.get': { input: z.object({ id: id() }), output: staff },
  'staff.create': { input: staffInput, output: staff },
  'staff.update': { input: z.object({ id: id(), data: staffInput }), output: staff },
  'staff.delete': { input: z.object({ id: id() }), output: z.object({ deleted: z.boolean() }) },
  /** the ids a filter matches, in the list's order ("Chọn tất cả N người") */
  'staff.ids': { input: staffFilter.optional(), output: z.object({ ids: z.array(z.string()) }) },
  /** the chosen people to one unit, this year's records following them — all or nothing */
  'staff.bulkMove': { input: staffBulkMoveInput, output: staffBulkMoveResult },
  /** the chosen people's status (and end date) — all or nothing */
  'staff.bulkStatus': { input: staffBulkStatusInput, output: z.object({ changed: z.number().int() }) },
  /** the chosen people to the Thùng rác */
  'staff.bulkDelete': { input: z.object({ ids: chosenIds }), output: staffBulkDeleteResult },
  /** groups of records that look like one person entered twice (not those marked "Không phải trùng") */
  'staff.duplicates': { input: z.object({}).optional(), output: z.object({ groups: z.array(staffDuplicateGroup), ignored: z.number().int() }) },
  /** "Không phải trùng": the group is not listed again while its records stay the same ones */
  'staff.ignoreDuplicates': { input: z.object({ key: z.string().min(3).max(2000) }), output: z.object({ ignored: z.number().int() }) },
  /** "Hiện lại": the groups marked "Không phải trùng" are listed again */
  'staff.unignoreDuplicates': { input: z.object({}).optional(), output: z.object({ ignored: z.number().int() }) },
  /** the other records' years, awards, initiatives … moved to the kept one, which fills its empty fields from them; the others deleted — in one transaction */
  'staff.merge': { input: staffMergeInput, output: staffMergeResult },
  'staff.importPreview': { input: staffImportInput, output: staffImportPreview },
  'staff.importApply': { input: staffImportInput, output: z.object({ imported: z.number(), unitsCreated: z.number() }) },
  /** the filter's people as a workbook; `ids`: only those of them ticked on the list */
  'staff.export': { input: staffFilter.extend({ ids: z.array(id()).max(STAFF_BULK_MAX).optional() }).optional(), output: fileOut },
  /** a blank list to fill for staff.importPreview: its headers, dropdowns (the office's units among them) and instructions */
  'staff.importTemplate': { input: z.object({}).optional(), output: fileOut },
} as const;
