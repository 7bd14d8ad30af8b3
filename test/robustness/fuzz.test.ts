// Hostile input fuzzing (issue 7, part 3): valid inputs — two exchange bundles (units and
// staff; award records and a dossier with its documents and attachment), a staff list, a
// records workbook, plan documents (the reference plans and a generated one, and the
// reference plans' .txt forms) — are mutated at random and fed to the real procedures
// through core.call (preview AND apply). Every case must end in { ok: true } or in
// { ok: false } with a clear Vietnamese message (never a thrown exception, an INTERNAL error
// or a raw JavaScript error text); a refusal — and any preview — must leave the database
// exactly as it was; an accepted apply must have written consistently (what the preview
// announced, integrity and foreign keys intact). Bugs it found: regressions.test.ts.
//
// Seeded: the seed is printed; TDKT_FUZZ_SEED=… replays a run (FUZZ_VERBOSE=1 prints every
// case's mutations before it runs; TDKT_FUZZ_SCALE=N runs N times as many cases).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOMParser, XMLSerializer, type Document as XmlDocument, type Element as XmlElement } from '@xmldom/xmldom';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../electron/core/core';
import { STAFF_IMPORT_FIELDS } from '../../shared/contract/staff';
import { RECORDS_IMPORT_FIELDS } from '../../shared/contract/records';
import { OFFICE } from '../support/core';
import { FIXTURE_UNITS, STAFF_GOOD_PATH } from '../fixtures/staff/make-fixtures';
import { GOOD_ROWS, PEOPLE, UNITS as HISTORY_UNITS, historyWorkbook } from '../fixtures/records/office-history';
import { buildTanPhongDocx } from '../integration/plans/fixture-docx';
import { OFFICE_A, craftZip, exportBytes, makeOffice, makeProvince, sha256, src, type CraftEntry } from '../integration/exchange/helpers';
import { OFFICE_A as DOSSIER_OFFICE, buildDossier, makeOffice as makeDossierOffice } from '../integration/dossiers/helpers';
import { entityKind } from '../../electron/services/exchange';
import { makeRng, seedFrom, type Rng } from './prng';
import {
  Findings,
  HOSTILE_NUMBERS,
  HOSTILE_STRINGS,
  Harness,
  flipBytes,
  hostileString,
  integrityProblems,
  matches,
  randomString,
  replaceOne,
  truncate,
  unbalance,
  xmlText,
} from './fuzz-support';

const REFERENCE_PLANS = path.resolve(__dirname, '../../../shared/reference/plans');
const TODAY = '2025-03-01';
/** TDKT_FUZZ_SCALE=10 runs ten times as many cases (a longer hunt; not for CI) */
const SCALE = Math.max(1, Number(process.env.TDKT_FUZZ_SCALE) || 1);
const CASES = { bundle: 90 * SCALE, staff: 60 * SCALE, records: 40 * SCALE, plans: 50 * SCALE, planJson: 40 * SCALE };
const SEED = seedFrom('TDKT_FUZZ_SEED');
const VERBOSE = process.env.FUZZ_VERBOSE === '1';

let work: string;
const findings = new Findings();

beforeAll(() => {
  console.log(`[fuzz] seed ${SEED} (replay: TDKT_FUZZ_SEED=${SEED})`);
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tdkt-fuzz-'));
});

afterAll(() => {
  console.log(`[fuzz] ${findings.cases} cases, seed ${SEED}: ${findings.summary()}`);
  if (VERBOSE) {
    const lines = [...findings.messages].sort((x, y) => y[1] - x[1]).map(([m, n]) => `${String(n).padStart(5)}  ${m}`);
    console.log(`[fuzz] refusal messages:\n${lines.join('\n')}`);
  }
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const count = (core: Core, table: string) => (core.ctx.conn.sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
const note = (label: string) => {
  findings.cases++;
  if (VERBOSE) console.log(label);
};

/** Close leaving one self-contained file to copy. */
function closeClean(core: Core) {
  core.ctx.conn.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
}

function expectNoProblems(section: string) {
  const mine = findings.problems.filter((p) => p.startsWith(section));
  expect(mine, `seed ${SEED}:\n${mine.join('\n')}`).toEqual([]);
}

// ---- random JSON ----------------------------------------------------------------------------

/** Deeply nested JSON text (a stack-depth attack on JSON.parse). */
const deepJson = (n: number) => '['.repeat(n) + ']'.repeat(n);

function randomJson(rng: Rng, depth = 0): unknown {
  const k = rng.int(0, depth > 2 ? 9 : 13);
  switch (k) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -1, 1, 1.5, -0, 1e308, 2 ** 53 + 1, 4294967296, -2147483649]);
    case 3:
      return hostileString(rng);
    case 4:
      return randomString(rng, 80);
    case 5:
      return '';
    case 6:
      return rng.pick(['2025-01-01T00:00:00.000Z', '2025-02-30', '0000-00-00T00:00:00Z', '9999-12-31T23:59:59.999Z', '1980-03-05']);
    case 7:
      return rng.pick(['0190a000-0000-7000-8000-000000000000', '../x', '', 'a'.repeat(65), '__proto__']);
    case 8:
      return [];
    case 9:
      return {};
    case 10:
      return Array.from({ length: rng.int(1, 3) }, () => randomJson(rng, depth + 1));
    case 11:
      return Object.fromEntries(Array.from({ length: rng.int(1, 3) }, () => [rng.pick(['id', 'x', '__proto__', 'constructor', randomString(rng, 8)]), randomJson(rng, depth + 1)]));
    case 12:
      return JSON.parse(deepJson(rng.pick([10, 200]))) as unknown;
    default:
      return { ['__proto__']: { polluted: true } };
  }
}

// ---- exchange bundles ----------------------------------------------------------------------------

type Files = Record<string, Uint8Array>;
type Json = Record<string, unknown>;

const HOSTILE_NAMES = [
  '../evil',
  'data/../../evil.json',
  '/abs',
  'C:\\x',
  'C:/x',
  'data/\u0000.json',
  'data/./staff.json',
  'manifest.json ',
  'MANIFEST.JSON',
  'data/staff.json/',
  '\\\\server\\share',
  'data/staff.json\u200b',
  `documents/${'a'.repeat(300)}`,
  'attachments/a.pdf',
  'documents/x.docx',
  'data/award.json',
  'data/staff2.json',
  'data/Staff.json',
  'evil.txt',
  'bin/evil.exe',
  'data//x.json',
  '',
];

function readJsonFile<T>(files: Files, p: string): T {
  return JSON.parse(strFromU8(files[p]!)) as T;
}

function withManifestFix(files: Files, edit?: (m: Json) => void, fix = true): Uint8Array {
  const m = readJsonFile<Json>(files, 'manifest.json');
  if (fix) {
    m.entries = Object.keys(files)
      .filter((p) => p !== 'manifest.json')
      .map((p) => ({ path: p, size: files[p]!.length, sha256: sha256(files[p]!) }));
  }
  edit?.(m);
  return craftZip(Object.entries({ ...files, 'manifest.json': strToU8(JSON.stringify(m)) }).map(([name, data]) => ({ name, data })));
}

