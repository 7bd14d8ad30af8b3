// The plan (kế hoạch) model: the whole anatomy of a plan as structured data.
//
// A plan is edited in the app, imported from .docx/.txt (electron/services/plans/import),
// created from templates (./templates) and rendered through planToDocument (./to-document)
// into the OfficialDocument model that the DOCX/HTML renderers print.
//
// Design rules
// - Section numbering is NOT stored: each section stores only its label *style*
//   (roman "I.", arabic "1.", letter "a)" …); the label text is generated from the node's
//   position among its siblings of the same style (./numbering). Moving a section renumbers it.
// - Every node that can be edited, moved or flagged has a stable `id`. Ids are made by an
//   IdGenerator passed in by the caller. `crypto.randomUUID` is not available to shared code on
//   every target, so the default generator (createIdGenerator) is counter based with a random
//   per-generator prefix: ids are unique within a plan (which is all the editor needs) and
//   unique across plans with high probability. Tests pass a fixed prefix for determinism.
// - `flag: 'review'` marks content the importer did not recognise (kept as a plain paragraph
//   in place, never dropped) or content the user should check (e.g. references to superior
//   documents after the years of a plan were shifted).
// - All strings are NFC.
import { z } from 'zod';
import type { PartialDate } from '../text/vn';
import type { Run } from '../documents/model';

// ---------------------------------------------------------------------------------------------
// Ids

export type IdGenerator = () => string;

/**
 * Counter-based id generator: `${prefix}-${n}` with n in base 36. Without a prefix a random
 * 6-character prefix is drawn (Math.random, available on every target).
 */
export function createIdGenerator(prefix?: string): IdGenerator {
  const p = prefix ?? Math.random().toString(36).slice(2, 8).padEnd(6, '0');
  let n = 0;
  return () => `${p}-${(++n).toString(36)}`;
}

// ---------------------------------------------------------------------------------------------
// Building blocks

export const REVIEW_FLAG = 'review' as const;
export const reviewFlagSchema = z.literal('review');
export type ReviewFlag = z.infer<typeof reviewFlagSchema>;

export const runSchema = z.object({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  underline: z.boolean().optional(),
});
// Same shape as the document model's Run so runs pass through unchanged.
export type PlanRun = Run;

/**
 * How a section's label is drawn. The label text itself is generated (./numbering):
 * roman "I.", arabic "1.", arabic-paren "1)", arabic-nested "1.1." (parent's number + own),
 * letter-paren "a)", letter-dot "a.", dash "-", plus "+", none (no label).
 */
export const LABEL_STYLES = [
  'roman',
  'arabic',
  'arabic-paren',
  'arabic-nested',
  'letter-paren',
  'letter-dot',
  'dash',
  'plus',
  'none',
] as const;
export const labelStyleSchema = z.enum(LABEL_STYLES);
export type LabelStyle = z.infer<typeof labelStyleSchema>;

/** A reference to another (usually superior) document cited in the plan. */
export const docReferenceSchema = z.object({
  /** the number as cited, e.g. "05/KH-UBND", "91/2017/NĐ-CP" */
  number: z.string(),
  /** type code taken from the number ("KH", "NĐ", "TT", "QĐ", "CT" …), null if none */
  typeCode: z.string().nullable(),
  /** kind of document in words ("Kế hoạch", "Nghị định" …), null if unknown */
  kind: z.string().nullable(),
  /** issue date, ISO yyyy-mm-dd, null if not cited */
  date: z.string().nullable(),
  /** issuing body as cited ("UBND tỉnh Lào Cai"), null if not cited */
  issuer: z.string().nullable(),
  /** the cited text span */
  raw: z.string(),
});
export type DocReference = z.infer<typeof docReferenceSchema>;

export const planParagraphSchema = z.object({
  kind: z.literal('paragraph'),
  id: z.string(),
  runs: z.array(runSchema),
  /** references found in the text (set by the importer and by templates) */
  refs: z.array(docReferenceSchema).optional(),
  flag: reviewFlagSchema.optional(),
});
export type PlanParagraph = z.infer<typeof planParagraphSchema>;

export const genericTableRowSchema = z.object({
  cells: z.array(z.string()),
  /** a group row (drawn bold) */
  group: z.boolean().optional(),
});
export type GenericTableRow = z.infer<typeof genericTableRowSchema>;

/** Any table that is not a quarterly task table. */
export const genericTableSchema = z.object({
  kind: z.literal('table'),
  id: z.string(),
  /** column headers; null when the table has no header row */
  header: z.array(z.string()).nullable(),
  rows: z.array(genericTableRowSchema),
  flag: reviewFlagSchema.optional(),
});
export type GenericTable = z.infer<typeof genericTableSchema>;

export const planBlockSchema = z.discriminatedUnion('kind', [planParagraphSchema, genericTableSchema]);
export type PlanBlock = z.infer<typeof planBlockSchema>;

