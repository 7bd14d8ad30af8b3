import type { ProcedureName } from '../../shared/contract';
import type { HandlerMap } from './types';
import { systemHandlers } from './system';
import { backupHandlers } from './backup';
import { officeHandlers } from './office';
import { unitsHandlers } from './units';
import { staffHandlers } from './staff';
import { exchangeHandlers } from './exchange';
import { plansHandlers } from './plans';
import { tasksHandlers } from './tasks';
import { recordsHandlers } from './records';
import { dossiersHandlers } from './dossiers';
import { auditHandlers } from './audit';
import { trashHandlers } from './trash';
import { searchHandlers } from './search';
import { diagnosticsHandlers } from './diagnostics';

// Typed as the full map: a procedure without a handler is a compile error.
export const handlers: HandlerMap<ProcedureName> = {
  ...systemHandlers,
  ...backupHandlers,
  ...officeHandlers,
  ...unitsHandlers,
  ...staffHandlers,
  ...exchangeHandlers,
  ...plansHandlers,
  ...tasksHandlers,
  ...recordsHandlers,
  ...dossiersHandlers,
  ...auditHandlers,
  ...trashHandlers,
  ...searchHandlers,
  ...diagnosticsHandlers,
};
