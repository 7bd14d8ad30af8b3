// What SQLite reports when the disk says no — full, read-only, locked — reaches the window as
// a Vietnamese message that says what to do, and nothing is half-written.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Core } from '../../../electron/core/core';
import { testCore } from '../../support/core';
import { addManyStaff } from '../backup/helpers';

const cores: Core[] = [];
afterEach(() => {
  while (cores.length) cores.pop()!.close();
});

async function core() {
  const c = await testCore();
  cores.push(c);
  return c;
}

const count = (c: Core) => c.ctx.conn.sqlite.prepare('SELECT count(*) FROM staff').pluck().get() as number;

describe('storage errors', () => {
  it('a full disk: the message says to free space, and the failed write left nothing', async () => {
    const c = await core();
    const sqlite = c.ctx.conn.sqlite;
    const pages = sqlite.pragma('page_count', { simple: true }) as number;
    sqlite.pragma(`max_page_count = ${pages + 2}`);
    let r = await c.call('staff.create', { fullName: 'Nguyễn Văn An', note: 'x' });
    for (let i = 0; r.ok && i < 200; i++) r = await c.call('staff.create', { fullName: `Nguyễn Văn An ${i}`, note: 'ghi chú '.repeat(200) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('DB_ERROR');
      expect(r.error.message).toContain('Ổ đĩa chứa dữ liệu đã đầy');
    }
    const before = count(c);
    // the write that failed is not half there, and the database is whole
    expect((sqlite.pragma('integrity_check') as { integrity_check: string }[])[0]!.integrity_check).toBe('ok');
    sqlite.pragma('max_page_count = 1073741823');
    expect((await c.invoke('staff.list', {})).total).toBe(before);
    await c.invoke('staff.create', { fullName: 'Trần Thị Bích' });
    expect(count(c)).toBe(before + 1);
  });

  it('a file that may only be read: the message says to allow writing', async () => {
    const c = await core();
    c.ctx.conn.sqlite.pragma('query_only = 1');
    const r = await c.call('units.create', { name: 'Văn phòng Sở' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('DB_ERROR');
      expect(r.error.message).toContain('chỉ cho đọc');
    }
    c.ctx.conn.sqlite.pragma('query_only = 0');
    expect(await c.invoke('units.list', {})).toEqual([]);
  });

  it('a file another program holds a write lock on: busy, try again', async () => {
    const c = await core();
    addManyStaff(c, 10);
    c.ctx.conn.sqlite.pragma('busy_timeout = 50');
    const other = new Database(c.ctx.conn.path);
    other.exec('BEGIN IMMEDIATE');
    try {
      const r = await c.call('staff.create', { fullName: 'Lê Văn Cường' });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('đang bận');
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(count(c)).toBe(10);
  });
});