// ---------------------------------------------------------------------------------------------
// Section tree

export interface PlanSection {
  id: string;
  style: LabelStyle;
  /** the text after the label ("MỤC ĐÍCH, YÊU CẦU"); may be empty (style 'none' blocks) */
  heading: PlanRun[];
  /** paragraphs and tables under the heading, before the children */
  body: PlanBlock[];
  children: PlanSection[];
  flag?: ReviewFlag;
}

export const planSectionSchema: z.ZodType<PlanSection> = z.lazy(() =>
  z.object({
    id: z.string(),
    style: labelStyleSchema,
    heading: z.array(runSchema),
    body: z.array(planBlockSchema),
    children: z.array(planSectionSchema),
    flag: reviewFlagSchema.optional(),
  }),
);

// ---------------------------------------------------------------------------------------------
// Quarterly task table (the appendix the quarterly tracker follows)

export const quarterTaskSchema = z.object({
  id: z.string(),
  /** "Nội dung công việc" */
  title: z.string(),
  /** đơn vị chủ trì */
  lead: z.array(z.string()),
  /** đơn vị phối hợp */
  coordinating: z.array(z.string()),
  /** "Thời gian" / deadline column when the source had one */
  timing: z.string().optional(),
  /** "Ghi chú" */
  note: z.string().optional(),
  flag: reviewFlagSchema.optional(),
});
export type QuarterTask = z.infer<typeof quarterTaskSchema>;

export const quarterGroupSchema = z.object({
  id: z.string(),
  /** 1–4; null for a group that is not a quarter ("Nhiệm vụ thường xuyên") */
  quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]).nullable(),
  /** group row text; null = generated "Công việc thực hiện trong Quý I" */
  label: z.string().nullable(),
  tasks: z.array(quarterTaskSchema),
});
export type QuarterGroup = z.infer<typeof quarterGroupSchema>;

export const quarterlyTaskTableSchema = z.object({
  kind: z.literal('quarterly'),
  id: z.string(),
  groups: z.array(quarterGroupSchema),
  flag: reviewFlagSchema.optional(),
});
export type QuarterlyTaskTable = z.infer<typeof quarterlyTaskTableSchema>;

export const appendixBlockSchema = z.discriminatedUnion('kind', [
  planParagraphSchema,
  genericTableSchema,
  quarterlyTaskTableSchema,
]);
export type AppendixBlock = z.infer<typeof appendixBlockSchema>;

export const planAppendixSchema = z.object({
  id: z.string(),
  /** "PHỤ LỤC", "PHỤ LỤC I" */
  heading: z.string(),
  /** lines under the heading ("Kèm theo Kế hoạch số …", a title line) */
  subtitle: z.array(z.string()),
  blocks: z.array(appendixBlockSchema),
  /** force a landscape page (to-document also turns wide tables landscape) */
  landscape: z.boolean().optional(),
});
export type PlanAppendix = z.infer<typeof planAppendixSchema>;

// ---------------------------------------------------------------------------------------------
// Header, front matter, footer

/** Number "Số: 05/KH-SLĐTBXH" split in parts; number null = left blank to be filled at signing. */
export const docNumberSchema = z.object({
  number: z.number().int().positive().nullable(),
  /** "KH" for a plan; "" for a document without a type code */
  typeCode: z.string(),
  /** issuing agency's abbreviation, "SLĐTBXH" (may contain '-', e.g. "UBND-VP") */
  agencyAbbr: z.string(),
});
export type DocNumber = z.infer<typeof docNumberSchema>;

export const partialDateSchema: z.ZodType<PartialDate> = z.object({
  day: z.number().int().min(1).max(31).nullable().optional(),
  month: z.number().int().min(1).max(12).nullable().optional(),
  year: z.number().int().min(1900).max(2200),
});

export const planHeaderSchema = z.object({
  /** cơ quan chủ quản ("UBND TỈNH LÀO CAI"); "" when none */
  parentAgency: z.string(),
  /** issuing agency ("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"); "" when unknown */
  agency: z.string(),
  /** null: the document has no "Số:" line at all */
  docNumber: docNumberSchema.nullable(),
  /** place of the date line ("Lào Cai") */
  place: z.string(),
  /** null: no date line; day/month may be null (blank, filled at signing) */
  date: partialDateSchema.nullable(),
});
export type PlanHeader = z.infer<typeof planHeaderSchema>;

export const basisSchema = z.object({
  id: z.string(),
  /** the "Căn cứ …;" line as written, punctuation included */
  text: z.string(),
  refs: z.array(docReferenceSchema),
  flag: reviewFlagSchema.optional(),
});
export type PlanBasis = z.infer<typeof basisSchema>;

export const SIGN_PREFIXES = ['', 'TM.', 'KT.', 'Q.', 'TL.', 'TUQ.'] as const;
export const signPrefixSchema = z.enum(SIGN_PREFIXES);
export type SignPrefix = z.infer<typeof signPrefixSchema>;

