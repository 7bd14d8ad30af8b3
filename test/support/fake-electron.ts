// Loading a bundle of the Electron side (main.cjs, preload.cjs) where Electron cannot run: its
// `require('electron')` is answered by a fake for the time of the load.
import Module, { createRequire } from 'node:module';

type Load = (request: unknown, ...rest: unknown[]) => unknown;
const loader = Module as unknown as { _load: Load };

/** Require `file` with `electron` resolved to `fake` (the bundle keeps what it required). */
export function requireWithElectron(file: string, fake: unknown): unknown {
  const load = loader._load;
  loader._load = function (request: unknown, ...rest: unknown[]) {
    return request === 'electron' ? fake : load.call(this, request, ...rest);
  };
  try {
    return createRequire(__filename)(file);
  } finally {
    loader._load = load;
  }
}
