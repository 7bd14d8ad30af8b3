import { v7 as uuidv7 } from 'uuid';

/** Time-ordered UUID v7: unique across offices, so records merge without renumbering. */
export function newId(): string {
  return uuidv7();
}

export function nowIso(): string {
  return new Date().toISOString();
}