function dataFiles(files: Files): string[] {
  return Object.keys(files).filter((p) => p.startsWith('data/') && strFromU8(files[p]!).trim() !== '[]');
}

function editData(files: Files, p: string, edit: (list: Json[]) => void): Files {
  const list = readJsonFile<Json[]>(files, p);
  edit(list);
  return { ...files, [p]: strToU8(JSON.stringify(list)) };
}

const BUNDLE_OPS = [
  'flip',
  'truncate',
  'reorder',
  'declared-size',
  'manifest-type',
  'manifest-missing',
  'manifest-extra-key',
  'extra-entry',
  'hostile-name',
  'duplicate-id',
  'data-value',
  'data-replace',
  'data-bytes',
  'counts',
  'manifest-entry',
  'reference',
  'cycle',
  'kind',
  'duplicate-entry',
  'valid-edit',
  'deep-json',
] as const;

function mutateBundle(base: Files, good: Uint8Array, rng: Rng, selfOfficeId: string): { bytes: Uint8Array; note: string } {
  const op = rng.pick(BUNDLE_OPS);
  const entries = () => Object.entries(base).map(([name, data]) => ({ name, data }) as CraftEntry);
  const anyData = () => rng.pick(dataFiles(base));
  let out: { bytes: Uint8Array; note: string };
  switch (op) {
    case 'flip':
      out = flipBytes(good, rng, 12);
      break;
    case 'truncate':
      out = truncate(good, rng);
      break;
    case 'reorder':
      out = { bytes: craftZip(rng.shuffle(entries()).map((e) => ({ ...e, method: rng.pick([0, 8] as const) }))), note: 'reorder' };
      break;
    case 'declared-size': {
      const list = entries();
      const e = rng.pick(list);
      const size = e.data.length;
      e.declaredSize = rng.pick([size + 1, Math.max(0, size - 1), size * 2, 0, 0xfffffffe, 0xc0000000, rng.int(0, 1 << 20)]);
      out = { bytes: craftZip(list), note: `declared-size ${e.name}=${e.declaredSize}` };
      break;
    }
    case 'manifest-type': {
      const key = rng.pick(['format', 'formatVersion', 'appVersion', 'bundleId', 'kind', 'originOfficeId', 'originOfficeName', 'targetOfficeId', 'createdAt', 'entries', 'counts']);
      const v = randomJson(rng);
      out = { bytes: withManifestFix(base, (m) => void (m[key] = v)), note: `manifest ${key}=${JSON.stringify(v)?.slice(0, 60)}` };
      break;
    }
    case 'manifest-missing': {
      const key = rng.pick(['format', 'formatVersion', 'appVersion', 'bundleId', 'kind', 'originOfficeId', 'originOfficeName', 'targetOfficeId', 'createdAt', 'entries', 'counts']);
      out = { bytes: withManifestFix(base, (m) => void delete m[key]), note: `manifest without ${key}` };
      break;
    }
    case 'manifest-extra-key': {
      const key = rng.pick(['__proto__', 'constructor', 'extra', randomString(rng, 10)]);
      out = { bytes: withManifestFix(base, (m) => void Object.defineProperty(m, key, { value: randomJson(rng), enumerable: true })), note: `manifest extra key ${JSON.stringify(key)}` };
      break;
    }
    case 'extra-entry':
    case 'hostile-name': {
      const name = op === 'hostile-name' ? rng.pick(HOSTILE_NAMES) : rng.pick(['attachments/x.pdf', 'documents/a.docx', 'data/staff2.json', 'data/unit.json.bak', randomString(rng, 20)]);
      const data = strToU8(rng.pick(['x', '[]', '%PDF-1.4', '{}']));
      const listed = rng.chance(0.5);
      const files = { ...base, [name]: data };
      out = {
        bytes: listed ? withManifestFix(files) : craftZip([...entries(), { name, data }]),
        note: `${op} ${JSON.stringify(name)} ${listed ? 'listed' : 'unlisted'}`,
      };
      break;
    }
    case 'duplicate-id': {
      const p = anyData();
      const fixCounts = rng.chance(0.6);
      const files = editData(base, p, (list) => {
        const copy = { ...rng.pick(list) };
        if (rng.chance(0.5)) copy.updated_at = '2030-01-01T00:00:00.000Z';
        list.splice(rng.int(0, list.length), 0, copy);
      });
      const n = readJsonFile<unknown[]>(files, p).length;
      const ent = p.slice(5, -5);
      out = { bytes: withManifestFix(files, (m) => fixCounts && void ((m.counts as Json)[ent] = n)), note: `duplicate id in ${p}${fixCounts ? ' (counts fixed)' : ''}` };
      break;
    }
    case 'data-value': {
      const p = anyData();
      let what = '';
      const files = editData(base, p, (list) => {
        const i = rng.int(0, list.length - 1);
        const rec = list[i]!;
        const key = rng.chance(0.85) ? rng.pick(Object.keys(rec)) : rng.pick(['__proto__', 'salary', randomString(rng, 6)]);
        const v = randomJson(rng);
        Object.defineProperty(rec, key, { value: v, enumerable: true, writable: true, configurable: true });
        what = `${i}.${key}=${JSON.stringify(v)?.slice(0, 60)}`;
      });
      out = { bytes: withManifestFix(files), note: `data-value ${p} ${what}` };
      break;
    }
    case 'data-replace': {
      const p = anyData();
      const v = rng.chance(0.7) ? JSON.stringify(randomJson(rng)) : randomString(rng, 200);
      const fixCounts = rng.chance(0.5);
      let n = 0;
      try {
        const parsed = JSON.parse(v) as unknown;
        n = Array.isArray(parsed) ? parsed.length : 0;
      } catch {
        /* not JSON */
      }
      out = {
        bytes: withManifestFix({ ...base, [p]: strToU8(v) }, (m) => fixCounts && void ((m.counts as Json)[p.slice(5, -5)] = n)),
        note: `data-replace ${p}=${v.slice(0, 60)}`,
      };
      break;
    }
    case 'data-bytes': {
      const p = anyData();
      const f = flipBytes(base[p]!, rng, 4);
      out = { bytes: withManifestFix({ ...base, [p]: f.bytes }), note: `data-bytes ${p} ${f.note}` };
      break;
    }
    case 'counts': {
      const key = rng.pick(['staff', 'unit', 'office', 'dossier', 'award', randomString(rng, 6)]);
      const v = rng.pick([-1, 0, 1, 2, 99, 1.5, 2 ** 53, '3', null]);
      out = { bytes: withManifestFix(base, (m) => void ((m.counts as Json)[key] = v)), note: `counts.${key}=${JSON.stringify(v)}` };
      break;
    }
    case 'manifest-entry': {
      const field = rng.pick(['path', 'size', 'sha256', 'extra']);
      const v = randomJson(rng);
      out = {
        bytes: withManifestFix(base, (m) => {
          const list = m.entries as Json[];
          if (list.length) rng.pick(list)[field] = v;
        }),
        note: `manifest entry ${field}=${JSON.stringify(v)?.slice(0, 60)}`,
      };
      break;
    }
    case 'reference': {
      const target = rng.pick(['0190a000-0000-7000-8000-000000000000', selfOfficeId, 'x', '']);
      const files = rng.chance(0.5)
        ? editData(base, 'data/staff.json', (list) => void (rng.pick(list).unit_id = target))
        : editData(base, 'data/unit.json', (list) => void (rng.pick(list).parent_id = target));
      out = { bytes: withManifestFix(files), note: `reference → ${target}` };
      break;
    }
    case 'cycle': {
      const files = editData(base, 'data/unit.json', (list) => {
        const a = rng.pick(list);
        const b = rng.pick(list);
        a.parent_id = b.id;
        b.parent_id = a.id;
      });
      out = { bytes: withManifestFix(files), note: 'unit parent cycle' };
      break;
    }
    case 'kind': {
      const kind = rng.pick(['full', 'province-to-office', 'office-to-province']);
      const target = rng.pick([null, selfOfficeId, '0190a000-0000-7000-8000-000000000000']);
      out = {
        bytes: withManifestFix(base, (m) => {
          m.kind = kind;
          m.targetOfficeId = target;
        }),
        note: `kind=${kind} target=${target}`,
      };
      break;
    }
    case 'duplicate-entry': {
      const list = entries();
      const e = rng.pick(list);
      out = { bytes: craftZip([...list, { ...e, data: rng.chance(0.5) ? e.data : strToU8('[]') }]), note: `duplicate entry ${e.name}` };
      break;
    }
    case 'valid-edit': {
      const v = rng.pick(HOSTILE_STRINGS).slice(0, 150);
      const files = editData(base, 'data/staff.json', (list) => {
        const s = rng.pick(list);
        s[rng.pick(['note', 'position'])] = v;
        s.updated_at = '2026-01-01T00:00:00.000Z';
      });
      out = { bytes: withManifestFix(files), note: `valid edit ${JSON.stringify(v).slice(0, 40)}` };
      break;
    }
    case 'deep-json': {
      const p = rng.chance(0.5) ? 'manifest.json' : anyData();
      const text = deepJson(rng.pick([1000, 20_000, 500_000]));
      const files = { ...base, [p]: strToU8(text) };
      out =
        p === 'manifest.json'
          ? { bytes: craftZip(Object.entries(files).map(([name, data]) => ({ name, data }))), note: `deep JSON in ${p}` }
          : { bytes: withManifestFix(files), note: `deep JSON in ${p}` };
      break;
    }
  }
  // sometimes a second, byte-level injury on top
  if (op !== 'flip' && op !== 'truncate' && rng.chance(0.1)) {
    const f = flipBytes(out.bytes, rng, 3);
    out = { bytes: f.bytes, note: `${out.note} + ${f.note}` };
  }
  return out;
}

