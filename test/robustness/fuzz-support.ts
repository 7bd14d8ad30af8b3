// Support for fuzz.test.ts: a database harness that can be reset to its base copy, a
// canonical dump of every table, the checks every refusal must pass, hostile values, and
// string-level mutators for the XML parts of .xlsx/.docx packages.
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../electron/core/core';
import type { ApiError, Result } from '../../shared/contract/errors';
import type { Rng } from './prng';

// ---- checks ---------------------------------------------------------------------------

/** A letter only Vietnamese uses: the message is Vietnamese. */
export const VI_LETTERS = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
/** What leaks when an exception was not caught where it should have been. */
export const RAW_ERROR =
  /\bat [\w$.<>]+ \(|\bat Object\.|\b(TypeError|RangeError|ReferenceError|SyntaxError|EvalError)\b|Cannot read propert|is not a function|is not iterable|Invalid (array|string|typed array) length|Invalid count value|Maximum call stack|undefined is not|Unexpected (token|end of JSON)|in JSON at position|out of memory|\bundefined\b|\[object Object\]/i;

/** Why a refusal is not acceptable, or null. */
export function messageProblem(e: ApiError): string | null {
  if (e.code === 'INTERNAL') return 'INTERNAL error (an exception escaped the handler)';
  if (typeof e.message !== 'string' || e.message.trim() === '') return 'empty message';
  if (!VI_LETTERS.test(e.message)) return 'message is not Vietnamese';
  if (RAW_ERROR.test(e.message)) return 'message carries a raw JavaScript error';
  return null;
}

/** Every table (and user_version) as one canonical JSON string: equal strings = nothing changed. */
export function dumpDb(core: Core): string {
  const sqlite = core.ctx.conn.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  const out: Record<string, unknown> = {};
  for (const { name } of tables) {
    const rows = sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[];
    out[name] = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? `bytes:${v.toString('hex')}` : v))).sort();
  }
  out['pragma.user_version'] = sqlite.pragma('user_version', { simple: true });
  return JSON.stringify(out);
}

export function integrityProblems(core: Core): string[] {
  const sqlite = core.ctx.conn.sqlite;
  const out: string[] = [];
  const ic = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  if (ic.length !== 1 || ic[0]!.integrity_check !== 'ok') out.push(`integrity_check: ${JSON.stringify(ic.slice(0, 3))}`);
  const fk = sqlite.pragma('foreign_key_check') as unknown[];
  if (fk.length) out.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`);
  return out;
}

/** Problems and counts of one fuzz run; every case has a label that replays it. */
export class Findings {
  readonly problems: string[] = [];
  readonly outcomes = new Map<string, { accepted: number; refused: number }>();
  cases = 0;

  add(label: string, what: string) {
    this.problems.push(`${label}: ${what}`);
  }

  /** refusal messages (numbers and quoted values blanked), for reading them all at once */
  readonly messages = new Map<string, number>();

  count(proc: string, ok: boolean, error?: ApiError) {
    const o = this.outcomes.get(proc) ?? { accepted: 0, refused: 0 };
    if (ok) o.accepted++;
    else o.refused++;
    this.outcomes.set(proc, o);
    if (error) {
      const key = `${proc} [${error.code}] ${error.message.replace(/"[^"]*"/g, '"…"').replace(/\d+/g, '#').slice(0, 160)}`;
      this.messages.set(key, (this.messages.get(key) ?? 0) + 1);
    }
  }

  summary(): string {
    return [...this.outcomes].map(([p, o]) => `${p}: ${o.accepted} accepted, ${o.refused} refused`).join('; ');
  }
}

/** A core on a copy of a base database; reset() puts the base copy back. */
export class Harness {
  core!: Core;
  private readonly live: string;
  constructor(
    private readonly base: string,
    dir: string,
    private readonly today: string,
  ) {
    this.live = path.join(dir, `live-${path.basename(base)}`);
  }

