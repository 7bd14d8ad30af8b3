import type { ProcedureName, ProcOutput, ProcParsedInput } from '../../shared/contract';
import type { CoreContext } from '../core/context';

export type Handler<P extends ProcedureName> = (input: ProcParsedInput<P>, ctx: CoreContext) => Promise<ProcOutput<P>>;

/** A map of handlers for some procedures (one file per area). */
export type HandlerMap<K extends ProcedureName> = { [P in K]: Handler<P> };
