// Quick search ("Tìm nhanh", Ctrl+K): one query across people, units, campaigns, plans, this
// year's tasks, award decisions and dossiers, each found by the rule its own list uses, the
// first few of each kind with how many there are in all.
import { z } from 'zod';

export const SEARCH_KINDS = ['staff', 'unit', 'campaign', 'plan', 'task', 'decision', 'dossier'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const searchHit = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z.string(),
  title: z.string(),
  /** what tells it apart: a person's unit and position, a plan's number, a task's deadline … */
  detail: z.string(),
  /** where it opens: a task's year and quarter, a decision's year, a person's unit */
  year: z.number().nullable(),
  quarter: z.number().nullable(),
  unitId: z.string().nullable(),
  /** a dossier received from another office (opened on the received tab) */
  received: z.boolean(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const searchGroup = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** how many match in all (the hits are the first few, in their list's order) */
  total: z.number(),
  hits: z.array(searchHit),
});
export type SearchGroup = z.infer<typeof searchGroup>;

export const searchProcedures = {
  'search.all': {
    input: z.object({
      query: z.string().max(200, { error: 'Từ khóa tìm kiếm quá dài (tối đa 200 ký tự).' }),
      /** hits per kind */
      limit: z.number().int().min(1).max(50).optional().default(5),
    }),
    output: z.object({ query: z.string(), groups: z.array(searchGroup), today: z.string() }),
  },
} as const;
