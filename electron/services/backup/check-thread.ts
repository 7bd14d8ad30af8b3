// A backup's copy, check and fsync on a thread of its own. At province scale (664 MB) the copy
// ends with SQLite syncing the new file (≈1 s), the quick check takes 0.75 s and the fsync
// more: in the core's thread each would hold every call meanwhile, at every start. The thread
// copies from its own read-only connection to the live file (one backup step: a consistent
// snapshot; WAL lets the core write meanwhile), then runs the same probe as the core
// (probeBackupFile's source) and syncs the file; the core only judges what it found.
import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { checkBackupFile, checkBackupHeader, judgeBackupProbe, probeBackupFile, type BackupProbe, type CandidateReport } from './files';

interface ThreadInput {
  /** better-sqlite3's entry, resolved here (the thread's own require has no search path) */
  module: string;
  nativeBinding: string | null;
  /** the live database to copy into `file` first (null: `file` is there already) */
  source: string | null;
  file: string;
  selfContained: boolean;
  quick: boolean;
  fsync: boolean;
}

export type ThreadAnswer = (BackupProbe | { error: string }) & { threadId: number; fsynced: boolean; copied: boolean };

const SOURCE = `
const { parentPort, workerData: w, threadId } = require('node:worker_threads');
const fs = require('node:fs');
const Database = require(w.module);
const probeBackupFile = ${probeBackupFile.toString()};
const options = (readonly) => ({ readonly, fileMustExist: true, ...(w.nativeBinding ? { nativeBinding: w.nativeBinding } : {}) });
const open = (file, readonly) => new Database(file, options(readonly));
(async () => {
  // the thread's SQLite must work before any file is judged by it (else: the core does it all)
  new Database(':memory:', options(false)).close();
  let copied = false;
  if (w.source) {
    const src = open(w.source, true);
    try {
      // every page in one step: one read transaction, so a consistent snapshot
      await src.backup(w.file, { progress: () => 0x7fffffff });
      copied = true;
    } finally {
      src.close();
    }
  }
  let answer;
  try {
    answer = probeBackupFile(open, w.file, { selfContained: w.selfContained, quick: w.quick });
  } catch (e) {
    answer = { error: String((e && e.message) || e) };
  }
  let fsynced = false;
  if (w.fsync && !answer.error) {
    const fd = fs.openSync(w.file, 'r+');
    try {
      fs.fsyncSync(fd);
      fsynced = true;
    } finally {
      fs.closeSync(fd);
    }
  }
  parentPort.postMessage({ ...answer, threadId, fsynced, copied });
})().catch((e) => parentPort.postMessage({ failed: String((e && e.message) || e) }));
`;

/** Run the probe (and the fsync) on a new thread. Rejects only if the thread itself fails. */
export function probeOnThread(input: Omit<ThreadInput, 'module'>): Promise<ThreadAnswer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(SOURCE, { eval: true, workerData: { ...input, module: require.resolve('better-sqlite3') } satisfies ThreadInput });
    worker.once('message', (m: ThreadAnswer | { failed: string }) => {
      settled = true;
      if ('failed' in m) reject(new Error(m.failed));
      else resolve(m);
    });
    worker.once('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`backup check thread exited with code ${code}`));
      settled = true;
    });
  });
}

/**
 * Copy the live database (`o.copyFrom`) into `file`, check it and fsync it, on a thread. If the
 * thread cannot start or fails, the same happens here instead (`o.copyHere`, the core's own
 * online backup). Without `copyFrom` the file is there already (a test's copy step).
 */
export async function checkAndSyncOnThread(
  openFile: Parameters<typeof checkBackupFile>[0],
  nativeBinding: string | null,
  file: string,
  label: string,
  o: {
    selfContained: boolean;
    quick: boolean;
    /** the thread syncs the file itself when `syncOnThread`, else this is called (a test's step) */
    fsync: (file: string) => void;
    syncOnThread: boolean;
    copyFrom?: string | null;
    copyHere?: () => Promise<void>;
  },
): Promise<CandidateReport> {
  const copyFrom = o.copyFrom ?? null;
  if (!copyFrom) checkBackupHeader(file, label);
  let answer: ThreadAnswer;
  try {
    answer = await probeOnThread({ nativeBinding, source: copyFrom, file, selfContained: o.selfContained, quick: o.quick, fsync: o.syncOnThread });
  } catch {
    if (copyFrom) {
      fs.rmSync(file, { force: true });
      await o.copyHere!();
    }
    const report = checkBackupFile(openFile, file, label, o.selfContained, o.quick);
    o.fsync(file);
    return report;
  }
  if (copyFrom) checkBackupHeader(file, label);
  const report = judgeBackupProbe(answer, label);
  if (!answer.fsynced) o.fsync(file);
  return report;
}
