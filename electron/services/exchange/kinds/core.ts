// Entity kinds for what exists today: office profiles, units, staff.
import { z } from 'zod';
import { GENDERS, STAFF_CATEGORIES, STAFF_STATUSES } from '../../../../shared/contract/staff';
import { UNIT_KINDS } from '../../../../shared/contract/units';
import { CATEGORY_LABELS, GENDER_LABELS, STATUS_LABELS } from '../../../../shared/staff/labels';
import { foldVi, formatDateVi } from '../../../../shared/text/vn';
import { RECORD_COLUMNS, flag, isoDate, nullableText, ref, text, type EntityKind, type Row } from '../entity';

const str = (v: unknown) => (v == null ? '' : String(v));
const date = (v: unknown) => (typeof v === 'string' ? formatDateVi(v) : '');
const label = (labels: Record<string, string>) => (v: unknown) => (typeof v === 'string' ? (labels[v] ?? v) : '');

/**
 * Office profiles. Each installation has its own row (setting.self_office_id); the
 * province keeps the profiles of the offices it receives from as further rows.
 */
export const officeKind: EntityKind = {
  name: 'office',
  table: 'office',
  label: 'Thông tin cơ quan',
  order: 10,
  columns: ['name', 'parent_agency', 'level_code', 'place_name', 'abbreviation', 'head_title', 'head_name', 'superior_name', 'superior_id'],
  schema: z.object({
    name: text(300, true),
    parent_agency: text(300),
    level_code: z.string().regex(/^[a-z0-9_]{2,30}$/, { error: 'mã cấp cơ quan không hợp lệ' }),
    place_name: text(100),
    abbreviation: text(30),
    head_title: text(100),
    head_name: text(100),
    superior_name: text(300),
    superior_id: ref,
    // extra: the level's name, so a receiving office can add a level it does not know
    level_name: text(100, true),
  }),
  // only the sender's own profile travels (the province sends its own back too)
  select(sqlite, scope) {
    const cols = [...RECORD_COLUMNS, ...this.columns].map((c) => `"${c}"`).join(', ');
    if (scope.kind === 'full') return sqlite.prepare(`SELECT ${cols} FROM office ORDER BY id`).all() as Row[];
    return sqlite.prepare(`SELECT ${cols} FROM office WHERE id = ?`).all(scope.selfOfficeId) as Row[];
  },
  exportExtras(sqlite, row) {
    const level = sqlite.prepare('SELECT name FROM office_level WHERE code = ?').get(row.level_code) as { name: string } | undefined;
    return { level_name: level?.name ?? String(row.level_code) };
  },
  beforeWrite(sqlite, records) {
    const add = sqlite.prepare(
      'INSERT OR IGNORE INTO office_level (code, name, sort_order) VALUES (?, ?, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM office_level))',
    );
    for (const r of records) add.run(r.level_code, r.level_name);
  },
  // this installation's own profile is edited here only
  ignoreIncoming: (record, selfOfficeId) => record.id === selfOfficeId,
  describe: (r) => str(r.name),
  keyFields: [
    { column: 'name', label: 'Tên cơ quan' },
    { column: 'abbreviation', label: 'Viết tắt' },
    { column: 'place_name', label: 'Địa danh' },
    { column: 'head_name', label: 'Thủ trưởng' },
  ],
};

export const unitKind: EntityKind = {
  name: 'unit',
  table: 'unit',
  label: 'Đơn vị',
  order: 20,
  columns: ['parent_id', 'name', 'code', 'kind', 'active', 'sort_order', 'note'],
  schema: z.object({
    parent_id: ref,
    name: text(200, true),
    code: nullableText(30),
    kind: z.enum(UNIT_KINDS),
    active: flag,
    sort_order: z.number().int().min(-1_000_000).max(1_000_000),
    note: text(1000),
  }),
  derived: { name_key: (r) => foldVi(str(r.name)) },
  references: { parent_id: 'unit' },
  parentColumn: 'parent_id',
  describe: (r) => str(r.name),
  keyFields: [
    { column: 'name', label: 'Tên đơn vị' },
    { column: 'code', label: 'Mã đơn vị' },
    { column: 'parent_id', label: 'Đơn vị cấp trên', ref: 'unit' },
    { column: 'active', label: 'Đang hoạt động', format: (v) => (v === 1 ? 'Có' : 'Không') },
  ],
};

export const staffKind: EntityKind = {
  name: 'staff',
  table: 'staff',
  label: 'Cán bộ',
  order: 30,
  columns: [
    'full_name',
    'gender',
    'birth_date',
    'unit_id',
    'position',
    'category',
    'is_leader',
    'employment_start',
    'employment_end',
    'status',
    'note',
  ],
  schema: z.object({
    full_name: text(100, true),
    gender: z.enum(GENDERS).nullable(),
    birth_date: isoDate.nullable(),
    unit_id: ref,
    position: text(200),
    category: z.enum(STAFF_CATEGORIES).nullable(),
    is_leader: flag,
    employment_start: isoDate.nullable(),
    employment_end: isoDate.nullable(),
    status: z.enum(STAFF_STATUSES),
    note: text(2000),
  }),
  derived: { name_key: (r) => foldVi(str(r.full_name)) },
  references: { unit_id: 'unit' },
  describe: (r) => [str(r.full_name), date(r.birth_date)].filter(Boolean).join(', '),
  keyFields: [
    { column: 'full_name', label: 'Họ và tên' },
    { column: 'birth_date', label: 'Ngày sinh', format: date },
    { column: 'gender', label: 'Giới tính', format: label(GENDER_LABELS) },
    { column: 'unit_id', label: 'Đơn vị', ref: 'unit' },
    { column: 'position', label: 'Chức vụ' },
    { column: 'category', label: 'Đối tượng', format: label(CATEGORY_LABELS) },
    { column: 'status', label: 'Trạng thái', format: label(STATUS_LABELS) },
  ],
};
