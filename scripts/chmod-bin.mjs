// Make the CLI bundle executable so `npx splq` works right after `npm ci`.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/splq.js', import.meta.url), 0o755);
