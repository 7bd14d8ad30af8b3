// A 500-nominee dossier (CSTĐCS for the latest year, nominees from the eligibility checker's
// proposals, council votes, pre-filled reports) rendered to its documents through
// `dossiers.generate` (one DOCX per document: tờ trình with the danh sách appendix, danh
// sách .xlsx, biên bản, 500 báo cáo thành tích) — the first time, again unchanged, again after
// one report was edited — split into checklist and rendering; rendering through the `docx`
// object model (renderDocxViaModel) for comparison, and the `docx` package baseline.
import fs from 'node:fs';
import path from 'node:path';
import type { AwardCode } from '../../shared/awards';
import type { DocSigner, OfficialDocument } from '../../shared/documents/model';
import { baoCaoDocument, bienBanDocument, toTrinhDocument, type DossierDocInput } from '../../shared/dossiers/documents';
import type { NomineeInfo } from '../../shared/dossiers/model';
import { reportTemplate } from '../../shared/dossiers/templates';
import { isoToPartialDate } from '../../shared/text/vn';
import { createCore, type Core } from '../../electron/core/core';
import { renderDocx, renderDocxViaModel } from '../../electron/services/documents/docx';
import { danhSachWorkbook, renderDossierDocuments } from '../../electron/services/dossiers';
import { warmUpRenderers, type ReportToRender } from '../../electron/services/dossiers/render';
import { eligibilityFor } from '../../electron/services/dossiers/records';
import { RECORD_YEARS } from '../dataset';
import { OFFICE } from '../office';
import { meetingFor } from '../populate';
import { aimBelow, type BenchCase, type BenchEnv, type BenchRow } from '../registry';
import { median, nowMs } from '../stats';

const NOMINEES = 500;
const RUNS = 3;

async function medianOf(runs: number, fn: () => Promise<unknown> | unknown): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = nowMs();
    await fn();
    ms.push(nowMs() - t0);
  }
  return median(ms);
}

/** The renderer's input for the dossier, built from what `dossiers.get` and `dossiers.getReport` answer (as the service builds it). */
async function renderInput(core: Core, id: string): Promise<{ input: DossierDocInput; reports: ReportToRender[] }> {
  const d = await core.invoke('dossiers.get', { id });
  const people = new Map(
    (core.ctx.conn.sqlite.prepare('SELECT id, birth_date, gender FROM staff').all() as { id: string; birth_date: string | null; gender: string | null }[]).map((s) => [s.id, s]),
  );
  const nominees: NomineeInfo[] = d.nominees.map((n) => {
    const s = n.staffId ? people.get(n.staffId) : undefined;
    return {
      id: n.id,
      kind: n.kind,
      subjectId: (n.kind === 'person' ? n.staffId : n.unitId) ?? '',
      awardCode: n.awardCode,
      name: n.name,
      position: n.position,
      unitName: n.unitName,
      summary: n.summary,
      votesAgree: n.votesAgree,
      votesTotal: n.votesTotal,
      birthDate: s?.birth_date ?? null,
      gender: s?.gender === 'nam' || s?.gender === 'nu' ? s.gender : null,
    };
  });
  const input: DossierDocInput = {
    office: OFFICE,
    today: core.ctx.today(),
    year: d.year,
    awardCode: d.awardCode,
    campaignName: d.campaignName,
    docNumber: d.docNumber,
    docDate: d.docDate,
    addressee: d.addressee,
    signer: d.signer as DocSigner,
    cover: d.cover,
    meeting: d.meeting,
    nominees,
    minVotePercent: d.minVotePercent,
  };
  const reports: ReportToRender[] = [];
  for (const n of nominees) {
    const r = await core.invoke('dossiers.getReport', { nomineeId: n.id });
    reports.push({ nominee: n, template: reportTemplate(r.template.id)!, content: r.content });
  }
  return { input, reports };
}

/** A one-page báo cáo (header, title, three short paragraphs, signature). */
function onePageReport(i: number): OfficialDocument {
  const p = (text: string) => ({ kind: 'paragraph' as const, runs: [{ text }] });
  return {
    header: { parentAgency: OFFICE.parentAgency, agency: OFFICE.name, numberLine: `Số: ${i + 1}/BC-${OFFICE.abbreviation}`, place: OFFICE.placeName, date: isoToPartialDate('2025-12-10') },
    docType: 'BÁO CÁO',
    title: ['Thành tích đề nghị công nhận danh hiệu Chiến sĩ thi đua cơ sở', `năm ${RECORD_YEARS.to}`],
    bases: [],
    preamble: [],
    body: [
      { kind: 'heading', level: 1, label: 'I.', runs: [{ text: 'SƠ LƯỢC LÝ LỊCH' }] },
      p(`Họ và tên: Người thứ ${i + 1}; chức vụ: Chuyên viên; đơn vị: Phòng Nghiệp vụ ${1 + (i % 2)}.`),
      { kind: 'heading', level: 1, label: 'II.', runs: [{ text: 'THÀNH TÍCH ĐẠT ĐƯỢC' }] },
      p('Hoàn thành xuất sắc nhiệm vụ được giao; có sáng kiến được Hội đồng sáng kiến cơ sở công nhận, áp dụng hiệu quả tại đơn vị.'),
      p('Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước; tích cực tham gia các phong trào thi đua.'),
    ],
    closing: [],
    recipients: [],
    signer: { position: 'NGƯỜI BÁO CÁO', name: `Người thứ ${i + 1}` },
    appendices: [],
    coSigner: { position: 'THỦ TRƯỞNG ĐƠN VỊ', name: OFFICE.headName },
  };
}

