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
  campaign: CampaignTable;
  plan: PlanTable;
  doc_reference: DocReferenceTable;
}