// ---- .xlsx --------------------------------------------------------------------------------

const SHEET = 'xl/worksheets/sheet1.xml';
const SST = 'xl/sharedStrings.xml';
const CELL = /<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/;
const ROW = /<row [^>]*?(?:\/>|>[\s\S]*?<\/row>)/;
const DATE_TEXTS = ['31/02/1985', '1985-13-01', '00/00/0000', '29/02/2023', '5/3/80', '05.03.1980', '1980', 'ngày 5 tháng 3 năm 1980', '32/01/1990', '01/01/2030', '12/31/1985', ' 05/03/1980 ', '٠٥/٠٣/١٩٨٠'];

const XLSX_OPS = [
  'flip',
  'truncate',
  'sst',
  'v',
  'inline',
  'date-text',
  'formula',
  'type',
  'empty-rows',
  'delete',
  'dup-row',
  'unbalanced',
  'rownum',
  'cellref',
  'merge',
  'drop-part',
  'workbook',
  'style',
  'zero-width',
  'big-text',
  'many-rows',
] as const;

function text(files: Files, p: string): string | null {
  return files[p] ? strFromU8(files[p]!) : null;
}

function mutateXlsx(good: Uint8Array, rng: Rng): { bytes: Uint8Array; note: string } {
  const files: Files = unzipSync(good);
  const notes: string[] = [];
  let byteOp: 'flip' | 'truncate' | null = null;
  const n = rng.int(1, 3);
  const setText = (p: string, s: string | null) => {
    if (s !== null) files[p] = strToU8(s);
  };
  for (let k = 0; k < n; k++) {
    const op = rng.pick(XLSX_OPS);
    const sheet = text(files, SHEET) ?? '';
    const cellAt = (m: { groups: string[] }) => `${m.groups[0]}${m.groups[1]}`;
    switch (op) {
      case 'flip':
      case 'truncate':
        byteOp = op;
        break;
      case 'sst':
      case 'zero-width': {
        let sst = text(files, SST);
        if (sst === null) break;
        const times = rng.int(1, 4);
        for (let i = 0; i < times; i++) {
          const v = op === 'zero-width' ? rng.pick(['\u200B', '\u200B\u200C', '\uFEFF', ' \u00AD ', '\u2060']) : hostileString(rng);
          sst = replaceOne(sst, /<t(?: [^>]*)?>[^<]*<\/t>/, rng, () => `<t xml:space="preserve">${xmlText(v, rng.chance(0.1))}</t>`) ?? sst;
        }
        setText(SST, sst);
        break;
      }
      case 'v':
        setText(SHEET, replaceOne(sheet, /<v>[^<]*<\/v>/, rng, () => `<v>${xmlText(rng.pick(HOSTILE_NUMBERS))}</v>`));
        break;
      case 'inline':
      case 'date-text':
      case 'big-text': {
        const v = op === 'date-text' ? rng.pick(DATE_TEXTS) : op === 'big-text' ? 'Đ'.repeat(rng.pick([5000, 200_000])) : hostileString(rng);
        const re = op === 'date-text' ? /<c r="(C)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/ : CELL;
        setText(SHEET, replaceOne(sheet, re, rng, (m) => `<c r="${cellAt(m)}" t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`));
        break;
      }
      case 'formula': {
        const f = rng.pick([
          '<f>SUM(A1:A3)</f><v>6</v>',
          '<f>1/0</f><v>#DIV/0!</v>',
          '<f>"a"&amp;"b"</f><v>ab</v>',
          '<f>NOW()</f>',
          '<v>#N/A</v>',
          '<f t="shared" si="0" ref="A1:A9"/>',
          '<f t="shared" si="7"/><v>1</v>',
          '<f t="array" ref="A1:B2">A1:B2*2</f><v>2</v>',
          '<f>DATE(1980,3,5)</f><v>29285</v>',
        ]);
        const t = f.includes('#') ? ' t="e"' : f.includes('"a"') ? ' t="str"' : '';
        setText(SHEET, replaceOne(sheet, CELL, rng, (m) => `<c r="${cellAt(m)}"${t}>${f}</c>`));
        break;
      }
      case 'type': {
        const t = rng.pick(['s', 'n', 'b', 'e', 'str', 'inlineStr', 'd', 'x', '']);
        const v = rng.pick(['0', '1', '2', '99999', '-1', 'abc', '2025-01-01', '1e308']);
        setText(SHEET, replaceOne(sheet, CELL, rng, (m) => `<c r="${cellAt(m)}" t="${t}"><v>${v}</v></c>`));
        break;
      }
      case 'empty-rows': {
        const last = Math.max(0, ...matches(sheet, /<row r="(\d+)"/).map((m) => Number(m.groups[0])));
        const rows: string[] = [];
        for (let i = 0, r = last; i < rng.int(1, 5); i++) {
          r += rng.int(1, 30);
          rows.push(
            rng.pick([
              `<row r="${r}"/>`,
              `<row r="${r}"><c r="B${r}"/></row>`,
              `<row r="${r}"><c r="B${r}" t="inlineStr"><is><t>\u200B</t></is></c></row>`,
              `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`,
              `<row r="${r}"><c r="B${r}" t="inlineStr"><is><t>${xmlText(hostileString(rng))}</t></is></c></row>`,
            ]),
          );
        }
        setText(SHEET, sheet.replace('</sheetData>', `${rows.join('')}</sheetData>`));
        break;
      }
      case 'delete':
        setText(SHEET, replaceOne(sheet, rng.chance(0.6) ? CELL : ROW, rng, () => ''));
        break;
      case 'dup-row':
        setText(SHEET, replaceOne(sheet, ROW, rng, (m) => m.text + m.text));
        break;
      case 'unbalanced': {
        const p = rng.pick([SHEET, SHEET, SST, 'xl/workbook.xml', 'xl/styles.xml', '[Content_Types].xml']);
        const t = text(files, p);
        if (t !== null) setText(p, unbalance(t, rng));
        notes.push(`unbalanced ${p}`);
        continue;
      }
      case 'rownum': {
        const r = rng.pick<number | string>([rng.int(1, 1_048_576), rng.int(1, 40), 0, -1, 'abc', '1e3', 1_048_577, 50_000_000, 2_000_000_000, '']);
        setText(SHEET, replaceOne(sheet, /<row r="\d+"/, rng, () => `<row r="${r}"`));
        notes.push(`rownum ${r}`);
        continue;
      }
      case 'cellref': {
        const r = rng.pick(['A0', 'ZZZ1', 'XFE1', '', 'a4', '4A', '$A$4', 'A1048577', 'AAAA1', 'B99999999999']);
        setText(SHEET, replaceOne(sheet, /<c r="[A-Z]+\d+"/, rng, () => `<c r="${r}"`));
        notes.push(`cellref ${r}`);
        continue;
      }
      case 'merge': {
        const ref = rng.chance(0.7)
          ? `${String.fromCharCode(65 + rng.int(0, 12))}${rng.int(1, 30)}:${String.fromCharCode(65 + rng.int(0, 12))}${rng.int(1, 40)}`
          : rng.pick(['A1:XFD1048576', 'A5:B1048576', 'A1:', 'Z9:A1', 'A1:A1', 'B4:B4000000']);
        const mc = `<mergeCell ref="${ref}"/>`;
        setText(SHEET, /<mergeCells[^>]*>/.test(sheet) ? sheet.replace(/<mergeCells[^>]*>/, (m) => m + mc) : sheet.replace('</sheetData>', `</sheetData><mergeCells count="1">${mc}</mergeCells>`));
        notes.push(`merge ${ref}`);
        continue;
      }
      case 'drop-part': {
        const p = rng.pick([SST, 'xl/styles.xml', 'xl/workbook.xml', '[Content_Types].xml', 'xl/_rels/workbook.xml.rels', SHEET, 'docProps/core.xml']);
        delete files[p];
        notes.push(`drop ${p}`);
        continue;
      }
      case 'workbook': {
        const wb = text(files, 'xl/workbook.xml');
        if (wb === null) break;
        const edit = rng.int(0, 3);
        const next =
          edit === 0
            ? wb.replace(/<workbookPr[^>]*\/>/, '<workbookPr date1904="1"/>')
            : edit === 1
              ? wb.replace(/<sheet /, '<sheet state="hidden" ')
              : edit === 2
                ? wb.replace(/<sheet name="[^"]*"/, `<sheet name="${xmlText(hostileString(rng))}"`)
                : wb.replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>');
        setText('xl/workbook.xml', next);
        notes.push(`workbook edit ${edit}`);
        continue;
      }
      case 'style':
        setText(SHEET, replaceOne(sheet, / s="\d+"/, rng, () => ` s="${rng.pick(['9999', '-1', 'x', '4'])}"`));
        break;
      case 'many-rows': {
        const rows = matches(sheet, /<row r="(\d+)"[^>]*>[\s\S]*?<\/row>/).slice(-3);
        if (rows.length === 0) break;
        const last = Math.max(...rows.map((m) => Number(m.groups[0])));
        const extra: string[] = [];
        for (let i = 1; i <= 1500; i++) {
          const m = rows[i % rows.length]!;
          const r = last + i;
          extra.push(m.text.replace(/ r="(\d+)"/, ` r="${r}"`).replace(/ r="([A-Z]+)\d+"/g, ` r="$1${r}"`));
        }
        setText(SHEET, sheet.replace('</sheetData>', `${extra.join('')}</sheetData>`));
        break;
      }
    }
    notes.push(op);
  }
  let bytes: Uint8Array = zipSync(files);
  if (byteOp === 'flip') {
    const f = flipBytes(bytes, rng, 8);
    bytes = f.bytes;
    notes.push(f.note);
  } else if (byteOp === 'truncate') {
    const t = truncate(bytes, rng);
    bytes = t.bytes;
    notes.push(t.note);
  }
  return { bytes, note: notes.join(', ') };
}

