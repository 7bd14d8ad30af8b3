// Ordered, append-only list of migrations. Never edit a shipped step: add a new one.
// The schema version is SQLite's user_version pragma.
import type BetterSqlite3 from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  up: (db: BetterSqlite3.Database) => void;
}

const recordColumns = `
  id TEXT PRIMARY KEY NOT NULL,
  origin_office_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  deleted_at TEXT`;

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'office, levels, units',
    up: (db) => {
      db.exec(`
        CREATE TABLE migration_log (id INTEGER PRIMARY KEY AUTOINCREMENT, version INTEGER NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL);
        CREATE TABLE setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
        CREATE TABLE office_level (code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, sort_order INTEGER NOT NULL);
        INSERT INTO office_level (code, name, sort_order) VALUES
          ('trung_uong', 'Trung ương (bộ, ngành)', 1),
          ('tinh', 'Tỉnh, thành phố', 2),
          ('so_nganh', 'Sở, ban, ngành', 3),
          ('huyen', 'Huyện (trước 01/7/2025)', 4),
          ('xa', 'Xã, phường, đặc khu', 5),
          ('co_so', 'Đơn vị cơ sở', 6);
        CREATE TABLE office (${recordColumns},
          name TEXT NOT NULL,
          parent_agency TEXT NOT NULL DEFAULT '',
          level_code TEXT NOT NULL REFERENCES office_level(code),
          place_name TEXT NOT NULL,
          abbreviation TEXT NOT NULL,
          head_title TEXT NOT NULL DEFAULT '',
          head_name TEXT NOT NULL DEFAULT '',
          superior_name TEXT NOT NULL DEFAULT '',
          superior_id TEXT
        );
        CREATE TABLE unit (${recordColumns},
          parent_id TEXT REFERENCES unit(id),
          name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          code TEXT,
          kind TEXT NOT NULL,
          active INTEGER NOT NULL DEFAULT 1,
          sort_order INTEGER NOT NULL DEFAULT 0,
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX unit_parent ON unit(parent_id);
        CREATE INDEX unit_origin ON unit(origin_office_id);
      `);
    },
  },
  {
    version: 2,
    name: 'staff',
    up: (db) => {
      db.exec(`
        CREATE TABLE staff (${recordColumns},
          full_name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          gender TEXT CHECK (gender IN ('nam', 'nu')),
          birth_date TEXT,
          unit_id TEXT REFERENCES unit(id),
          position TEXT NOT NULL DEFAULT '',
          category TEXT CHECK (category IN ('CB', 'CC', 'VC', 'NLD')),
          is_leader INTEGER NOT NULL DEFAULT 0,
          employment_start TEXT,
          employment_end TEXT,
          status TEXT NOT NULL DEFAULT 'dang_cong_tac',
          note TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX staff_unit ON staff(unit_id);
        CREATE INDEX staff_dup ON staff(name_key, birth_date, unit_id);
      `);
    },
  },
  {
    version: 3,
    name: 'campaigns, plans, document references',
    up: (db) => {
      db.exec(`
        CREATE TABLE campaign (${recordColumns},
          name TEXT NOT NULL,
          name_key TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('thuong_xuyen', 'theo_dot', 'chuyen_de', 'dac_biet')),
          year_from INTEGER NOT NULL,
          year_to INTEGER NOT NULL,
          start_date TEXT,
          end_date TEXT,
          status TEXT NOT NULL DEFAULT 'nhap' CHECK (status IN ('nhap', 'da_ban_hanh', 'da_ket_thuc')),
          description TEXT NOT NULL DEFAULT '',
          -- phases, participants, award forms and deadlines: small structured lists (JSON, zod-validated)
          phases TEXT NOT NULL DEFAULT '[]',
          participants TEXT NOT NULL DEFAULT '{}',
          award_forms TEXT NOT NULL DEFAULT '[]',
          deadlines TEXT NOT NULL DEFAULT '[]'
        );
        CREATE TABLE plan (${recordColumns},
          campaign_id TEXT REFERENCES campaign(id),
          title TEXT NOT NULL,
          title_key TEXT NOT NULL,
          year INTEGER,
          status TEXT NOT NULL DEFAULT 'nhap' CHECK (status IN ('nhap', 'da_ban_hanh')),
          doc_number INTEGER,
          review_count INTEGER NOT NULL DEFAULT 0,
          source_file TEXT,
          content TEXT NOT NULL
        );
        CREATE INDEX plan_campaign ON plan(campaign_id);
        -- superior documents cited by a campaign or a plan, searchable
        CREATE TABLE doc_reference (${recordColumns},
          owner_type TEXT NOT NULL CHECK (owner_type IN ('campaign', 'plan')),
          owner_id TEXT NOT NULL,
          number TEXT NOT NULL,
          kind TEXT,
          doc_date TEXT,
          issuer TEXT,
          title TEXT NOT NULL DEFAULT '',
          search_key TEXT NOT NULL
        );
        CREATE INDEX doc_reference_owner ON doc_reference(owner_type, owner_id);
      `);
    },
  },
];

export const LATEST_VERSION = migrations[migrations.length - 1]!.version;

export function schemaVersion(db: BetterSqlite3.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Apply pending migrations up to `target`, each in its own transaction. */
export function migrate(db: BetterSqlite3.Database, target = LATEST_VERSION): number {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new Error(
      `SCHEMA_TOO_NEW:${current}`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO migration_log (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
