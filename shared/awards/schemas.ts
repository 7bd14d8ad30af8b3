// Zod schemas for the checker's input and output, for the API contract. Each schema is
// checked against the hand-written type with `satisfies`, so the two cannot drift.
import { z } from 'zod';
import type { EligibilityInput, EligibilityReport } from './eligibility';
import {
  RULE_SET_IDS,
  type ProvincialSettings,
  type RuleSetOptions,
} from './rulesets';
import {
  AWARD_BASES,
  AWARD_CODES,
  DISCIPLINE_FORMS,
  INITIATIVE_KINDS,
  INITIATIVE_SCOPES,
  RATINGS,
  type AchievedTitle,
  type DisciplinePeriod,
  type Initiative,
  type PersonHistory,
  type PersonYearFacts,
  type UnitHistory,
  type UnitYearFacts,
} from './types';

const yearSchema = z.number().int().min(1900).max(2200);
/** Record keys arrive as strings in JSON. */
const yearKeySchema = z.string().regex(/^\d{4}$/, 'Năm phải có 4 chữ số');
const isoDateSchema = z.iso.date();
const idSchema = z.string().min(1);

export const ratingSchema = z.enum(RATINGS);
export const awardBasisSchema = z.enum(AWARD_BASES);
export const initiativeScopeSchema = z.enum(INITIATIVE_SCOPES);
export const disciplineFormSchema = z.enum(DISCIPLINE_FORMS);
export const awardCodeSchema = z.enum(AWARD_CODES);

export const personYearFactsSchema = z.object({
  rating: ratingSchema.optional(),
  maternityLeave: z.boolean().optional(),
  underReview: z.boolean().optional(),
}) satisfies z.ZodType<PersonYearFacts>;

export const achievedTitleSchema = z.object({
  year: yearSchema,
  // Codes outside the catalogue are accepted and ignored by the checker.
  code: z.string().min(1),
  basis: awardBasisSchema,
  decisionNo: z.string().optional(),
  decisionDate: isoDateSchema.optional(),
}) satisfies z.ZodType<AchievedTitle>;

export const initiativeSchema = z.object({
  year: yearSchema,
  title: z.string().min(1),
  scope: initiativeScopeSchema,
  kind: z.enum(INITIATIVE_KINDS).optional(),
  date: isoDateSchema.optional(),
}) satisfies z.ZodType<Initiative>;

export const disciplinePeriodSchema = z
  .object({
    form: disciplineFormSchema,
    from: isoDateSchema,
    to: isoDateSchema.optional(),
    decisionNo: z.string().optional(),
  })
  .refine((d) => d.to === undefined || d.to >= d.from, {
    message: 'Ngày hết hiệu lực kỷ luật phải sau ngày bắt đầu',
    path: ['to'],
  }) satisfies z.ZodType<DisciplinePeriod>;

export const personHistorySchema = z.object({
  personId: idSchema,
  name: z.string().min(1),
  gender: z.enum(['nam', 'nu']).optional(),
  unitId: idSchema,
  years: z.record(yearKeySchema, personYearFactsSchema),
  titles: z.array(achievedTitleSchema),
  initiatives: z.array(initiativeSchema),
  disciplines: z.array(disciplinePeriodSchema),
}) satisfies z.ZodType<PersonHistory>;

export const unitYearFactsSchema = z.object({
  memberIds: z.array(idSchema).optional(),
  underReview: z.boolean().optional(),
}) satisfies z.ZodType<UnitYearFacts>;

export const unitHistorySchema = z.object({
  unitId: idSchema,
  name: z.string().min(1),
  memberIds: z.array(idSchema),
  years: z.record(yearKeySchema, unitYearFactsSchema),
  titles: z.array(achievedTitleSchema),
}) satisfies z.ZodType<UnitHistory>;

export const provincialSettingsSchema = z.object({
  cstdcsQuotaPercent: z.number().min(0).max(100),
  ldttMinRating: ratingSchema,
  collectiveLdttMinPercent: z.number().min(0).max(100),
  collectiveLdxsMinPercent: z.number().min(0).max(100),
  collectiveDisciplineFrom: disciplineFormSchema,
  maternityWithoutRatingCounts: z.boolean(),
}) satisfies z.ZodType<ProvincialSettings>;

export const ruleSetOptionsSchema = z.object({
  enableDraftAmendment: z.boolean().optional(),
  ruleSetId: z.enum(RULE_SET_IDS).optional(),
}) satisfies z.ZodType<RuleSetOptions>;

export const eligibilityInputSchema = z.object({
  year: yearSchema,
  people: z.array(personHistorySchema),
  units: z.array(unitHistorySchema),
  settings: provincialSettingsSchema.partial().optional(),
  options: ruleSetOptionsSchema.optional(),
}) satisfies z.ZodType<EligibilityInput>;

// ---- output ----

export const verdictSchema = z.enum(['du_dieu_kien', 'chua_du', 'gan_du']);

export const explanationItemSchema = z.object({
  ruleId: z.string(),
  basis: z.string(),
  verified: z.boolean(),
  passed: z.boolean(),
  message: z.string(),
  missing: z.string().optional(),
});

export const candidateResultSchema = z.object({
  code: awardCodeSchema,
  name: z.string(),
  verdict: verdictSchema,
  verified: z.boolean(),
  missingCount: z.number().int().min(0),
  items: z.array(explanationItemSchema),
});

export const subjectEligibilitySchema = z.object({
  kind: z.enum(['individual', 'collective']),
  id: z.string(),
  name: z.string(),
  unitId: z.string().optional(),
  candidates: z.array(candidateResultSchema),
});

const verdictCountsSchema = z.object({
  du_dieu_kien: z.number().int(),
  chua_du: z.number().int(),
  gan_du: z.number().int(),
});

export const eligibilityReportSchema = z.object({
  year: yearSchema,
  ruleSet: z.object({
    id: z.enum(RULE_SET_IDS),
    name: z.string(),
    documents: z.array(z.string()),
    effectiveFrom: isoDateSchema,
    effectiveTo: isoDateSchema.optional(),
    draft: z.boolean(),
    verified: z.boolean(),
  }),
  settings: provincialSettingsSchema,
  people: z.array(subjectEligibilitySchema),
  units: z.array(subjectEligibilitySchema),
  warnings: z.array(
    z.object({
      code: z.enum(['cstdcs_quota', 'draft_rule_set', 'before_coverage', 'duplicate_person']),
      message: z.string(),
      basis: z.string().optional(),
      verified: z.boolean(),
      unitId: z.string().optional(),
      personIds: z.array(z.string()).optional(),
    }),
  ),
  counts: z.partialRecord(awardCodeSchema, verdictCountsSchema),
}) satisfies z.ZodType<EligibilityReport>;
