// Shared helpers of the task tracker's integration tests.
import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../../electron/core/core';

export const REFERENCE_PLAN_DOCX = path.resolve(__dirname, '../../../../shared/reference/plans/004_604d1ccd06bf0239.docx');

export function b64(file: string): string {
  return fs.readFileSync(file).toString('base64');
}

/** Import the Lào Cai reference plan (2022; 15 appendix tasks: Q1 4, Q2 5, Q3 2, Q4 4). */
export async function importReferencePlan(core: Core) {
  const { record } = await core.invoke('plans.import', { fileName: '004_604d1ccd06bf0239.docx', fileBase64: b64(REFERENCE_PLAN_DOCX) });
  return record;
}

export const VP = 'Văn phòng Sở';
export const TT = 'Thanh tra Sở';
export const ALL_UNITS = 'Các phòng, đơn vị trực thuộc Sở';
export const DISTRICTS = 'Phòng Lao động - TBXH các huyện, thị xã, thành phố';
