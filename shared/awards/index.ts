// Public API of the award catalogue and eligibility checker (pure; runs in Node and the browser).
export * from './types';
export { closingYear, closingYearOf } from './years';
export {
  AUTHORITY_LABELS,
  AWARD_CATALOG,
  CATALOG_ENTRIES,
  LEVEL_LABELS,
  UNVERIFIED_LABEL,
  authoritiesOn,
  cashMultipleOn,
  catalogEntry,
  decidingLevel,
  documentAwardName,
  isAwardCode,
  recordedFormName,
  verificationLabel,
  type AuthorityGrant,
  type Authority,
  type AwardKind,
  type AwardLevel,
  type AwardSubject,
  type CashRule,
  type CatalogEntry,
  type DecidingLevel,
} from './catalog';
export {
  DEFAULT_PROVINCIAL_SETTINGS,
  GENERAL_RULE_IDS,
  RULE_IDS,
  RULE_SETS,
  RULE_SET_IDS,
  getRuleSet,
  isBeforeCoverage,
  resolveSettings,
  ruleSetFor,
  type AwardRules,
  type ProvincialSettings,
  type RuleId,
  type RuleSet,
  type RuleSetId,
  type RuleSetOptions,
  type RuleSpec,
} from './rulesets';
export { RULES, type RuleImpl, type RuleOutcome } from './predicates';
export { hasYearResult, type CandidateResult, type ExplanationItem, type Verdict } from './context';
export { drain, runInSlices, timed, type Steps } from './steps';
export {
  checkEligibility,
  checkEligibilitySteps,
  type EligibilityInput,
  type EligibilityReport,
  type ReportWarning,
  type RuleSetSummary,
  type SubjectEligibility,
  type VerdictCounts,
  type WarningCode,
} from './eligibility';
export {
  AWARD_BASIS_LABELS,
  DISCIPLINE_LABELS,
  INITIATIVE_KIND_LABELS,
  INITIATIVE_SCOPE_LABELS,
  listText,
  womenPriorityNote,
} from './format';
export * from './schemas';
export { NO_UNIT_NAME, STATS_LEVELS, formsByLevel, statsByOffice, statsFormName, statsLevelOf, type CountedForm, type LevelGroup, type StatsCountRow, type StatsLevel } from './stats';
