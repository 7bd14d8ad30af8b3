// Child process of crash.test.ts: runs ONE long write through the real core and reports its
// phases on stdout, then waits to be killed (SIGKILL from the parent, at a random moment).
//   node crash-child.cjs staff  DB FILE.xlsx   → staff.importApply
//   node crash-child.cjs bundle DB FILE.tdkt   → exchange.apply (--take-incoming)
// The child loads and opens the core, says READY, and waits for "GO" on stdin (the parent
// starts the next trial's child while the current one runs: loading takes about as long as
// the operation). Lines written (synchronously, so the parent sees them even while the child
// is blocked in a synchronous SQLite transaction):
//   READY            the core is open; waiting for GO
//   START            GO received, the operation starts now
//   WRITE            the write phase starts (the job's first 'write' progress, right before the transaction)
//   DONE <json>      the call returned { ok: true }
//   FAIL <json>      the call returned { ok: false } (the parent fails the test)
// After DONE the child does not close the database (no checkpoint): it waits to be killed, so a
// late kill still leaves the WAL as a crash would.
import fs from 'node:fs';
import { createCore } from '../../electron/core/core';
import type { Job } from '../../electron/core/jobs';

const say = (line: string) => fs.writeSync(1, `${line}\n`);

async function main() {
  const [mode, dbPath, file] = process.argv.slice(2);
  if (!mode || !dbPath || !file) throw new Error('usage: crash-child staff|bundle DB FILE');
  const core = await createCore({ dbPath, host: 'cli' });

  // announce the write phase from inside the operation
  const jobs = core.ctx.jobs;
  const start = jobs.start.bind(jobs);
  let announced = false;
  jobs.start = (id) => {
    const job = start(id);
    const progress: Job['progress'] = (phase, done, total) => {
      if (phase === 'write' && !announced) {
        announced = true;
        say('WRITE');
      }
      job.progress(phase, done, total);
    };
    return { ...job, progress };
  };

  say('READY');
  await new Promise<void>((resolve) => {
    let got = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (c: string) => {
      got += c;
      if (got.includes('GO\n')) resolve();
    });
  });
  say('START');
  const r =
    mode === 'staff'
      ? await core.call('staff.importApply', { fileName: 'large.xlsx', fileBase64: fs.readFileSync(file).toString('base64') })
      : await core.call('exchange.apply', { path: file, resolveAll: 'incoming' });
  say(r.ok ? `DONE ${JSON.stringify(r.data)}` : `FAIL ${JSON.stringify(r.error)}`);
  // keep the connection open until killed (the parent always kills); give up after a while
  setTimeout(() => process.exit(0), 30_000);
}

main().catch((e: unknown) => {
  say(`FAIL ${JSON.stringify(String((e as Error)?.stack ?? e))}`);
  process.exit(3);
});
