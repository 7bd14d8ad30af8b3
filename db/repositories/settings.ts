import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { DB } from '../schema';

export async function getSetting(db: Kysely<DB>, key: string): Promise<string | null> {
  const row = await db.selectFrom('setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

export async function setSetting(db: Kysely<DB>, key: string, value: string): Promise<void> {
  await db
    .insertInto('setting')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}

/** Synchronous variants for code that must not yield (reopening the database on restore). */
export function getSettingSync(sqlite: BetterSqlite3.Database, key: string): string | null {
  const row = sqlite.prepare('SELECT value FROM setting WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSettingSync(sqlite: BetterSqlite3.Database, key: string, value: string): void {
  sqlite.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}
