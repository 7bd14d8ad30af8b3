import type { Kysely } from 'kysely';
import type { Connection } from '../../db/connection';
import type { DB } from '../../db/schema';
import type { JobRegistry } from './jobs';

export type HostKind = 'electron' | 'web' | 'cli' | 'test';

export interface CoreContext {
  conn: Connection;
  db: Kysely<DB>;
  /** this installation's office id: origin_office_id of every record created here */
  officeId: string;
  host: HostKind;
  version: string;
  fallbackReason: string | null;
  jobs: JobRegistry;
  /** today's date on this computer (ISO); injectable for tests */
  today(): string;
}