/** A column mapping chosen by a confused (or hostile) user: fields on random columns, twice, or nowhere. */
function randomMapping(rng: Rng, fields: readonly string[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of fields) if (rng.chance(0.6)) out[f] = rng.chance(0.2) ? null : rng.pick([0, 1, 2, 3, rng.int(0, 15), 200]);
  return out;
}

// ---- .docx --------------------------------------------------------------------------------

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const HOSTILE_ATTR = ['1e999', '-5', '0', '99999999999', 'abc', '', '2147483648', '-2147483649', '1.5', 'NaN', 'Infinity', '32767', '9', '8', '-1'];
const PLAN_TEXT = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  'II. NỘI DUNG',
  '1. Đối tượng',
  'a) Cá nhân',
  '- Tổ chức thực hiện',
  '+ Khen thưởng',
  'KẾ HOẠCH',
  'Số: 12/KH-UBND',
  'Nơi nhận:',
  'TM. ỦY BAN NHÂN DÂN',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'Lào Cai, ngày 05 tháng 3 năm 2026',
  'Quý I',
  'STT',
];

function parseXml(xml: string): XmlDocument {
  return new DOMParser({ onError: () => {} }).parseFromString(xml, 'text/xml');
}

const serialize = (d: XmlDocument) => new XMLSerializer().serializeToString(d);

