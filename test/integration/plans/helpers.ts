// Shared helpers of the plan integration tests.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { importPlanDocx, importPlanText } from '../../../electron/services/plans/import';
import { createIdGenerator, type Plan, type PlanImportResult, type PlanSection } from '../../../shared/plans/model';

const HERE = dirname(fileURLToPath(import.meta.url));
/** shared/ sits beside the repository (…/main and …/shared). */
export const REFERENCE_DIR = join(HERE, '..', '..', '..', '..', 'shared', 'reference', 'plans');
export const FIXTURE_DIR = join(HERE, '..', '..', 'fixtures', 'plans');

export function referenceBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(REFERENCE_DIR, `${name}.docx`)));
}

export function referenceText(name: string): string {
  return readFileSync(join(REFERENCE_DIR, `${name}.txt`), 'utf8');
}

export function importReference(name: string, kind: 'docx' | 'txt'): PlanImportResult {
  const newId = createIdGenerator(`t-${kind}`);
  return kind === 'docx' ? importPlanDocx(referenceBytes(name), { newId }) : importPlanText(referenceText(name), { newId });
}

export function expectPlan(r: PlanImportResult): { plan: Plan; warnings: string[] } {
  if (!r.ok) throw new Error(`import failed: ${r.error.code} ${r.error.message}`);
  expect(r.ok).toBe(true);
  return { plan: r.plan, warnings: r.warnings };
}

export function headingText(s: PlanSection): string {
  return s.heading.map((r) => r.text).join('');
}

export function allIds(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) allIds(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'id' && typeof v === 'string') out.push(v);
      else allIds(v, out);
    }
  return out;
}
