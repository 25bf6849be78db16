import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/**
 * Starts one of this folder's worker modules by name. From dist/ that is the compiled `.js`
 * file. From the TypeScript sources (vitest, tsx) a worker thread does not inherit the parent's
 * TypeScript loader, so a two-line bootstrap registers tsx in the worker and then imports the
 * `.ts` module: the tests run the very worker code the app runs.
 */
export function startWorker(name: string, options: WorkerOptions = {}): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, import.meta.url), options);
  // tsx's ESM entry, as its package.json `exports` names it (require.resolve would give the CJS one).
  const pkg = require.resolve('tsx/package.json');
  const { exports } = require(pkg) as { exports: Record<string, { import: { default: string } }> };
  const entry = exports['./esm/api']?.import.default ?? './dist/esm/api/index.mjs';
  const tsx = pathToFileURL(join(dirname(pkg), entry)).href;
  const module = new URL(`./${name}.ts`, import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(module)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}