function els(d: XmlDocument | XmlElement, tag: string): XmlElement[] {
  return Array.from(d.getElementsByTagName(tag));
}

function wEl(d: XmlDocument, tag: string, attrs: Record<string, string> = {}): XmlElement {
  const e = d.createElementNS(W, `w:${tag}`);
  for (const [k, v] of Object.entries(attrs)) e.setAttributeNS(W, `w:${k}`, v);
  return e;
}

const DOCX_OPS = ['flip', 'truncate', 'delete', 'dup-runs', 'ctrl-text', 'plan-text', 'shuffle', 'unbalanced', 'numbering', 'numPr', 'gridSpan', 'deep', 'rels', 'huge-text', 'styles', 'vMerge'] as const;

function mutateDocx(good: Uint8Array, rng: Rng): { bytes: Uint8Array; note: string } {
  const files: Files = unzipSync(good);
  const notes: string[] = [];
  let byteOp: 'flip' | 'truncate' | null = null;
  const DOC = 'word/document.xml';
  const n = rng.int(1, 3);
  for (let k = 0; k < n; k++) {
    const op = rng.pick(DOCX_OPS);
    const xml = text(files, DOC);
    const editDoc = (fn: (d: XmlDocument) => void) => {
      if (xml === null) return;
      let d: XmlDocument;
      try {
        d = parseXml(xml);
      } catch {
        return; // an earlier mutation broke the markup: leave it broken
      }
      fn(d);
      files[DOC] = strToU8(serialize(d));
    };
    switch (op) {
      case 'flip':
      case 'truncate':
        byteOp = op;
        break;
      case 'delete':
        editDoc((d) => {
          const body = els(d, 'w:body')[0];
          if (!body) return;
          const all = els(body, '*');
          for (let i = 0, m = rng.int(1, 12); i < m && all.length; i++) {
            const e = rng.pick(all);
            e.parentNode?.removeChild(e);
          }
        });
        break;
      case 'dup-runs':
        editDoc((d) => {
          const runs = els(d, 'w:r');
          if (!runs.length) return;
          const r = rng.pick(runs);
          for (let i = 0, m = rng.pick([1, 5, 200]); i < m; i++) r.parentNode?.insertBefore(r.cloneNode(true), r);
        });
        break;
      case 'ctrl-text':
      case 'plan-text':
      case 'huge-text':
        editDoc((d) => {
          const ts = els(d, 'w:t');
          if (!ts.length) return;
          for (let i = 0, m = rng.int(1, 6); i < m; i++) {
            const t = rng.pick(ts);
            t.textContent =
              op === 'ctrl-text'
                ? `${hostileString(rng)}\u0001\u0008${randomString(rng, 20)}`
                : op === 'huge-text'
                  ? 'Đ'.repeat(rng.pick([10_000, 300_000]))
                  : `${rng.pick(PLAN_TEXT)} ${rng.chance(0.3) ? hostileString(rng) : ''}`;
          }
        });
        break;
      case 'shuffle':
        editDoc((d) => {
          const body = els(d, 'w:body')[0];
          if (!body) return;
          const kids = Array.from(body.childNodes).filter((c) => c.nodeType === 1 && (c as XmlElement).localName !== 'sectPr');
          for (const c of kids) body.removeChild(c);
          const sect = els(body, 'w:sectPr')[0] ?? null;
          for (const c of rng.shuffle(kids)) body.insertBefore(c, sect);
        });
        break;
      case 'unbalanced':
        if (xml !== null) files[DOC] = strToU8(unbalance(xml, rng));
        break;
      case 'numbering': {
        const num = text(files, 'word/numbering.xml');
        if (num === null) {
          notes.push('numbering (none: numPr instead)');
          k--;
          continue;
        }
        const attr = rng.pick(['start', 'ilvl', 'numFmt', 'lvlText', 'startOverride', 'abstractNumId', 'numId']);
        const v =
          attr === 'numFmt'
            ? rng.pick(['upperRoman', 'lowerRoman', 'upperLetter', 'lowerLetter', 'decimalZero', 'bullet', 'none', 'chineseCounting', ''])
            : attr === 'lvlText'
              ? rng.pick(['%1.', '%9.%8.%1', '%0', '%1%1%1%1%1%1', '', '%', 'Điều %1:', '%10'])
              : rng.pick(HOSTILE_ATTR);
        const re = attr === 'ilvl' ? /(<w:lvl [^>]*w:ilvl=")([^"]*)(")/ : new RegExp(`(<w:${attr}\\b[^>]*w:val=")([^"]*)(")`);
        let next = num;
        for (let i = 0, m = rng.int(1, 5); i < m; i++) next = replaceOne(next, re, rng, (mm) => `${mm.groups[0]}${xmlText(v)}${mm.groups[2]}`) ?? next;
        files['word/numbering.xml'] = strToU8(next);
        notes.push(`numbering ${attr}=${v}`);
        continue;
      }
      case 'numPr': {
        const ilvl = rng.pick(HOSTILE_ATTR);
        const numId = rng.pick(['1', '2', '3', '0', '999', ...HOSTILE_ATTR]);
        editDoc((d) => {
          const ps = els(d, 'w:p');
          for (let i = 0, m = rng.int(1, 8); i < m && ps.length; i++) {
            const p = rng.pick(ps);
            let pPr = els(p, 'w:pPr')[0];
            if (!pPr) {
              pPr = wEl(d, 'pPr');
              p.insertBefore(pPr, p.firstChild);
            }
            const numPr = wEl(d, 'numPr');
            numPr.appendChild(wEl(d, 'ilvl', { val: ilvl }));
            numPr.appendChild(wEl(d, 'numId', { val: numId }));
            pPr.appendChild(numPr);
          }
        });
        notes.push(`numPr ilvl=${ilvl} numId=${numId}`);
        continue;
      }
      case 'gridSpan':
      case 'vMerge': {
        const v = op === 'gridSpan' ? rng.pick(HOSTILE_ATTR) : rng.pick(['continue', 'restart', '', 'x']);
        editDoc((d) => {
          let tcs = els(d, 'w:tc');
          if (!tcs.length) {
            const body = els(d, 'w:body')[0];
            if (!body) return;
            const tbl = wEl(d, 'tbl');
            const tr = wEl(d, 'tr');
            const tc = wEl(d, 'tc');
            const p = wEl(d, 'p');
            const r = wEl(d, 'r');
            const t = wEl(d, 't');
            t.textContent = 'Nội dung';
            r.appendChild(t);
            p.appendChild(r);
            tc.appendChild(p);
            tr.appendChild(tc);
            tbl.appendChild(tr);
            body.insertBefore(tbl, body.firstChild);
            tcs = [tc];
          }
          for (let i = 0, m = rng.int(1, 4); i < m; i++) {
            const tc = rng.pick(tcs);
            let tcPr = els(tc, 'w:tcPr')[0];
            if (!tcPr) {
              tcPr = wEl(d, 'tcPr');
              tc.insertBefore(tcPr, tc.firstChild);
            }
            tcPr.appendChild(wEl(d, op, { val: v }));
          }
        });
        notes.push(`${op}=${v}`);
        continue;
      }
      case 'deep': {
        const depth = rng.pick([50, 1000, 20_000]);
        const wrap = rng.pick(['sdt', 'tbl', 'hyperlink']);
        if (xml === null) break;
        const open = wrap === 'sdt' ? '<w:sdt><w:sdtContent>' : wrap === 'tbl' ? '<w:tbl><w:tr><w:tc>' : '<w:hyperlink>';
        const close = wrap === 'sdt' ? '</w:sdtContent></w:sdt>' : wrap === 'tbl' ? '</w:tc></w:tr></w:tbl>' : '</w:hyperlink>';
        const inner = wrap === 'hyperlink' ? '<w:r><w:t>Sâu</w:t></w:r>' : '<w:p><w:r><w:t>Sâu</w:t></w:r></w:p>';
        const nest = open.repeat(depth) + inner + close.repeat(depth);
        const block = wrap === 'hyperlink' ? `<w:p>${nest}</w:p>` : nest;
        files[DOC] = strToU8(xml.replace(/<w:body>/, `<w:body>${block}`));
        notes.push(`deep ${wrap}×${depth}`);
        continue;
      }
      case 'rels': {
        const rels = text(files, '_rels/.rels');
        if (rels === null) break;
        const target = rng.pick(['../../etc/passwd', '/word/styles.xml', 'word/missing.xml', '', 'word/document.xml ', 'C:\\x.xml', 'word/numbering.xml']);
        files['_rels/.rels'] = strToU8(rels.replace(/(officeDocument"[^>]*Target=")[^"]*"|(Target=")[^"]*("[^>]*officeDocument")/, (m, a, b, c) => (a ? `${a}${xmlText(target)}"` : `${b}${xmlText(target)}${c}`)));
        notes.push(`rels target ${JSON.stringify(target)}`);
        continue;
      }
      case 'styles': {
        const st = text(files, 'word/styles.xml');
        if (st === null) break;
        const edit = rng.int(0, 2);
        let next = st;
        if (edit === 0) next = replaceOne(st, /<w:basedOn w:val="[^"]*"/, rng, () => `<w:basedOn w:val="${rng.pick(['Normal', 'Heading1', 'x', ''])}"`) ?? st;
        else if (edit === 1) next = st.replace(/<w:style /g, (m) => (rng.chance(0.3) ? `${m}w:default="1" ` : m));
        else next = unbalance(st, rng);
        files['word/styles.xml'] = strToU8(next);
        notes.push(`styles edit ${edit}`);
        continue;
      }
    }
    notes.push(op);
  }
  let bytes: Uint8Array = zipSync(files);
  if (byteOp === 'flip') {
    const f = flipBytes(bytes, rng, 8);
    bytes = f.bytes;
    notes.push(f.note);
  } else if (byteOp === 'truncate') {
    const t = truncate(bytes, rng);
    bytes = t.bytes;
    notes.push(t.note);
  }
  return { bytes, note: notes.join(', ') };
}

