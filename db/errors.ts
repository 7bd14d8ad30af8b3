// What a SQLite error says about the file, readable without opening one (the Electron main
// process and other hosts map errors without loading the database layer).

/** The file is damaged (SQLite's CORRUPT, "malformed"), as opposed to a refused or failed write. */
export function isCorruption(e: unknown): boolean {
  if (!(e instanceof Error) || e.name === 'AppError') return false;
  return /SQLITE_CORRUPT|malformed/i.test(`${(e as { code?: unknown }).code ?? ''} ${e.message}`);
}