  async open(): Promise<this> {
    for (const f of [this.live, `${this.live}-wal`, `${this.live}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(this.base, this.live);
    this.core = await createCore({ dbPath: this.live, host: 'test', today: () => this.today });
    return this;
  }

  async reset(): Promise<void> {
    this.core.close();
    await this.open();
  }

  close() {
    this.core?.close();
  }

  /**
   * Call a procedure; a thrown exception, a bad refusal message or a refusal that changed
   * the database is a problem. `readOnly`: the database must not change even on success.
   */
  async call(f: Findings, label: string, proc: string, input: unknown, readOnly = false): Promise<Result<unknown> | null> {
    const before = dumpDb(this.core);
    let r: Result<unknown>;
    try {
      r = await this.core.call(proc, input);
    } catch (e) {
      f.add(label, `${proc} threw instead of returning { ok: false }: ${(e as Error)?.stack ?? String(e)}`);
      return null;
    }
    f.count(proc, r.ok, r.ok ? undefined : r.error);
    if (!r.ok) {
      const why = messageProblem(r.error);
      if (why) f.add(label, `${proc}: ${why}: [${r.error.code}] ${r.error.message.slice(0, 400)}`);
    }
    if ((!r.ok || readOnly) && dumpDb(this.core) !== before) f.add(label, `${proc} ${r.ok ? 'is read-only' : 'refused'} but the database changed`);
    return r;
  }
}

// ---- hostile values -----------------------------------------------------------------------

export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u200B',
  '\u200B\u200C\u200D\uFEFF\u2060',
  '\u00AD\u00AD',
  '=SUM(A1:A9)',
  '=1/0',
  '=HYPERLINK("http://x.invalid","bấm")',
  "+cmd|' /C calc'!A0",
  '@SUM(1)',
  '31/02/1985',
  '1985-13-01',
  '00/00/0000',
  '29/02/2023',
  '5/3/80',
  'ngày 5 tháng 3 năm 1980',
  '99/99/9999',
  '01/01/0001',
  '31/12/9999',
  '1e308',
  '-1',
  '9'.repeat(400),
  'Nguye\u0302\u0303n Va\u0306n A',
  'A'.repeat(5000),
  'Đ'.repeat(300),
  '\u0001\u0002\u0007\u001b',
  '\t\n\r',
  '\u202Egnp.exe',
  '👩‍👩‍👧 Hà',
  '\uD800 lẻ',
  '<script>alert(1)</script>',
  '&amp;&lt;',
  ']]>',
  "'; DROP TABLE staff; --",
  '%s%n%d',
  '${process.exit()}',
  '__proto__',
  'constructor',
  'Hä vµ tªn',
  'Văn phòng Sở',
  'Phòng Người có công',
  'Nam',
  'Nữ',
  'x',
  'CSTĐCS, LĐTT, LĐTT',
  'HTXSNV',
  'Nguyễn Văn An',
  '15/QĐ-SLĐTBXH',
  'Tổng cộng: 5 người',
  'Người lập biểu',
  'I. Văn phòng Sở',
  '0',
  '-0',
  'NaN',
  'Infinity',
  '2958466',
  '60',
];

export const HOSTILE_NUMBERS: readonly string[] = [
  '1e308',
  '-1e308',
  '1e309',
  '99999999999999999999',
  'NaN',
  '',
  ' ',
  'abc',
  '-0',
  '0.000001',
  '2958465',
  '2958466',
  '-1',
  '0',
  '60',
  '1.5',
  '0x1F',
  '1,5',
  '１２３',
  '1e-320',
  '9007199254740993',
  '2025',
  '1900',
  '-2025',
];

const CHARSET = 'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789 .,;:-/()\'"&<>áàảãạếềểễệốồổỗộớờởỡợứừửữự\u0000\u0001\u0009\u000a\u000d\u001f\u200b\ufeff\u0301\u0303';

export function randomString(rng: Rng, max = 40): string {
  const n = rng.int(0, max);
  let s = '';
  for (let i = 0; i < n; i++) s += CHARSET[rng.int(0, CHARSET.length - 1)];
  return s;
}

export function hostileString(rng: Rng): string {
  return rng.chance(0.7) ? rng.pick(HOSTILE_STRINGS) : randomString(rng);
}

/** Remove characters XML 1.0 cannot carry (unless the case wants broken XML) and escape markup. */
export function xmlText(s: string, keepInvalid = false): string {
  const t = keepInvalid ? s : s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

// ---- string-level XML mutation -----------------------------------------------------------------

export interface Match {
  index: number;
  text: string;
  groups: string[];
}

export function matches(s: string, re: RegExp): Match[] {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  const out: Match[] = [];
  for (const m of s.matchAll(g)) out.push({ index: m.index, text: m[0], groups: m.slice(1) });
  return out;
}

/** Replace one random match of `re` with `fn(match)`; null when nothing matches. */
export function replaceOne(s: string, re: RegExp, rng: Rng, fn: (m: Match) => string): string | null {
  const all = matches(s, re);
  if (all.length === 0) return null;
  const m = rng.pick(all);
  return s.slice(0, m.index) + fn(m) + s.slice(m.index + m.text.length);
}

/** Flip 1–n random bits anywhere in the bytes. */
export function flipBytes(bytes: Uint8Array, rng: Rng, n = 8): { bytes: Uint8Array; note: string } {
  const out = Uint8Array.from(bytes);
  const k = rng.int(1, n);
  const at: number[] = [];
  for (let i = 0; i < k; i++) {
    const p = rng.int(0, out.length - 1);
    out[p] = out[p]! ^ (1 << rng.int(0, 7));
    at.push(p);
  }
  return { bytes: out, note: `flip@${at.join(',')}` };
}

export function truncate(bytes: Uint8Array, rng: Rng): { bytes: Uint8Array; note: string } {
  const n = rng.int(0, bytes.length - 1);
  return { bytes: bytes.slice(0, n), note: `truncate@${n}` };
}

/** Break the markup: drop a closing tag, add a stray opening tag, or cut the text. */
export function unbalance(xml: string, rng: Rng): string {
  switch (rng.int(0, 3)) {
    case 0:
      return replaceOne(xml, /<\/[\w:]+>/, rng, () => '') ?? xml.slice(0, -5);
    case 1:
      return replaceOne(xml, /<[\w:]+[ >]/, rng, (m) => `<${rng.pick(['w:p', 'w:r', 'row', 'c', 'x:y', 'a'])}>${m.text}`) ?? `${xml}<x>`;
    case 2:
      return xml.slice(0, rng.int(0, xml.length - 1));
    default:
      return replaceOne(xml, /<[\w:]+[ >]/, rng, (m) => m.text.replace('<', '<<')) ?? `<${xml}`;
  }
}