function mutateText(good: string, rng: Rng): { bytes: Uint8Array; note: string } {
  const op = rng.int(0, 5);
  const lines = good.split('\n');
  let t = good;
  if (op === 0) t = good.slice(0, rng.int(0, good.length));
  else if (op === 1) for (let i = 0; i < 10; i++) lines.splice(rng.int(0, lines.length), 0, hostileString(rng));
  else if (op === 2) t = rng.shuffle(lines).join('\n');
  else if (op === 3) t = `\uFEFF${good.replace(/\n/g, '\r\n')}\u0000`;
  else if (op === 4) for (let i = 0; i < 10; i++) lines[rng.int(0, lines.length - 1)] = rng.pick(PLAN_TEXT);
  if (op === 1 || op === 4) t = lines.join('\n');
  let bytes: Uint8Array = strToU8(t);
  if (op === 5) bytes = flipBytes(bytes, rng, 30).bytes; // invalid UTF-8 too
  return { bytes, note: `text op ${op}` };
}

/** A plan's .json (what "Xuất dữ liệu kế hoạch (.json)" writes) with one thing broken or odd. */
function mutatePlanJson(good: string, rng: Rng): { bytes: Uint8Array; note: string } {
  const op = rng.int(0, 6);
  const value = JSON.parse(good) as unknown;
  // every object and array inside, with the key or index that holds it
  const slots: Array<{ parent: Record<string, unknown> | unknown[]; key: string | number }> = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        slots.push({ parent: v, key: i });
        walk(x);
      });
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        slots.push({ parent: v as Record<string, unknown>, key: k });
        walk(x);
      }
    }
  };
  walk(value);
  const slot = rng.pick(slots);
  const set = (x: unknown) => ((slot.parent as Record<string | number, unknown>)[slot.key] = x);
  let text: string;
  if (op === 0) text = good.slice(0, rng.int(0, good.length));
  else {
    if (op === 1) {
      if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
      else delete slot.parent[slot.key as string];
    } else if (op === 2) set(hostileString(rng));
    else if (op === 3) set(rng.pick([null, 0, -1, 1e308, true, [], {}, 'KẾ HOẠCH'.normalize('NFD')]));
    else if (op === 4) set(Array.from({ length: 2000 }, () => hostileString(rng)));
    else if (op === 5) (value as { schemaVersion: unknown }).schemaVersion = rng.pick([0, 2, '1', null]);
    text = JSON.stringify(value);
  }
  let bytes: Uint8Array = strToU8(text);
  if (op === 6) bytes = flipBytes(bytes, rng, 20).bytes;
  return { bytes, note: `json op ${op}${op >= 1 && op <= 4 ? ` at ${String(slot.key)}` : ''}` };
}

// ---- the cases ----------------------------------------------------------------------------------

