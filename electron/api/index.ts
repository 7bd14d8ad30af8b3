import type { ProcedureName } from '../../shared/contract';
import type { HandlerMap } from './types';
import { systemHandlers } from './system';
import { officeHandlers } from './office';
import { unitsHandlers } from './units';
import { staffHandlers } from './staff';
import { plansHandlers } from './plans';

// Typed as the full map: a procedure without a handler is a compile error.
export const handlers: HandlerMap<ProcedureName> = {
  ...systemHandlers,
  ...officeHandlers,
  ...unitsHandlers,
  ...staffHandlers,
  ...plansHandlers,
};
