// Kysely table types. Column names are snake_case as stored; the repositories map them.
import type { Generated } from 'kysely';

/** Columns every mergeable record carries (see ARCHITECTURE.md). */
export interface RecordColumns {
  id: string;
  origin_office_id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** A table's own columns, without the ones every record table has. */
export type OwnColumns<T extends RecordColumns> = Omit<T, keyof RecordColumns>;

export interface SettingTable {
  key: string;
  value: string;
}

export interface OfficeLevelTable {
  code: string;
  name: string;
  sort_order: number;
}

export interface OfficeTable extends RecordColumns {
  name: string;
  parent_agency: string;
  level_code: string;
  place_name: string;
  abbreviation: string;
  head_title: string;
  head_name: string;
  superior_name: string;
  superior_id: string | null;
}

export interface UnitTable extends RecordColumns {
  parent_id: string | null;
  name: string;
  name_key: string;
  code: string | null;
  kind: string;
  active: number;
  sort_order: number;
  note: string;
}

export interface StaffTable extends RecordColumns {
  full_name: string;
  name_key: string;
  gender: string | null;
  birth_date: string | null;
  unit_id: string | null;
  position: string;
  category: string | null;
  is_leader: number;
  employment_start: string | null;
  employment_end: string | null;
  status: string;
  note: string;
}

export interface CampaignTable extends RecordColumns {
  name: string;
  name_key: string;
  kind: string;
  year_from: number;
  year_to: number;
  start_date: string | null;
  end_date: string | null;
  status: string;
  description: string;
  phases: string;
  participants: string;
  award_forms: string;
  deadlines: string;
}

export interface PlanTable extends RecordColumns {
  campaign_id: string | null;
  title: string;
  title_key: string;
  year: number | null;
  status: string;
  doc_number: number | null;
  review_count: number;
  source_file: string | null;
  content: string;
}

export interface DocReferenceTable extends RecordColumns {
  owner_type: string;
  owner_id: string;
  number: string;
  kind: string | null;
  doc_date: string | null;
  issuer: string | null;
  title: string;
  search_key: string;
}

export interface TaskTable extends RecordColumns {
  year: number;
  quarter: number | null;
  due_date: string | null;
  title: string;
  title_key: string;
  description: string;
  timing: string;
  status: string;
  completed_on: string | null;
  responsible_staff_id: string | null;
  responsible_name: string;
  source: string;
  plan_id: string | null;
  plan_task_id: string | null;
  calendar_key: string | null;
  copied_from_id: string | null;
  sort_order: number;
}

export interface TaskUnitTable extends RecordColumns {
  task_id: string;
  role: string;
  unit_id: string | null;
  unit_name: string;
  name_key: string;
  sort_order: number;
}

export interface TaskNoteTable extends RecordColumns {
  task_id: string;
  note_date: string;
  body: string;
  status_change: string | null;
}

export interface TaskAttachmentTable extends RecordColumns {
  task_id: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
}

export interface ExchangeHistoryTable {
  id: string;
  bundle_id: string;
  direction: 'in' | 'out';
  kind: string;
  origin_office_id: string;
  origin_office_name: string;
  target_office_id: string | null;
  file_name: string;
  counts_json: string;
  created_at: string;
  applied_at: string;
  status: string;
}

export interface ExchangeRecordStateTable {
  entity: string;
  record_id: string;
  received_updated_at: string;
  peer_office_id: string;
  bundle_id: string;
}

export interface PersonYearTable extends RecordColumns {
  staff_id: string;
  year: number;
  unit_id: string | null;
  rating: string | null;
  maternity_leave: number;
  under_review: number;
  note: string;
}

export interface UnitYearTable extends RecordColumns {
  unit_id: string;
  year: number;
  under_review: number;
  note: string;
}

export interface RegistrationTable extends RecordColumns {
  year: number;
  subject_kind: string;
  staff_id: string | null;
  unit_id: string | null;
  award_code: string;
  note: string;
}

export interface InitiativeTable extends RecordColumns {
  staff_id: string;
  year: number;
  title: string;
  title_key: string;
  kind: string;
  recognizing_body: string;
  scope: string;
  recognized_on: string | null;
  decision_no: string;
  note: string;
}

export interface DisciplineTable extends RecordColumns {
  staff_id: string;
  form: string;
  from_date: string;
  to_date: string | null;
  decision_no: string;
  issuer: string;
  note: string;
}

export interface AwardDecisionTable extends RecordColumns {
  number: string;
  number_key: string;
  decision_date: string | null;
  issuer: string;
  signer: string;
  award_code: string | null;
  other_form: string;
  basis: string;
  year: number;
  campaign_id: string | null;
  cash_amount: number | null;
  source: string;
  batch_key: string | null;
  note: string;
}

export interface AwardRecipientTable extends RecordColumns {
  decision_id: string;
  subject_kind: string;
  staff_id: string | null;
  unit_id: string | null;
  name: string;
  unit_name: string;
  cash_amount: number | null;
  sort_order: number;
}

export interface DossierTable extends RecordColumns {
  title: string;
  title_key: string;
  year: number;
  award_code: string;
  basis: string;
  procedure: string;
  sector: string;
  campaign_id: string | null;
  campaign_name: string;
  state: string;
  submission_no: number;
  submitted_at: string | null;
  doc_number: number | null;
  doc_date: string | null;
  addressee: string;
  signer: string;
  cover: string;
  meeting_date: string | null;
  meeting_time: string;
  meeting_place: string;
  meeting_chair: string;
  meeting_chair_title: string;
  meeting_secretary: string;
  meeting_members: string;
  meeting_members_total: number | null;
  meeting_number: number | null;
  note: string;
}

export interface DossierNomineeTable extends RecordColumns {
  dossier_id: string;
  subject_kind: string;
  staff_id: string | null;
  unit_id: string | null;
  award_code: string;
  name: string;
  position: string;
  unit_name: string;
  summary: string;
  votes_agree: number | null;
  votes_total: number | null;
  sort_order: number;
}

export interface DossierReportTable extends RecordColumns {
  nominee_id: string;
  template_id: string;
  content: string;
}

export interface DossierDocumentTable extends RecordColumns {
  dossier_id: string;
  nominee_id: string | null;
  kind: string;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  generated_at: string;
  sort_order: number;
}

export interface DossierAttachmentTable extends RecordColumns {
  dossier_id: string;
  nominee_id: string | null;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  note: string;
}

export interface DossierOutcomeTable extends RecordColumns {
  dossier_id: string;
  submission_no: number;
  outcome: string;
  decision_number: string;
  decision_date: string | null;
  decision_issuer: string;
  decision_id: string | null;
  reason: string;
  decided_at: string;
}

/** a consolidated dossier's sources (migration 13; local, not exchanged) */
export interface DossierSourceTable {
  dossier_id: string;
  source_id: string;
  submission_no: number;
}

/** what a merge of two staff records moved (migration 14; local, not exchanged) */
export interface StaffMergeTable {
  merged_id: string;
  kept_id: string;
  merged_at: string;
  /** JSON: MergeMoves (db/repositories/staff-merge.ts) */
  moves: string;
}

/** who deleted a record the audit trail does not log (migration 15; local, written by triggers) */
export interface DeletionActorTable {
  record_table: string;
  record_id: string;
  deleted_at: string;
  actor: string;
}

export interface UserProfileTable {
  id: string;
  name: string;
  position: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

/** One row (id 1) only while an exchange bundle is applied: the actor of its writes. */
export interface AuditSessionTable {
  id: number;
  actor: string;
}

/** Written by triggers only (migration 8); append-only. created_at = updated_at = when. */
export interface AuditLogTable extends RecordColumns {
  actor_id: string | null;
  actor: string;
  actor_position: string;
  source: string;
  record_table: string;
  record_id: string;
  owner_table: string;
  owner_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface MigrationLogTable {
  version: number;
  name: string;
  applied_at: string;
  id: Generated<number>;
}

export interface DB {
  setting: SettingTable;
  office_level: OfficeLevelTable;
  office: OfficeTable;
  unit: UnitTable;
  staff: StaffTable;
  migration_log: MigrationLogTable;
  exchange_history: ExchangeHistoryTable;
  exchange_record_state: ExchangeRecordStateTable;
  campaign: CampaignTable;
  plan: PlanTable;
  doc_reference: DocReferenceTable;
  task: TaskTable;
  task_unit: TaskUnitTable;
  task_note: TaskNoteTable;
  task_attachment: TaskAttachmentTable;
  person_year: PersonYearTable;
  unit_year: UnitYearTable;
  registration: RegistrationTable;
  initiative: InitiativeTable;
  discipline: DisciplineTable;
  award_decision: AwardDecisionTable;
  award_recipient: AwardRecipientTable;
  dossier: DossierTable;
  dossier_nominee: DossierNomineeTable;
  dossier_report: DossierReportTable;
  dossier_document: DossierDocumentTable;
  dossier_attachment: DossierAttachmentTable;
  dossier_outcome: DossierOutcomeTable;
  dossier_source: DossierSourceTable;
  staff_merge: StaffMergeTable;
  deletion_actor: DeletionActorTable;
  user_profile: UserProfileTable;
  audit_session: AuditSessionTable;
  audit_log: AuditLogTable;
}
