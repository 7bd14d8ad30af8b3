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
