import { z } from 'zod';
import { optionalText, requiredText } from './fields';

export const officeLevel = z.object({ code: z.string(), name: z.string(), sortOrder: z.number() });
export type OfficeLevel = z.infer<typeof officeLevel>;

export const office = z.object({
  id: z.string(),
  name: z.string(),
  parentAgency: z.string(),
  levelCode: z.string(),
  placeName: z.string(),
  abbreviation: z.string(),
  headTitle: z.string(),
  headName: z.string(),
  superiorName: z.string(),
  updatedAt: z.string(),
});
export type Office = z.infer<typeof office>;

export const officeInput = z.object({
  name: requiredText('Tên cơ quan ban hành', 200),
  parentAgency: optionalText('Cơ quan chủ quản', 200),
  levelCode: z.string({ error: 'Cấp cơ quan: hãy chọn một cấp trong danh sách.' }).min(1, { error: 'Cấp cơ quan: hãy chọn một cấp trong danh sách.' }),
  placeName: requiredText('Địa danh ghi trên văn bản', 100),
  // typed in lower case ("snv"), it is the same abbreviation: document numbers print it in capitals
  abbreviation: requiredText('Chữ viết tắt tên cơ quan', 30)
    .transform((v) => v.toLocaleUpperCase('vi'))
    .pipe(
      z.string().regex(/^[\p{Lu}\p{N}-]+$/u, {
        error: 'Chữ viết tắt tên cơ quan: chỉ gồm chữ cái, chữ số và dấu gạch nối, không có khoảng trắng (ví dụ SNV, UBND-VP).',
      }),
    ),
  headTitle: optionalText('Chức danh thủ trưởng', 100),
  headName: optionalText('Họ tên thủ trưởng', 100),
  superiorName: optionalText('Cơ quan cấp trên', 200),
});
export type OfficeInput = z.input<typeof officeInput>;

export const officeLevelInput = z.object({
  code: z
    .string()
    .regex(/^[a-z0-9_]{2,30}$/, { error: 'Mã cấp: chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới (2–30 ký tự).' }),
  name: requiredText('Tên cấp', 100),
  sortOrder: z.number().int().min(0).max(1000).default(100),
});

export const officeProcedures = {
  'office.get': { input: z.object({}).optional(), output: office.nullable() },
  'office.save': { input: officeInput, output: office },
  'office.levels': { input: z.object({}).optional(), output: z.array(officeLevel) },
  'office.saveLevel': { input: officeLevelInput, output: z.array(officeLevel) },
} as const;
