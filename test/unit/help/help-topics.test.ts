// The Hướng dẫn says what the app does: every label it quotes is one the app shows, the rule
// sets' years are those the checker picks, and its search folds diacritics.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBeforeCoverage, ruleSetFor, RULE_SETS } from '../../../shared/awards';
import { TOPICS, type HelpTopic } from '../../../renderer/features/help/strings';
import { findTopics, topicsTitled } from '../../../renderer/features/help/find';

const RENDERER = path.resolve(__dirname, '../../../renderer');

function sourcesOutsideHelp(dir: string): string {
  let text = '';
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'help') text += sourcesOutsideHelp(p);
    } else if (/\.tsx?$/.test(e.name)) text += fs.readFileSync(p, 'utf8');
  }
  return text;
}

const texts = (t: HelpTopic) => [t.title, t.intro ?? '', ...(t.steps ?? []).map((s) => s.text), ...(t.keys ?? []).map((k) => k.title)];

describe('Hướng dẫn', () => {
  it('quotes only labels the app shows (buttons, tabs, screens)', () => {
    const app = sourcesOutsideHelp(RENDERER);
    const quoted = TOPICS.flatMap(texts).flatMap((s) => [...s.matchAll(/“([^”]+)”/g)].map((m) => m[1]!));
    expect(quoted.length).toBeGreaterThan(40);
    const missing = [...new Set(quoted)].filter((label) => !app.includes(label));
    expect(missing).toEqual([]);
  });

  it('gives each rule set the years the checker judges by it', () => {
    const lines = TOPICS.find((t) => t.id === 'quy-dinh')!.steps!.map((s) => s.text);
    for (const rs of RULE_SETS.filter((r) => !r.draft)) {
      const line = lines.find((l) => l.startsWith(`${rs.name}:`))!;
      expect(line).toBeTruthy();
      const m = /thành tích (?:các năm (\d{4}) – (\d{4})|năm (\d{4})|từ năm (\d{4}))/.exec(line)!;
      const from = Number(m[1] ?? m[3] ?? m[4]);
      const to = Number(m[2] ?? m[3] ?? 2040);
      for (let y = from; y <= to; y++) expect(ruleSetFor(y).id, `${y}`).toBe(rs.id);
      // the year before is another set's (before NĐ 91/2017 the first set stands in: nothing to compare)
      if (!isBeforeCoverage(from - 1)) expect(ruleSetFor(from - 1).id).not.toBe(rs.id);
      if (m[2] || m[3]) expect(ruleSetFor(to + 1).id).not.toBe(rs.id);
    }
  });

  it('names what the checker judges, from which year, and what it only records', () => {
    const line = TOPICS.find((t) => t.id === 'quy-dinh')!.steps!.map((s) => s.text).find((l) => l.startsWith('Được xét tự động'))!;
    const [judged, others] = line.split('. ');
    expect(judged).toContain('LĐTT, CSTĐCS');
    expect(judged).toContain('HCLĐ hạng Ba (cá nhân, từ năm 2024)');
    expect(judged).not.toContain('Kỷ niệm chương');
    expect(others).toMatch(/Kỷ niệm chương: chỉ ghi nhận trong quyết định và hồ sơ/);
    // every judged form is judged by some set for every year of the newest one
    for (const code of ['LDTT', 'BK_TTG', 'HCLD_HANG_BA'] as const) expect(ruleSetFor(2025).individual.map((a) => a.code)).toContain(code);
  });

  it('is searched without diacritics, words in any order', () => {
    const ids = (q: string) => findTopics(TOPICS, q).map((t) => t.id);
    expect(ids('')).toEqual(TOPICS.map((t) => t.id));
    expect(ids('sao luu usb')).toContain('sao-luu');
    expect(ids('sao luu usb')).not.toContain('phim-tat');
    expect(ids('KIEM TRA dieu kien')).toContain('nam-cong-tac');
    expect(ids('hoan tac')).toEqual(expect.arrayContaining(['xoa-nham', 'phim-tat']));
    expect(ids('ctrl+k')).toEqual(expect.arrayContaining(['tim-kiem', 'phim-tat']));
    // the bundle of every office's data is not the way to a new computer: both say where that is
    expect(ids('chuyen sang may')).toEqual(expect.arrayContaining(['cap-tren', 'du-lieu']));
    expect(ids('zzqx wwvy')).toEqual([]);
  });

  it('offers the quick search the topics titled like the query, from three letters', () => {
    const titled = (q: string) => topicsTitled(TOPICS, q).map((t) => t.id);
    expect(titled('sao luu')).toEqual(['sao-luu']);
    expect(titled('PHÍM TẮT')).toEqual(['phim-tat']);
    expect(titled('xoa')).toEqual(['xoa-nham']);
    // a name searched for is not a help topic: the help's example «nguyen van an» is in a step, not a title
    expect(titled('nguyen van an')).toEqual([]);
    expect(titled('sa')).toEqual([]);
  });
});
