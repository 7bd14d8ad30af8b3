// The entity kinds a bundle can carry, in write order. Another area plugs in here:
// define its EntityKind (see entity.ts) and append it to ENTITY_KINDS.
import { AppError } from '../../../shared/contract/errors';
import type { EntityKind } from './entity';
import { officeKind, staffKind, unitKind } from './kinds/core';
import { DOSSIER_ENTITY_KINDS } from './kinds/dossiers';
import { makeAuditLogKind } from './kinds/audit';

const ENTITY_KINDS: EntityKind[] = [officeKind, unitKind, staffKind, ...DOSSIER_ENTITY_KINDS, makeAuditLogKind(entityKinds)];

/** Add a kind at run time (tests, optional modules). Names are unique and permanent. */
export function registerEntityKind(kind: EntityKind): void {
  if (!/^[a-z][a-z0-9_]*$/.test(kind.name)) throw new Error(`entity kind name "${kind.name}" must be lower_snake_case`);
  if (ENTITY_KINDS.some((k) => k.name === kind.name)) throw new Error(`entity kind "${kind.name}" is already registered`);
  for (const target of Object.values(kind.references ?? {})) {
    const t = ENTITY_KINDS.find((k) => k.name === target) ?? (target === kind.name ? kind : undefined);
    if (!t) throw new Error(`entity kind "${kind.name}" references unknown kind "${target}"`);
    if (t !== kind && t.order >= kind.order) throw new Error(`entity kind "${kind.name}" must have an order above "${target}"`);
  }
  ENTITY_KINDS.push(kind);
}

/** Remove a kind added by registerEntityKind (tests). */
export function unregisterEntityKind(name: string): void {
  const i = ENTITY_KINDS.findIndex((k) => k.name === name);
  if (i >= 0) ENTITY_KINDS.splice(i, 1);
}

/** All kinds, parents before children. */
export function entityKinds(): EntityKind[] {
  return [...ENTITY_KINDS].sort((a, b) => a.order - b.order);
}

export function entityKind(name: string): EntityKind | undefined {
  return ENTITY_KINDS.find((k) => k.name === name);
}

export function mustEntityKind(name: string): EntityKind {
  const k = entityKind(name);
  if (!k) throw new AppError('INTERNAL', `Loại dữ liệu "${name}" chưa được đăng ký.`);
  return k;
}
