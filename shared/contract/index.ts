// The one contract: every procedure, its zod input and output. Both hosts and the CLI
// go through it; the renderer's client is typed by it.
import { type z } from 'zod';
import { officeProcedures } from './office';
import { unitsProcedures } from './units';
import { staffProcedures } from './staff';
import { exchangeProcedures } from './exchange';
import { systemProcedures } from './system';
import { backupProcedures } from './backup';
import { plansProcedures } from './plans';
import { tasksProcedures } from './tasks';
import { recordsProcedures } from './records';
import { dossiersProcedures } from './dossiers';
import { auditProcedures } from './audit';
import { searchProcedures } from './search';
import { trashProcedures } from './trash';
import { diagnosticsProcedures } from './diagnostics';
import { AppError } from './errors';

export const contract = {
  ...systemProcedures,
  ...backupProcedures,
  ...officeProcedures,
  ...unitsProcedures,
  ...staffProcedures,
  ...exchangeProcedures,
  ...plansProcedures,
  ...tasksProcedures,
  ...recordsProcedures,
  ...dossiersProcedures,
  ...auditProcedures,
  ...searchProcedures,
  ...trashProcedures,
  ...diagnosticsProcedures,
} as const;

export type Contract = typeof contract;
export type ProcedureName = keyof Contract;
export type ProcInput<P extends ProcedureName> = z.input<Contract[P]['input']>;
export type ProcParsedInput<P extends ProcedureName> = z.output<Contract[P]['input']>;
export type ProcOutput<P extends ProcedureName> = z.output<Contract[P]['output']>;

export function isProcedureName(name: unknown): name is ProcedureName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Human-readable Vietnamese summary of a zod error: each issue's message on its own line. */
export function describeZodError(err: z.ZodError): string {
  const lines = err.issues.map((i) => {
    const msg = i.message;
    // our field builders already name the field; zod's generic messages get the path
    if (i.code === 'custom' || /[À-ỹ]/.test(msg)) return msg;
    return `${i.path.join('.') || 'Dữ liệu'}: không hợp lệ (${msg}).`;
  });
  return [...new Set(lines)].join('\n');
}

/** Validate a call's input against the contract; throws AppError('INVALID_INPUT'). */
export function parseInput<P extends ProcedureName>(proc: P, input: unknown): ProcParsedInput<P> {
  const schema = contract[proc].input as z.ZodType;
  const r = schema.safeParse(input);
  if (!r.success) {
    throw new AppError('INVALID_INPUT', describeZodError(r.error), r.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
  }
  return r.data as ProcParsedInput<P>;
}

export * from './errors';
export * from './office';
export * from './units';
export * from './staff';
export * from './exchange';
export * from './system';
export * from './backup';
export * from './plans';
export * from './tasks';
export * from './records';
export * from './dossiers';
export * from './audit';
export * from './search';
export * from './trash';
export * from './diagnostics';
export * from './fields';
