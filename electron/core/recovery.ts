// A host whose database cannot be opened (damaged by a power cut, written by a newer version,
// locked) starts in recovery instead of not at all: the window says why, lists the backups
// next to the file and restores one, starts on a new empty file, or tries again. The file that
// could not be opened is never deleted: restoring or starting anew sets it aside in the backups
// folder first. Once a database opens, every call goes to a normal core.
import { AppError, type Result } from '../../shared/contract/errors';
import { isProcedureName, parseInput, type ProcedureName, type ProcOutput, type ProcParsedInput } from '../../shared/contract';
import { BACKUP_KEEP_DEFAULT } from '../../shared/contract/backup';
import { backupDirFor, listBackupsAt, restoreUnopened, setAsideUnopened, undoSetAside, type BackupPlace } from '../services/backup';
import { restoreSource } from '../api/backup';
import { appendErrorLog, clearErrorLog, readErrorLog } from '../services/diagnostics/error-log';
import { createCore, DatabaseOpenError, fileOpener, settle, type Core, type CoreOptions } from './core';

/** What the hosts and the CLI use of a core: calls, and closing it. */
export type HostCore = Pick<Core, 'call' | 'invoke' | 'close' | 'keepEligibilityCurrent'>;

/** A core on the database, or, when it cannot be opened, a recovery core (below). */
export async function openCore(opts: CoreOptions): Promise<HostCore> {
  try {
    return await createCore(opts);
  } catch (e) {
    if (e instanceof DatabaseOpenError) {
      // the reason's text is on the screen; the error under it is for whoever looks into it
      const cause = e.cause;
      appendErrorLog(opts.dbPath, {
        source: 'core',
        where: 'mở cơ sở dữ liệu',
        message: e.message,
        ...(cause instanceof Error && cause.stack ? { stack: cause.stack } : {}),
        ...(opts.version ? { version: opts.version } : {}),
      });
      return recoveryCore(opts, e);
    }
    throw e;
  }
}

type RecoveryHandlers = { [P in ProcedureName]?: (input: ProcParsedInput<P>) => Promise<ProcOutput<P>> };

/**
 * Answers what the recovery screen needs (app.info with `recovery` set, office.get as none,
 * backup.list, backup.restore, recovery.retry, recovery.startNew, the error log) and the hosts' quit backup
 * (none); any other call fails with the reason the database could not be opened.
 */
export function recoveryCore(opts: CoreOptions, failure: DatabaseOpenError): HostCore {
  let core: Core | null = null;
  let why = failure;
  const place: BackupPlace = { dbPath: opts.dbPath, nativeBinding: opts.nativeBinding ?? null, openFile: fileOpener(opts.nativeBinding) };
  // one recovery step at a time: two windows' restores must not interleave
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };
  const open = async (): Promise<Core> => {
    try {
      core = await createCore(opts);
      return core;
    } catch (e) {
      if (e instanceof DatabaseOpenError) why = e;
      throw e;
    }
  };
  /** Replacing the file is for a file that opens but is not usable; a locked or forbidden one is left alone. */
  const mayReplace = () => {
    if (why.kind === 'unavailable') {
      throw new AppError('CONFLICT', `${why.message} Khi tệp chưa mở được vì lý do này, ứng dụng không thay thế nó.`);
    }
  };

  const handlers: RecoveryHandlers = {
    'app.info': async () => ({
      version: opts.version ?? '0.0.0',
      host: opts.host,
      dbPath: opts.dbPath,
      schemaVersion: 0,
      officeConfigured: false,
      fallbackReason: opts.fallbackReason ?? null,
      recovery: { kind: why.kind, message: why.message },
      damage: null,
      dataOnNetwork: false,
    }),
    'office.get': async () => null,
    // the hosts back up at quit: there is no open database to back up
    'backup.quit': async () => null,
    'backup.status': async () => ({ lastExternal: null, daysSinceExternal: null, remind: false, autoFailed: null }),
    'backup.list': async () => ({ folder: backupDirFor(opts.dbPath), keep: BACKUP_KEEP_DEFAULT, backups: await listBackupsAt(place) }),
    'backup.restore': (input) =>
      serial(async () => {
        if (core) return core.invoke('backup.restore', input);
        mayReplace();
        const source = restoreSource(input, opts.host, backupDirFor(opts.dbPath));
        const r = await restoreUnopened(place, source, open);
        return { restoredFrom: r.restoredFrom, safetyBackup: r.safetyBackup, schemaVersion: (await r.opened.invoke('app.info')).schemaVersion };
      }),
    'errors.report': async (input) => ({ logged: appendErrorLog(opts.dbPath, { ...input, ...(opts.version ? { version: opts.version } : {}) }) }),
    'errors.list': async (input) => readErrorLog(opts.dbPath, input?.limit ?? 200),
    'errors.clear': async () => {
      clearErrorLog(opts.dbPath);
      return { cleared: true as const };
    },
    'recovery.retry': () =>
      serial(async () => {
        if (!core) await open();
        return { opened: true };
      }),
    'recovery.startNew': () =>
      serial(async () => {
        if (core) return core.invoke('recovery.startNew');
        mayReplace();
        const setAside = setAsideUnopened(place);
        try {
          await open();
        } catch (e) {
          // no new file could be made there either: everything as it was
          undoSetAside(setAside, opts.dbPath);
          throw e;
        }
        return { setAside };
      }),
  };

  async function run(proc: string, input: unknown): Promise<unknown> {
    if (core) return core.invoke(proc as ProcedureName, input);
    if (!isProcedureName(proc)) throw new AppError('UNKNOWN_PROCEDURE', `Chức năng "${proc}" không tồn tại.`);
    const parsed = parseInput(proc, input);
    const handler = handlers[proc] as ((i: unknown) => Promise<unknown>) | undefined;
    if (!handler) {
      const hint = opts.host === 'cli' && why.kind !== 'unavailable' ? ' Xem các bản sao lưu: tdkt backup list; khôi phục: tdkt backup restore TỆP.' : '';
      throw new AppError('DB_ERROR', why.message + hint);
    }
    return handler(parsed);
  }

  return {
    call: (proc, input): Promise<Result<unknown>> => (core ? core.call(proc, input) : settle(() => run(proc, input))),
    async invoke(proc, input) {
      return (await run(proc, input)) as never;
    },
    // a file that did not open has no records to judge; once one is opened, its core does it
    keepEligibilityCurrent: () => core?.keepEligibilityCurrent() ?? Promise.resolve(),
    close() {
      core?.close();
    },
  };
}