describe('hostile inputs are refused cleanly and change nothing', () => {
  it(`exchange bundles (${CASES.bundle} cases: verify, preview, apply)`, { timeout: 120_000 * SCALE }, async () => {
    const rng = makeRng(SEED ^ 0x0b0d1e);
    // two valid bundles: an office's units and staff; an office with award records and a
    // submitted dossier (documents/ and attachments/ entries carried with their records)
    const a = await makeOffice(OFFICE_A, path.join(work, 'office-a.sqlite'));
    const simple = await exportBytes(a);
    a.close();
    const d = await makeDossierOffice(DOSSIER_OFFICE, path.join(work, 'office-d.sqlite'));
    await buildDossier(d, DOSSIER_OFFICE, { docNumber: 5 });
    const rich = await exportBytes(d.core);
    d.core.close();
    const bases = [
      { name: 'simple', good: simple as Uint8Array, files: unzipSync(simple) as Files },
      { name: 'dossier', good: rich as Uint8Array, files: unzipSync(rich) as Files },
    ];
    expect(Object.keys(bases[1]!.files).some((p) => p.startsWith('attachments/'))).toBe(true);
    const base = path.join(work, 'province.sqlite');
    closeClean(await makeProvince(base));
    const h = await new Harness(base, work, TODAY).open();
    try {
      for (let i = 0; i < CASES.bundle; i++) {
        const b = i < bases.length ? bases[i]! : rng.pick(bases);
        const m = i < bases.length ? { bytes: b.good, note: 'unchanged' } : mutateBundle(b.files, b.good, rng, h.core.ctx.officeId);
        const label = `bundle #${i} ${b.name} [${m.note}]`;
        note(label);
        const input = src(m.bytes);
        const v = await h.call(findings, label, 'exchange.verify', input, true);
        const pv = await h.call(findings, label, 'exchange.preview', input, true);
        const ap = await h.call(findings, label, 'exchange.apply', { ...input, resolveAll: 'incoming' });
        if (pv?.ok && !v?.ok) findings.add(label, 'preview accepted what verify refused');
        if (ap?.ok && !pv?.ok) findings.add(label, 'apply accepted what preview refused');
        if (i < bases.length && !ap?.ok) findings.add(label, `the unchanged bundle was refused: ${JSON.stringify(ap)}`);
        if (ap?.ok) {
          // everything the bundle carries is here now, and the history says so
          const sqlite = h.core.ctx.conn.sqlite;
          const got: Files = unzipSync(m.bytes);
          const manifest = JSON.parse(strFromU8(got['manifest.json']!)) as { bundleId: string };
          const hist = sqlite.prepare("SELECT COUNT(*) AS n FROM exchange_history WHERE bundle_id = ? AND direction = 'in'").get(manifest.bundleId) as { n: number };
          if (hist.n !== 1) findings.add(label, `applied but exchange_history has ${hist.n} rows for the bundle`);
          for (const p of Object.keys(got).filter((x) => x.startsWith('data/'))) {
            const kind = entityKind(p.slice(5, -5))!;
            const table = kind.table;
            for (const rec of JSON.parse(strFromU8(got[p]!)) as Json[]) {
              if (kind.ignoreIncoming?.(rec, h.core.ctx.officeId)) continue;
              const row = sqlite.prepare(`SELECT updated_at FROM "${table}" WHERE id = ?`).get(rec.id) as { updated_at: string } | undefined;
              if (!row) findings.add(label, `applied but ${table} ${String(rec.id)} is missing`);
            }
          }
          for (const x of integrityProblems(h.core)) findings.add(label, x);
          await h.reset();
        }
      }
    } finally {
      h.close();
    }
    expectNoProblems('bundle');
  });

  it(`staff .xlsx (${CASES.staff} cases: importPreview, importApply)`, { timeout: 120_000 * SCALE }, async () => {
    const rng = makeRng(SEED ^ 0x57aff);
    const base = path.join(work, 'staff.sqlite');
    {
      const core = await createCore({ dbPath: base, host: 'test', today: () => TODAY });
      await core.invoke('office.save', OFFICE);
      for (const name of FIXTURE_UNITS) await core.invoke('units.create', { name });
      closeClean(core);
    }
    const good = new Uint8Array(fs.readFileSync(STAFF_GOOD_PATH));
    const h = await new Harness(base, work, TODAY).open();
    try {
      for (let i = 0; i < CASES.staff; i++) {
        const m = i === 0 ? { bytes: good, note: 'unchanged' } : mutateXlsx(good, rng);
        const label = `staff #${i} [${m.note}]`;
        note(label);
        const mapping = i > 0 && rng.chance(0.15) ? randomMapping(rng, STAFF_IMPORT_FIELDS) : undefined;
        const input = { fileName: 'danh-sach.xlsx', fileBase64: b64(m.bytes), ...(mapping ? { mapping } : {}) };
        const staffBefore = count(h.core, 'staff');
        const pv = await h.call(findings, label, 'staff.importPreview', input, true);
        const ap = await h.call(findings, label, 'staff.importApply', input);
        if (!pv || !ap) continue;
        if (!pv.ok) {
          if (ap.ok) findings.add(label, 'apply accepted what preview refused');
          continue;
        }
        const p = pv.data as { validRows: number; errors: unknown[]; sample: { fullName: string; birthDate: string | null }[] };
        const shouldApply = p.errors.length === 0 && p.validRows > 0;
        if (ap.ok !== shouldApply) findings.add(label, `preview said ${p.validRows} valid rows and ${p.errors.length} errors, but apply ${ap.ok ? 'accepted' : 'refused'}`);
        if (i === 0 && !(ap.ok && p.validRows === 5)) findings.add(label, `the unchanged file did not import its 5 people: ${JSON.stringify(ap)}`);
        if (ap.ok) {
          const imported = (ap.data as { imported: number }).imported;
          const added = count(h.core, 'staff') - staffBefore;
          if (imported !== p.validRows || added !== p.validRows) findings.add(label, `preview ${p.validRows} valid rows, apply reported ${imported}, database gained ${added}`);
          if (p.validRows <= p.sample.length) {
            const rows = h.core.ctx.conn.sqlite.prepare('SELECT full_name, birth_date FROM staff').all() as { full_name: string; birth_date: string | null }[];
            const key = (n: string, b: string | null) => `${n}|${b ?? ''}`;
            const have = rows.map((r) => key(r.full_name, r.birth_date)).sort();
            const want = p.sample.map((s) => key(s.fullName, s.birthDate)).sort();
            if (JSON.stringify(have) !== JSON.stringify(want)) findings.add(label, `imported rows differ from the preview: ${JSON.stringify(have).slice(0, 300)} vs ${JSON.stringify(want).slice(0, 300)}`);
          }
          for (const x of integrityProblems(h.core)) findings.add(label, x);
          await h.reset();
        }
      }
    } finally {
      h.close();
    }
    expectNoProblems('staff');
  });

  it(`records .xlsx (${CASES.records} cases: importPreview, importApply)`, { timeout: 120_000 * SCALE }, async () => {
    const rng = makeRng(SEED ^ 0x2ec0d5);
    const base = path.join(work, 'records.sqlite');
    {
      const core = await createCore({ dbPath: base, host: 'test', today: () => TODAY });
      await core.invoke('office.save', OFFICE);
      const units = { vp: (await core.invoke('units.create', { name: HISTORY_UNITS.vp })).id, ncc: (await core.invoke('units.create', { name: HISTORY_UNITS.ncc })).id };
      for (const p of PEOPLE) {
        await core.invoke('staff.create', { fullName: p.fullName, birthDate: p.birthDate, gender: p.gender, unitId: units[p.unit], employmentStart: '2015-01-01' });
      }
      closeClean(core);
    }
    const good = new Uint8Array(await historyWorkbook(GOOD_ROWS));
    const h = await new Harness(base, work, TODAY).open();
    try {
      for (let i = 0; i < CASES.records; i++) {
        const m = i === 0 ? { bytes: good, note: 'unchanged' } : mutateXlsx(good, rng);
        const label = `records #${i} [${m.note}]`;
        note(label);
        const mapping = i > 0 && rng.chance(0.15) ? randomMapping(rng, RECORDS_IMPORT_FIELDS) : undefined;
        const input = { fileName: 'khen-thuong.xlsx', fileBase64: b64(m.bytes), ...(mapping ? { mapping } : {}) };
        const pv = await h.call(findings, label, 'records.importPreview', input, true);
        const ap = await h.call(findings, label, 'records.importApply', input);
        if (!pv || !ap) continue;
        if (!pv.ok) {
          if (ap.ok) findings.add(label, 'apply accepted what preview refused');
          continue;
        }
        const p = pv.data as { validRows: number; errors: unknown[] };
        const shouldApply = p.errors.length === 0 && p.validRows > 0;
        if (ap.ok !== shouldApply) findings.add(label, `preview said ${p.validRows} valid rows and ${p.errors.length} errors, but apply ${ap.ok ? 'accepted' : 'refused'}`);
        if (i === 0 && !ap.ok) findings.add(label, `the unchanged workbook was refused: ${JSON.stringify(ap)}`);
        if (ap.ok) {
          for (const x of integrityProblems(h.core)) findings.add(label, x);
          // importing the same file again adds nothing
          const before = count(h.core, 'person_year') + count(h.core, 'award_recipient') + count(h.core, 'award_decision') + count(h.core, 'initiative');
          const again = await h.call(findings, `${label} (again)`, 'records.importApply', input);
          const after = count(h.core, 'person_year') + count(h.core, 'award_recipient') + count(h.core, 'award_decision') + count(h.core, 'initiative');
          if (again?.ok && after !== before) findings.add(label, `a second import of the same file added ${after - before} rows`);
          await h.reset();
        }
      }
    } finally {
      h.close();
    }
    expectNoProblems('records');
  });

  it(`plan .docx/.txt (${CASES.plans} cases, reference plans included: plans.import)`, { timeout: 120_000 * SCALE }, async () => {
    const rng = makeRng(SEED ^ 0x91a45);
    const base = path.join(work, 'plans.sqlite');
    {
      const core = await createCore({ dbPath: base, host: 'test', today: () => TODAY });
      await core.invoke('office.save', OFFICE);
      closeClean(core);
    }
    const refs = fs.readdirSync(REFERENCE_PLANS).filter((f) => f.endsWith('.docx'));
    expect(refs.length).toBeGreaterThan(0);
    const docx: { name: string; bytes: Uint8Array }[] = [
      ...refs.map((f) => ({ name: f, bytes: new Uint8Array(fs.readFileSync(path.join(REFERENCE_PLANS, f))) })),
      { name: 'tan-phong.docx', bytes: await buildTanPhongDocx() },
    ];
    const txt = fs
      .readdirSync(REFERENCE_PLANS)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => ({ name: f, text: fs.readFileSync(path.join(REFERENCE_PLANS, f), 'utf8') }));
    const h = await new Harness(base, work, TODAY).open();
    try {
      for (let i = 0; i < CASES.plans; i++) {
        let fileName: string;
        let m: { bytes: Uint8Array; note: string };
        if (i < docx.length) {
          fileName = docx[i]!.name;
          m = { bytes: docx[i]!.bytes, note: 'unchanged' };
        } else if (rng.chance(0.15) && txt.length) {
          const t = rng.pick(txt);
          fileName = t.name;
          m = mutateText(t.text, rng);
        } else {
          const d = rng.pick(docx);
          fileName = rng.chance(0.9) ? d.name : rng.pick(['KE HOACH.DOCX', 'ke-hoach', 'ke-hoach.doc', 'a.docx.exe', '.docx']);
          m = mutateDocx(d.bytes, rng);
        }
        const label = `plans #${i} ${fileName} [${m.note}]`;
        note(label);
        const campaignId = i >= docx.length && rng.chance(0.05) ? '0190a000-0000-7000-8000-000000000000' : null;
        const plansBefore = count(h.core, 'plan');
        const r = await h.call(findings, label, 'plans.import', { fileName, fileBase64: b64(m.bytes), campaignId });
        if (!r) continue;
        if (i < docx.length && !r.ok) findings.add(label, `the unchanged plan was refused: ${JSON.stringify(r.error)}`);
        if (r.ok) {
          const id = (r.data as { record: { id: string } }).record.id;
          if (count(h.core, 'plan') !== plansBefore + 1) findings.add(label, 'accepted but the plan count did not grow by one');
          const back = await h.call(findings, label, 'plans.get', { id }, true);
          if (!back?.ok) findings.add(label, 'the imported plan cannot be read back');
          for (const x of integrityProblems(h.core)) findings.add(label, x);
        }
      }
    } finally {
      h.close();
    }
    expectNoProblems('plans');
  });

  it(`plan .json (${CASES.planJson} cases: plans.import of what "Xuất dữ liệu kế hoạch (.json)" wrote, broken)`, { timeout: 120_000 * SCALE }, async () => {
    const rng = makeRng(SEED ^ 0x5a0d1);
    const base = path.join(work, 'plan-json.sqlite');
    let good = '';
    {
      const core = await createCore({ dbPath: base, host: 'test', today: () => TODAY });
      await core.invoke('office.save', OFFICE);
      const ref = fs.readdirSync(REFERENCE_PLANS).find((f) => f.endsWith('.docx'))!;
      const { record } = await core.invoke('plans.import', { fileName: ref, fileBase64: b64(new Uint8Array(fs.readFileSync(path.join(REFERENCE_PLANS, ref)))) });
      const file = await core.invoke('plans.export', { id: record.id, format: 'json' });
      good = Buffer.from(file.base64, 'base64').toString('utf8');
      closeClean(core);
    }
    const h = await new Harness(base, work, TODAY).open();
    try {
      for (let i = 0; i < CASES.planJson; i++) {
        const m = i === 0 ? { bytes: strToU8(good), note: 'unchanged' } : mutatePlanJson(good, rng);
        const label = `plan json #${i} [${m.note}]`;
        note(label);
        const plansBefore = count(h.core, 'plan');
        const r = await h.call(findings, label, 'plans.import', { fileName: 'ke-hoach.json', fileBase64: b64(m.bytes) });
        if (!r) continue;
        if (i === 0 && !r.ok) findings.add(label, `the unchanged plan was refused: ${JSON.stringify(r.error)}`);
        if (r.ok) {
          const id = (r.data as { record: { id: string } }).record.id;
          if (count(h.core, 'plan') !== plansBefore + 1) findings.add(label, 'accepted but the plan count did not grow by one');
          const back = await h.call(findings, label, 'plans.get', { id }, true);
          if (!back?.ok) findings.add(label, 'the imported plan cannot be read back');
          // what the editor shows and prints: the plan renders as an official document
          const doc = await h.call(findings, label, 'plans.export', { id, format: 'docx' }, true);
          if (!doc?.ok) findings.add(label, 'the imported plan cannot be exported to Word');
          for (const x of integrityProblems(h.core)) findings.add(label, x);
        }
      }
    } finally {
      h.close();
    }
    expectNoProblems('plan json');
  });

  it('at least 200 cases ran', () => {
    expect(findings.cases).toBeGreaterThanOrEqual(200);
  });
});
