// Dossier test helpers: offices with units, staff and award records (so the eligibility checker
// proposes nominees), a province, bundles carried between them, and a dossier built end to end.
import fs from 'node:fs';
import path from 'node:path';
import { createCore, type Core } from '../../../electron/core/core';
import { tempDb } from '../../support/tmp';

export const TODAY = '2025-11-20';
export const YEAR = 2025;

export interface PersonSetup {
  fullName: string;
  birthDate: string;
  gender?: 'nam' | 'nu';
  unit: string;
  position?: string;
  /** rating per year */
  ratings: Record<number, 'HTXSNV' | 'HTTNV' | 'HTNV' | 'KHTNV'>;
  /** CSTĐCS recorded for these years (LĐTT too) */
  cstdcs?: number[];
  initiative?: { year: number; title: string };
}

export interface OfficeSetup {
  name: string;
  abbreviation: string;
  headTitle: string;
  headName: string;
  units: string[];
  people: PersonSetup[];
}

export const OFFICE_A: OfficeSetup = {
  name: 'Phòng Nội vụ xã Bảo Thắng',
  abbreviation: 'PNVBT',
  headTitle: 'Trưởng phòng',
  headName: 'Đỗ Văn Hải',
  units: ['Văn phòng', 'Bộ phận một cửa'],
  people: [
    { fullName: 'Nguyễn Văn An', birthDate: '05/03/1980', gender: 'nam', unit: 'Văn phòng', position: 'Chánh văn phòng', ratings: { 2024: 'HTXSNV', 2025: 'HTXSNV' }, cstdcs: [2024], initiative: { year: 2025, title: 'Số hóa hồ sơ thi đua' } },
    { fullName: 'Trần Thị Bích Ngọc', birthDate: '20/11/1985', gender: 'nu', unit: 'Bộ phận một cửa', position: 'Chuyên viên', ratings: { 2025: 'HTXSNV' } },
    { fullName: 'Lê Đức Thắng', birthDate: '01/07/1979', gender: 'nam', unit: 'Văn phòng', position: 'Chuyên viên', ratings: { 2024: 'HTNV', 2025: 'HTNV' } },
  ],
};

export const OFFICE_B: OfficeSetup = {
  name: 'Phòng Nội vụ xã Sa Pa',
  abbreviation: 'PNVSP',
  headTitle: 'Trưởng phòng',
  headName: 'Vũ Thị Lan',
  units: ['Văn phòng'],
  people: [
    { fullName: 'Phạm Thị Hoa', birthDate: '12/12/1990', gender: 'nu', unit: 'Văn phòng', position: 'Phó Chánh văn phòng', ratings: { 2024: 'HTXSNV', 2025: 'HTXSNV' }, cstdcs: [2024] },
    { fullName: 'Hoàng Văn Đức', birthDate: '02/02/1975', gender: 'nam', unit: 'Văn phòng', position: 'Phó Chủ tịch', ratings: { 2024: 'HTXSNV', 2025: 'HTXSNV' }, cstdcs: [2024] },
  ],
};

export const PROVINCE = { name: 'Sở Nội vụ tỉnh Lào Cai', abbreviation: 'SNV' };

export interface Office {
  core: Core;
  unitIds: Map<string, string>;
  staffIds: Map<string, string>;
}

export async function openCore(dbPath = tempDb(), today = TODAY): Promise<Core> {
  return createCore({ dbPath, host: 'test', today: () => today });
}

export async function makeOffice(setup: OfficeSetup, dbPath = tempDb()): Promise<Office> {
  const core = await openCore(dbPath);
  await core.invoke('office.save', {
    name: setup.name,
    levelCode: 'xa',
    placeName: 'Lào Cai',
    abbreviation: setup.abbreviation,
    parentAgency: 'UBND tỉnh Lào Cai',
    headTitle: setup.headTitle,
    headName: setup.headName,
    superiorName: 'Sở Nội vụ tỉnh Lào Cai',
  });
  const unitIds = new Map<string, string>();
  for (const u of setup.units) unitIds.set(u, (await core.invoke('units.create', { name: u })).id);
  const staffIds = new Map<string, string>();
  for (const p of setup.people) {
    const s = await core.invoke('staff.create', { fullName: p.fullName, birthDate: p.birthDate, gender: p.gender ?? null, unitId: unitIds.get(p.unit)!, position: p.position ?? '' });
    staffIds.set(p.fullName, s.id);
  }
  // ratings and recorded titles, year by year, through the year-end grid of each unit
  const years = [...new Set(setup.people.flatMap((p) => Object.keys(p.ratings).map(Number)))].sort();
  for (const year of years) {
    for (const unit of setup.units) {
      const rows = setup.people
        .filter((p) => p.unit === unit && p.ratings[year])
        .map((p) => {
          const cs = (p.cstdcs ?? []).includes(year);
          return { staffId: staffIds.get(p.fullName)!, rating: p.ratings[year]!, maternityLeave: false, underReview: false, titles: { LDTT: cs, CSTDCS: cs } };
        });
      if (rows.length === 0) continue;
      const any = rows.some((r) => r.titles.CSTDCS);
      await core.invoke('records.saveYearGrid', {
        unitId: unitIds.get(unit)!,
        year,
        rows,
        ...(any
          ? { decisions: { LDTT: { number: `${year - 2000}/QĐ-${setup.abbreviation}`, date: `20/12/${year}` }, CSTDCS: { number: `${year - 1990}/QĐ-${setup.abbreviation}`, date: `20/12/${year}` } } }
          : {}),
      });
    }
  }
  for (const p of setup.people) {
    if (!p.initiative) continue;
    await core.invoke('records.saveInitiative', {
      data: { staffId: staffIds.get(p.fullName)!, year: p.initiative.year, title: p.initiative.title, scope: 'co_so', recognizingBody: 'Hội đồng sáng kiến xã', decisionNo: '07/QĐ-HĐSK' },
    });
  }
  return { core, unitIds, staffIds };
}