/**
 * The dossier, built and generated in a fresh worker thread (its own V8 isolate: nothing is
 * compiled yet, as in an app just started). `warm`: first what the hosts do when the core is
 * idle a few seconds after start (warmUpRenderers), then only the generate rows.
 */
async function runDossier(env: BenchEnv, id: string, warm: boolean): Promise<BenchRow[]> {
  // a copy: the case adds a dossier and stores documents next to its database
  const dir = path.join(env.workDir, warm ? 'dossier-warm' : 'dossier');
  fs.mkdirSync(dir, { recursive: true });
  const dbPath = path.join(dir, 'tdkt.sqlite');
  fs.copyFileSync(env.dbPath, dbPath);
  const core = await createCore({ dbPath, host: 'cli' });
  const rows: BenchRow[] = [];
  try {
    if (warm) {
      const t = nowMs();
      await warmUpRenderers();
      rows.push({ case: id, metric: "the hosts' warm-up of the renderers (warmUpRenderers: a made-up dossier of 24 reports, files discarded)", value: nowMs() - t, unit: 'ms' });
    }
    const year = RECORD_YEARS.to;
    const lookup = eligibilityFor(core.ctx.conn.sqlite, year, OFFICE.name);
    let code: AwardCode = 'CSTDCS';
    let eligible = lookup.subjects(code, 'du_dieu_kien');
    if (eligible.length < NOMINEES) {
      code = 'LDTT';
      eligible = lookup.subjects(code, 'du_dieu_kien');
    }
    const stride = Math.max(1, Math.floor(eligible.length / NOMINEES));
    const chosen = eligible.filter((_, i) => i % stride === 0).slice(0, NOMINEES);

    // building the dossier (not the aim, but what a user waits for too)
    env.log(`  building a ${chosen.length}-nominee ${code} dossier …`);
    let t0 = nowMs();
    const created = await core.invoke('dossiers.create', { year, awardCode: code, title: '' });
    const createMs = nowMs() - t0;
    t0 = nowMs();
    const added = await core.invoke('dossiers.addNominees', {
      id: created.id,
      nominees: chosen.map((s) => ({ kind: s.kind, staffId: s.kind === 'person' ? s.id : null, unitId: s.kind === 'unit' ? s.id : null })),
    });
    const addMs = nowMs() - t0;
    t0 = nowMs();
    await core.invoke('dossiers.saveMeeting', { id: created.id, ...meetingFor(year, added.nominees.map((n) => n.id)) });
    const meetingMs = nowMs() - t0;
    t0 = nowMs();
    await core.invoke('dossiers.prefillReports', { id: created.id });
    const prefillMs = nowMs() - t0;
    const n = added.nominees.length;

    env.log('  generate …');
    const checklist = await core.invoke('dossiers.checklist', { id: created.id });
    if (!checklist.ok) throw new Error(`checklist blocks: ${checklist.items.find((i) => i.level === 'block')?.message ?? ''}`);
    // the first generate renders and stores every file; again, only what changed
    const generateMs = await medianOf(1, () => core.invoke('dossiers.generate', { id: created.id }));
    const againMs = await medianOf(RUNS, () => core.invoke('dossiers.generate', { id: created.id }));
    if (warm) {
      rows.push(
        aimBelow({ case: id, metric: `core.invoke('dossiers.generate'), ${added.nominees.length} nominees (${code}) after the warm-up — the first one (renders and stores every file)`, value: generateMs, unit: 'ms' }, 1500),
        aimBelow({ case: id, metric: `  generate again, nothing changed — median of ${RUNS}`, value: againMs, unit: 'ms' }, 1500),
      );
      return rows;
    }
    const edited: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const nomineeId = added.nominees[i]!.id;
      const r = await core.invoke('dossiers.getReport', { nomineeId });
      const sections = r.content.sections.map((x) => (x.id === 'nhiem_vu' ? { ...x, text: `${x.text}\nĐã sửa (lần ${i + 1}).` } : x));
      await core.invoke('dossiers.saveReport', { nomineeId, content: { templateId: r.template.id, sections } });
      const t1 = nowMs();
      await core.invoke('dossiers.generate', { id: created.id });
      edited.push(nowMs() - t1);
    }
    const editedMs = median(edited);
    const detail = await core.invoke('dossiers.get', { id: created.id });
    const docxFiles = detail.documents.filter((d) => d.fileName.endsWith('.docx'));
    const mb = detail.documents.reduce((s, d) => s + d.size, 0) / 1024 / 1024;
    const checklistMs = await medianOf(RUNS, () => core.invoke('dossiers.checklist', { id: created.id }));

    env.log('  rendering alone …');
    const { input, reports } = await renderInput(core, created.id);
    const renderMs = await medianOf(RUNS, () => renderDossierDocuments(input, reports));
    const toTrinhMs = await medianOf(RUNS, () => renderDocx(toTrinhDocument(input)));
    const bienBanMs = await medianOf(RUNS, () => renderDocx(bienBanDocument(input)));
    const xlsxMs = await medianOf(RUNS, () => danhSachWorkbook(input));
    const baoCao = reports.map((r) => baoCaoDocument(input, r.nominee, r.template, r.content));
    const perFileMs = await medianOf(1, async () => {
      for (const d of baoCao) await renderDocx(d);
    });
    const viaModelMs = await medianOf(1, async () => {
      for (const d of baoCao) await renderDocxViaModel(d);
    });
    const oneCallMs = await medianOf(RUNS, () => renderDocx(baoCao));
    const onePage = Array.from({ length: NOMINEES }, (_, i) => onePageReport(i));
    const baselineMs = await medianOf(RUNS, () => renderDocxViaModel(onePage));

    rows.push(
      aimBelow(
        {
          case: id,
          metric: `core.invoke('dossiers.generate'), ${n} nominees (${code}): ${detail.documents.length} files, ${docxFiles.length} DOCX, ${mb.toFixed(1)} MB — the first one in a cold process (renders and stores every file)`,
          value: generateMs,
          unit: 'ms',
        },
        1500,
      ),
      aimBelow({ case: id, metric: `  generate again, nothing changed — median of ${RUNS}`, value: againMs, unit: 'ms' }, 1500),
      aimBelow({ case: id, metric: `  generate again after one report was edited — median of ${RUNS}`, value: editedMs, unit: 'ms' }, 1500),
      { case: id, metric: '  of which the checklist it must pass (dossiers.checklist: eligibility for the whole office, reports, votes)', value: checklistMs, unit: 'ms' },
      { case: id, metric: `  rendering alone: renderDossierDocuments (${docxFiles.length} DOCX + 1 XLSX)`, value: renderMs, unit: 'ms' },
      { case: id, metric: '    tờ trình with the danh sách appendix (DOCX)', value: toTrinhMs, unit: 'ms' },
      { case: id, metric: '    danh sách (XLSX)', value: xlsxMs, unit: 'ms' },
      { case: id, metric: '    biên bản (DOCX)', value: bienBanMs, unit: 'ms' },
      { case: id, metric: `    ${n} báo cáo thành tích, one renderDocx call per file`, value: perFileMs, unit: 'ms', note: `${(perFileMs / n).toFixed(1)} ms a file` },
      { case: id, metric: `    the same, through the docx object model (renderDocxViaModel, as before)`, value: viaModelMs, unit: 'ms', note: `${(viaModelMs / n).toFixed(1)} ms a file` },
      { case: id, metric: `  the same ${n} báo cáo in ONE renderDocx call (one file)`, value: oneCallMs, unit: 'ms' },
      { case: id, metric: `  docx baseline: ${NOMINEES} one-page reports in one renderDocxViaModel call`, value: baselineMs, unit: 'ms' },
      { case: id, metric: `  building it: dossiers.addNominees (${n}, summaries pre-filled from each history)`, value: addMs, unit: 'ms', note: `${(addMs / n).toFixed(0)} ms a nominee; create ${Math.round(createMs)} ms` },
      { case: id, metric: `  building it: dossiers.prefillReports (${n} reports)`, value: prefillMs, unit: 'ms', note: `saveMeeting with ${n} votes ${Math.round(meetingMs)} ms` },
    );

    // a collective's history (unitTimeline) is what makes unit nominees slow to add
    const unit = lookup.subjects('TT_LDTT', 'du_dieu_kien')[0] ?? lookup.subjects('TT_LDXS', 'du_dieu_kien')[0];
    if (unit) {
      const u = await core.invoke('dossiers.create', { year, awardCode: 'TT_LDTT', title: '' });
      t0 = nowMs();
      await core.invoke('dossiers.addNominees', { id: u.id, nominees: [{ kind: 'unit', unitId: unit.id }] });
      rows.push({ case: id, metric: `  building it: dossiers.addNominees, one collective (${unit.name})`, value: nowMs() - t0, unit: 'ms' });
    }
  } finally {
    core.close();
  }
  return rows;
}

export const dossierCase: BenchCase = {
  id: 'dossier.docx.500',
  title: 'Hồ sơ đề nghị 500 người → DOCX',
  inWorker: true,
  run: (env) => runDossier(env, 'dossier.docx.500', false),
};

export const dossierWarmCase: BenchCase = {
  id: 'dossier.docx.500.warm',
  title: 'Hồ sơ đề nghị 500 người → DOCX, sau khi ứng dụng đã khởi động xong',
  inWorker: true,
  run: (env) => runDossier(env, 'dossier.docx.500.warm', true),
};
