// Quarterly task tracker: tasks (from a plan's appendix, from the TĐKT calendar, or by hand),
// progress notes, evidence attachments, year copy, reports.
import { z } from 'zod';
import { evidenceFile, fileOut, oneEvidenceSource, id, longText, optionalDate, optionalText, requiredText } from './fields';
import { REPORT_PERIODS, TASK_DISPLAY_STATUSES, TASK_STATUSES } from '../tasks/status';

export { REPORT_PERIODS, TASK_DISPLAY_STATUSES, TASK_STATUSES };
export type { ReportPeriod, TaskDisplayStatus, TaskStatus, Quarter } from '../tasks/status';

export const TASK_SOURCES = ['manual', 'plan', 'calendar'] as const;
export type TaskSource = (typeof TASK_SOURCES)[number];

const quarterSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'Quý: chọn Quý I, II, III hoặc IV.',
});
const yearSchema = z
  .number({ error: 'Năm: nhập năm (ví dụ 2026).' })
  .int({ error: 'Năm: nhập năm (ví dụ 2026).' })
  .min(1990, { error: 'Năm: nhập năm từ 1990 đến 2200.' })
  .max(2200, { error: 'Năm: nhập năm từ 1990 đến 2200.' });

/** A unit named on a task: a unit of the list, or text kept as written when no unit matched. */
export const taskUnitRef = z.object({ unitId: z.string().nullable(), name: z.string() });
export type TaskUnitRef = z.infer<typeof taskUnitRef>;

const taskUnitRefInput = z.object({
  unitId: z.string().max(64).nullable().optional().default(null),
  name: optionalText('Tên đơn vị', 300),
});

export const taskNote = z.object({
  id: z.string(),
  taskId: z.string(),
  date: z.string(),
  text: z.string(),
  /** the status the task was moved to with this note, if any */
  statusChange: z.enum(TASK_STATUSES).nullable(),
  createdAt: z.string(),
});
export type TaskNote = z.infer<typeof taskNote>;