export const planSignerSchema = z.object({
  /** TM./KT./Q./TL./TUQ. or "" */
  prefix: signPrefixSchema,
  /**
   * the authority after the prefix ("GIÁM ĐỐC" in "KT. GIÁM ĐỐC", "ỦY BAN NHÂN DÂN" in "TM. …");
   * "" without a prefix. A rare chained block ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH") keeps the
   * inner lines joined with "\n".
   */
  authorityTitle: z.string(),
  /** the signer's own position ("PHÓ GIÁM ĐỐC", "GIÁM ĐỐC") */
  position: z.string(),
  /** "" when the name is left blank */
  name: z.string(),
});
export type PlanSigner = z.infer<typeof planSignerSchema>;

// ---------------------------------------------------------------------------------------------
// The plan

export const PLAN_SCHEMA_VERSION = 1 as const;

export const planSchema = z.object({
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  id: z.string(),
  header: planHeaderSchema,
  /** "KẾ HOẠCH" */
  docType: z.string(),
  /** trích yếu, one or several lines */
  title: z.array(z.string()),
  /** "Căn cứ …" lines */
  bases: z.array(basisSchema),
  /** "Thực hiện …" and other paragraphs before the first section */
  preamble: z.array(planParagraphSchema),
  sections: z.array(planSectionSchema),
  /** "Trên đây là …" and anything after the last section before the signature */
  closing: z.array(planParagraphSchema),
  /** Nơi nhận lines without the leading "- " (the last one "Lưu: VT, …") */
  recipients: z.array(z.string()),
  signer: planSignerSchema.nullable(),
  appendices: z.array(planAppendixSchema),
});
export type Plan = z.infer<typeof planSchema>;

export const DEFAULT_DOC_TYPE = 'KẾ HOẠCH';
export const PLAN_TYPE_CODE = 'KH';

// ---------------------------------------------------------------------------------------------
// Import result (shared so the UI can type the IPC answer)

export type PlanImportErrorCode =
  | 'EMPTY_FILE'
  | 'NOT_DOCX'
  | 'LEGACY_DOC'
  | 'CORRUPT_ZIP'
  | 'CORRUPT_XML'
  | 'NO_BODY'
  | 'EMPTY_DOCUMENT'
  | 'NOT_A_PLAN';

export type PlanImportResult =
  | { ok: true; plan: Plan; warnings: string[] }
  | { ok: false; error: { code: PlanImportErrorCode; message: string } };

// ---------------------------------------------------------------------------------------------
// Small helpers used across shared/plans

export function paragraph(newId: IdGenerator, runs: PlanRun[] | string, flag?: ReviewFlag): PlanParagraph {
  const p: PlanParagraph = { kind: 'paragraph', id: newId(), runs: typeof runs === 'string' ? [{ text: runs }] : runs };
  if (flag) p.flag = flag;
  return p;
}

export function section(
  newId: IdGenerator,
  style: LabelStyle,
  heading: PlanRun[] | string,
  body: PlanBlock[] = [],
  children: PlanSection[] = [],
): PlanSection {
  return {
    id: newId(),
    style,
    heading: typeof heading === 'string' ? (heading ? [{ text: heading }] : []) : heading,
    body,
    children,
  };
}

/** Plain text of runs. */
export function runsPlain(runs: readonly PlanRun[]): string {
  return runs.map((r) => r.text).join('');
}

/** Depth-first walk over a section tree (parents before children). */
export function walkSections(
  sections: readonly PlanSection[],
  visit: (node: PlanSection, depth: number, parent: PlanSection | null) => void,
  depth = 1,
  parent: PlanSection | null = null,
): void {
  for (const s of sections) {
    visit(s, depth, parent);
    walkSections(s.children, visit, depth + 1, s);
  }
}

/** All references cited in the bases and preamble of a plan (deduplicated by number). */
export function planReferences(plan: Plan): DocReference[] {
  const out: DocReference[] = [];
  const seen = new Set<string>();
  const add = (refs: readonly DocReference[] | undefined) => {
    for (const r of refs ?? []) {
      if (seen.has(r.number)) continue;
      seen.add(r.number);
      out.push(r);
    }
  };
  for (const b of plan.bases) add(b.refs);
  for (const p of plan.preamble) add(p.refs);
  return out;
}

/** All quarterly tasks of a plan's appendices, with their quarter. */
export function planQuarterTasks(plan: Plan): { quarter: 1 | 2 | 3 | 4 | null; task: QuarterTask }[] {
  const out: { quarter: 1 | 2 | 3 | 4 | null; task: QuarterTask }[] = [];
  for (const a of plan.appendices)
    for (const b of a.blocks)
      if (b.kind === 'quarterly') for (const g of b.groups) for (const t of g.tasks) out.push({ quarter: g.quarter, task: t });
  return out;
}
