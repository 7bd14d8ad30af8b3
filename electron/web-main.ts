// Entry of the browser host (`npm run serve`).
import { runWebHost } from './host/web-launch';

void runWebHost(process.argv.slice(2), process.env.TDKT_FALLBACK_REASON ?? null);
