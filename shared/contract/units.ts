import { z } from 'zod';
import { id, longText, optionalText, requiredText } from './fields';

export const UNIT_KINDS = ['phong_chuyen_mon', 'don_vi_truc_thuoc', 'cap_duoi', 'khac'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const unit = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  code: z.string().nullable(),
  kind: z.enum(UNIT_KINDS),
  active: z.boolean(),
  sortOrder: z.number(),
  note: z.string(),
  staffCount: z.number(),
  updatedAt: z.string(),
  /** the office whose data this is (at the province: the office that sent it) */
  officeId: z.string(),
});
export type Unit = z.infer<typeof unit>;

/** The longest unit name (the form, the import and a list of units typed as lines). */
export const UNIT_NAME_MAX = 200;

export const unitInput = z.object({
  name: requiredText('Tên đơn vị', UNIT_NAME_MAX),
  parentId: z.string().nullable().optional().default(null),
  code: optionalText('Mã đơn vị', 30).transform((v) => (v === '' ? null : v)),
  kind: z.enum(UNIT_KINDS, { error: 'Loại đơn vị: hãy chọn một loại trong danh sách.' }).default('phong_chuyen_mon'),
  sortOrder: z.number().int().optional().default(0),
  note: optionalText('Ghi chú', 1000),
});
export type UnitInput = z.input<typeof unitInput>;

/** "Thêm nhiều đơn vị": a tree as lines (shared/units/outline.ts), created under one unit (or at the top) in one go. */
export const unitOutlineInput = z.object({
  text: longText('Danh sách đơn vị', 100_000),
  parentId: z.string().nullable().optional().default(null),
  kind: z.enum(UNIT_KINDS, { error: 'Loại đơn vị: hãy chọn một loại trong danh sách.' }).default('phong_chuyen_mon'),
});

export const unitsProcedures = {
  'units.list': { input: z.object({ includeInactive: z.boolean().optional().default(true) }).optional(), output: z.array(unit) },
  'units.create': { input: unitInput, output: unit },
  'units.createMany': { input: unitOutlineInput, output: z.object({ created: z.number() }) },
  'units.update': { input: unitInput.extend({ id: id() }), output: unit },
  'units.move': { input: z.object({ id: id(), parentId: z.string().nullable() }), output: unit },
  /** sáp nhập: the people at work and the sub-units go to `targetId`, the unit stops */
  'units.merge': {
    input: z.object({ id: id(), targetId: id() }),
    output: z.object({ staffMoved: z.number(), unitsMoved: z.number(), tasksMoved: z.number(), target: unit }),
  },
  'units.setActive': {
    input: z.object({ id: id(), active: z.boolean() }),
    output: z.object({ changed: z.number() }),
  },
} as const;
