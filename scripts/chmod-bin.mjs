// Make the compiled CLI executable so `npx splq` works right after `npm ci`.
import { chmodSync } from 'node:fs';
chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);
