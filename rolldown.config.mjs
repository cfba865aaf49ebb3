// The CLI and its worker threads as single-file bundles beside the compiled modules (dist/*.js):
// one file loads in a fraction of the time of the ~350 modules tsc emits plus Chevrotain's ~700
// (startup is most of a short run, and every worker thread pays it again). The bundles sit at the
// top of dist/ so that paths relative to import.meta.url (../macros/, ./run-worker.js...) resolve
// as they do from the compiled modules. Dependencies are bundled; Node built-ins are not.
import { defineConfig } from 'rolldown';

export default defineConfig({
  input: {
    splq: 'dist/cli/main.js',
    'run-worker': 'dist/parallel/run-worker.js',
    'test-worker': 'dist/testing/test-worker.js',
    'validate-worker': 'dist/validate/validate-worker.js',
  },
  platform: 'node',
  output: { dir: 'dist', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'splq-[hash].js' },
  logLevel: 'warn',
});
