// The CLI run on a test core's database file: the core is closed first (the CLI opens the file
// itself), then each run's output and errors are kept for the test to read.
import { runCli } from '../../electron/cli/tdkt';
import type { Core } from '../../electron/core/core';

export function cliOn(core: Core, ...command: string[]) {
  const dbPath = core.ctx.conn.path;
  core.close();
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
  return { dbPath, out, err, run: (args: readonly string[]) => runCli(['--db', dbPath, ...command, ...args], io) };
}

/** The CLI on a database file, each run's exit code, output and errors apart. */
export function cliAt(dbPath: string) {
  return async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['--db', dbPath, ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
}