export async function makeProvince(dbPath = tempDb()): Promise<Core> {
  const core = await openCore(dbPath);
  await core.invoke('office.save', {
    name: PROVINCE.name,
    levelCode: 'so_nganh',
    placeName: 'Lào Cai',
    abbreviation: PROVINCE.abbreviation,
    parentAgency: 'UBND tỉnh Lào Cai',
    headTitle: 'Giám đốc',
    headName: 'Nguyễn Văn Bình',
  });
  return core;
}

export async function exportBytes(core: Core, kind: 'office-to-province' | 'province-to-office' = 'office-to-province', targetOfficeId?: string): Promise<Buffer> {
  const r = await core.invoke('exchange.exportBundle', { kind, targetOfficeId: targetOfficeId ?? null });
  return Buffer.from(r.file!.base64, 'base64');
}

export const src = (bytes: Uint8Array, fileName = 'goi.tdkt') => ({ fileName, fileBase64: Buffer.from(bytes).toString('base64') });

export async function importBundle(core: Core, bytes: Uint8Array) {
  return core.invoke('exchange.apply', src(bytes));
}

export const PDF = Buffer.from('%PDF-1.4\n% Quyết định công nhận sáng kiến\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n', 'utf8');

/** A BK_TINH dossier with the office's eligible people, meeting, votes, reports, one attachment; submitted. */
export async function buildDossier(o: Office, setup: OfficeSetup, opts: { docNumber: number; submit?: boolean } = { docNumber: 5 }) {
  const core = o.core;
  const d = await core.invoke('dossiers.create', { year: YEAR, awardCode: 'BK_TINH', sector: 'noi_vu' });
  const cands = await core.invoke('dossiers.candidates', { id: d.id });
  await core.invoke('dossiers.addNominees', { id: d.id, nominees: cands.eligible.map((c) => ({ kind: c.kind, staffId: c.id })) });
  const members = ['Đỗ Văn Hải', 'Lý Thị Mai', 'Tạ Văn Nam', 'Cao Thị Oanh', 'Bùi Văn Phúc'];
  let detail = await core.invoke('dossiers.get', { id: d.id });
  detail = await core.invoke('dossiers.saveMeeting', {
    id: d.id,
    meeting: { date: '18/11/2025', time: '14 giờ 00', place: `Phòng họp ${setup.name}`, chair: setup.headName, chairTitle: `${setup.headTitle}, Chủ tịch Hội đồng`, secretary: 'Lý Thị Mai', membersPresent: members, membersTotal: 7 },
    votes: detail.nominees.map((n) => ({ nomineeId: n.id, agree: 5, total: 5 })),
  });
  await core.invoke('dossiers.prefillReports', { id: d.id });
  const first = detail.nominees[0]!;
  await core.invoke('dossiers.addAttachment', { dossierId: d.id, nomineeId: first.id, fileName: 'QĐ công nhận sáng kiến.pdf', fileBase64: PDF.toString('base64'), note: '' });
  detail = await core.invoke('dossiers.get', { id: d.id });
  await core.invoke('dossiers.update', {
    id: d.id,
    data: {
      title: detail.title,
      year: detail.year,
      awardCode: detail.awardCode,
      campaignId: null,
      basis: detail.basis,
      procedure: detail.procedure,
      sector: detail.sector,
      docNumber: opts.docNumber,
      docDate: '20/11/2025',
      addressee: detail.addressee,
      signer: { prefix: '', authorityTitle: '', position: setup.headTitle, name: setup.headName },
      cover: { bases: [], intro: '', closing: '' },
      note: '',
    },
  });
  if (opts.submit !== false) return core.invoke('dossiers.submit', { id: d.id });
  return core.invoke('dossiers.get', { id: d.id });
}

/** Meeting, votes, number and date of a dossier the province drew up; then sent. */
export async function completeAndSubmit(p: Core, id: string) {
  let d = await p.invoke('dossiers.get', { id });
  d = await p.invoke('dossiers.saveMeeting', {
    id,
    meeting: { date: '05/12/2025', time: '8 giờ 00', place: 'Phòng họp Sở', chair: 'Lê Văn Sở', chairTitle: 'Giám đốc Sở, Chủ tịch Hội đồng', secretary: 'Lý Thị Mai', membersPresent: ['Lê Văn Sở', 'Lý Thị Mai', 'Tạ Văn Nam'], membersTotal: 5 },
    votes: d.nominees.map((n) => ({ nomineeId: n.id, agree: 3, total: 3 })),
  });
  await p.invoke('dossiers.update', {
    id,
    data: {
      title: d.title, year: d.year, awardCode: d.awardCode, campaignId: null, basis: d.basis, procedure: d.procedure, sector: d.sector,
      docNumber: 40, docDate: '06/12/2025', addressee: d.addressee, signer: { prefix: '', authorityTitle: '', position: 'Giám đốc', name: 'Lê Văn Sở' },
      cover: { bases: [], intro: '', closing: '' }, note: '',
    },
  });
  const blocks = (await p.invoke('dossiers.checklist', { id })).items.filter((i) => i.level === 'block');
  if (blocks.length) throw new Error(`the checklist blocks: ${blocks.map((i) => i.message).join('; ')}`);
  return p.invoke('dossiers.submit', { id });
}

export function storeFile(core: Core, sha256: string): Buffer {
  return fs.readFileSync(path.join(path.dirname(core.ctx.conn.path), 'attachments', sha256.slice(0, 2), sha256));
}