export const taskAttachment = z.object({
  id: z.string(),
  taskId: z.string(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number(),
  sha256: z.string(),
  createdAt: z.string(),
});
export type TaskAttachment = z.infer<typeof taskAttachment>;

export const task = z.object({
  id: z.string(),
  year: z.number(),
  quarter: quarterSchema.nullable(),
  /** the due date as set (null: due at the end of its quarter, or of its year) */
  dueDate: z.string().nullable(),
  /** the due date that applies */
  effectiveDue: z.string(),
  /** the quarter it is shown and reported in */
  effectiveQuarter: quarterSchema,
  title: z.string(),
  description: z.string(),
  timing: z.string(),
  lead: z.array(taskUnitRef),
  coordinating: z.array(taskUnitRef),
  responsibleStaffId: z.string().nullable(),
  /** the staff member's name, or the name typed by hand */
  responsibleName: z.string(),
  status: z.enum(TASK_STATUSES),
  /** computed from the due date and today on this computer */
  overdue: z.boolean(),
  displayStatus: z.enum(TASK_DISPLAY_STATUSES),
  completedOn: z.string().nullable(),
  source: z.enum(TASK_SOURCES),
  planId: z.string().nullable(),
  planTaskId: z.string().nullable(),
  calendarKey: z.string().nullable(),
  noteCount: z.number(),
  attachmentCount: z.number(),
  latestNote: z.object({ date: z.string(), text: z.string() }).nullable(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof task>;

export const taskDetail = task.extend({ notes: z.array(taskNote), attachments: z.array(taskAttachment) });
export type TaskDetail = z.infer<typeof taskDetail>;

export const taskInput = z.object({
    year: yearSchema,
    quarter: quarterSchema.nullable().optional().default(null),
    dueDate: optionalDate('Thời hạn'),
    title: requiredText('Nội dung nhiệm vụ', 1000),
    description: longText('Mô tả', 5000),
    timing: optionalText('Thời gian (theo kế hoạch)', 300),
    lead: z.array(taskUnitRefInput).max(50).optional().default([]),
    coordinating: z.array(taskUnitRefInput).max(100).optional().default([]),
    responsibleStaffId: z.string().max(64).nullable().optional().default(null),
    responsibleName: optionalText('Người phụ trách', 200),
    status: z.enum(TASK_STATUSES, { error: 'Trạng thái: chọn Chưa thực hiện, Đang thực hiện hoặc Hoàn thành.' }).optional().default('chua_thuc_hien'),
  });
export type TaskInput = z.input<typeof taskInput>;

export const taskFilter = z.object({
  year: yearSchema,
  /** the quarter tasks are shown in (effective quarter) */
  quarter: quarterSchema.nullable().optional().default(null),
  /** tasks where this unit is lead or coordinator (also matched by name for units kept as text) */
  unitId: z.string().max(64).nullable().optional().default(null),
  unitRole: z.enum(['any', 'lead', 'coordinating']).optional().default('any'),
  status: z.union([z.enum(TASK_DISPLAY_STATUSES), z.literal('all')]).optional().default('all'),
  search: z.string().max(200).optional().default(''),
  planId: z.string().max(64).nullable().optional().default(null),
});
export type TaskFilter = z.input<typeof taskFilter>;

export const planSyncItem = z.object({
  title: z.string(),
  quarter: quarterSchema.nullable(),
  dueDate: z.string().nullable(),
  lead: z.array(z.string()),
  coordinating: z.array(z.string()),
  /** existing task, for updates, skipped and vanished ones */
  taskId: z.string().nullable(),
  /** what changes, in words ("Nội dung", "Đơn vị chủ trì" …) */
  changes: z.array(z.string()),
  status: z.enum(TASK_STATUSES).nullable(),
});
export type PlanSyncItem = z.infer<typeof planSyncItem>;

export const planSyncPreview = z.object({
  planId: z.string(),
  planTitle: z.string(),
  year: z.number(),
  /** the appendix was read from quarterly tables or from a table with task columns */
  source: z.enum(['quarterly', 'table']),
  add: z.array(planSyncItem),
  update: z.array(planSyncItem),
  unchanged: z.number(),
  /** linked tasks already done whose plan text changed: left as they are */
  skippedDone: z.array(planSyncItem),
  /** linked tasks no longer in the plan: removed only when confirmed (removeVanished) */
  vanished: z.array(planSyncItem),
  /** unit names that match no unit of the list (kept as text) */
  unmatchedUnits: z.array(z.string()),
});
export type PlanSyncPreview = z.infer<typeof planSyncPreview>;

export const calendarItem = z.object({
  key: z.string(),
  quarter: quarterSchema,
  title: z.string(),
  /** default due date in the asked year (the office's saved default, else the built-in one) */
  dueDate: z.string(),
  /** a task with this key already exists in that year */
  exists: z.boolean(),
});
export type CalendarItem = z.infer<typeof calendarItem>;

const planSyncInput = z.object({
  planId: id(),
  /** the tasks' year when the plan has none */
  year: yearSchema.nullable().optional().default(null),
});

export const tasksProcedures = {
  'tasks.list': {
    input: taskFilter,
    output: z.object({ rows: z.array(task), total: z.number(), today: z.string() }),
  },
  'tasks.years': {
    input: z.object({}).optional(),
    output: z.object({ years: z.array(z.number()), today: z.string() }),
  },
  'tasks.get': { input: z.object({ id: id() }), output: taskDetail },
  'tasks.create': { input: taskInput, output: task },
  'tasks.update': {
    input: z.object({ id: id(), data: taskInput, expectedUpdatedAt: z.string().optional() }),
    output: task,
  },
  /** move a task (board): optionally with a dated progress note */
  'tasks.setStatus': {
    input: z.object({
      id: id(),
      status: z.enum(TASK_STATUSES, { error: 'Trạng thái: chọn Chưa thực hiện, Đang thực hiện hoặc Hoàn thành.' }),
      note: longText('Ghi chú', 5000),
      date: optionalDate('Ngày'),
    }),
    output: task,
  },
  'tasks.delete': { input: z.object({ id: id() }), output: z.object({ deleted: z.boolean() }) },

  'tasks.addNote': {
    input: z.object({ taskId: id(), date: optionalDate('Ngày ghi nhận'), text: requiredText('Nội dung tiến độ', 5000) }),
    output: taskNote,
  },
  'tasks.deleteNote': { input: z.object({ id: id() }), output: z.object({ deleted: z.boolean() }) },
  'tasks.addAttachment': {
    input: z
      .object({
        taskId: id(),
        fileName: requiredText('Tên tệp', 255),
        ...evidenceFile,
        mimeType: optionalText('Loại tệp', 200),
      })
      .refine(oneEvidenceSource.check, oneEvidenceSource.params),
    output: taskAttachment,
  },
  'tasks.getAttachment': { input: z.object({ id: id() }), output: fileOut },
  'tasks.deleteAttachment': { input: z.object({ id: id() }), output: z.object({ deleted: z.boolean() }) },

  /** what creating/re-syncing the tasks of a plan would do (nothing is written) */
  'tasks.planPreview': { input: planSyncInput, output: planSyncPreview },
  /** create the tasks of a plan, or re-sync them: no duplicates; vanished ones removed only with removeVanished */
  'tasks.fromPlan': {
    input: planSyncInput.extend({ removeVanished: z.boolean().optional().default(false) }),
    output: z.object({
      created: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      skippedDone: z.number(),
      removed: z.number(),
      vanished: z.number(),
      year: z.number(),
    }),
  },

  /** copy a year's tasks to another year (dates shifted, status reset, no notes/attachments) */
  'tasks.copyYear': {
    input: z
      .object({
        fromYear: yearSchema,
        toYear: yearSchema.nullable().optional().default(null),
        /** link the copies to this plan's tasks (the new year's plan) where titles match */
        planId: z.string().max(64).nullable().optional().default(null),
      })
      .refine((x) => x.toYear === null || x.toYear !== x.fromYear, { message: 'Năm đích phải khác năm nguồn.', path: ['toYear'] }),
    output: z.object({ created: z.number(), skipped: z.number(), linked: z.number(), toYear: z.number() }),
  },

  'tasks.calendar': {
    input: z.object({ year: yearSchema }),
    output: z.array(calendarItem),
  },
  /** generate the recurring TĐKT calendar tasks of a year; existing ones are skipped */
  'tasks.generateCalendar': {
    input: z.object({
      year: yearSchema,
      items: z
        .array(z.object({ key: z.string().max(64), dueDate: optionalDate('Thời hạn'), include: z.boolean().optional().default(true) }))
        .max(50)
        .optional(),
      /** remember these due dates (day and month) as the office's defaults */
      saveDefaults: z.boolean().optional().default(true),
    }),
    output: z.object({ created: z.number(), skipped: z.number() }),
  },

  /** home panel: overdue tasks and tasks due within N days */
  'tasks.upcoming': {
    input: z.object({ days: z.number().int().min(0).max(366).optional().default(14) }).optional(),
    output: z.object({ today: z.string(), days: z.number(), overdue: z.array(task), dueSoon: z.array(task) }),
  },

  'tasks.report': {
    input: z.object({
      year: yearSchema,
      period: z.enum(REPORT_PERIODS, { error: 'Kỳ báo cáo: Q1, Q2, Q3, Q4, H1 (6 tháng) hoặc Y (cả năm).' }),
      format: z.enum(['docx', 'xlsx'], { error: 'Định dạng: docx hoặc xlsx.' }),
    }),
    output: fileOut,
  },
} as const;
