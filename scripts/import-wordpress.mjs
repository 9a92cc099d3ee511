// `npm run import:wordpress -- <export.xml> [--uploads <folder>] [--rating-meta <key>] [--dry-run]`
//
// Imports a WordPress export into the CMS on the database that cms/.env (or DATABASE_*) names, whether or not the CMS
// is running. The importer lives in cms/src/import/wordpress/ (docs/wordpress-import.md). This compiles the CMS's
// TypeScript first when the compiled copy is older than its sources, in a process of its own (the compiler's memory
// is not the import's), then hands over.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cms');
const entry = path.join(cmsDir, 'dist', 'src', 'import', 'wordpress', 'cli.js');

const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((latest, item) => {
    const full = path.join(dir, item.name);
    return Math.max(latest, item.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }, 0);

if (
  !existsSync(entry) ||
  statSync(entry).mtimeMs < Math.max(newest(path.join(cmsDir, 'src')), newest(path.join(cmsDir, 'config')))
) {
  const compiled = spawnSync(
    process.execPath,
    ['-e', "require('@strapi/strapi').compileStrapi({ appDir: process.cwd() })"],
    {
      cwd: cmsDir,
      stdio: 'inherit',
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
    },
  );
  if (compiled.status !== 0) process.exit(compiled.status ?? 1);
}
// Strapi reads its .env when first loaded, from ENV_PATH or the working directory: the CMS's own, wherever this runs.
process.env.ENV_PATH ??= path.join(cmsDir, '.env');
const { main } = createRequire(path.join(cmsDir, 'package.json'))(entry);
process.exitCode = await main(process.argv.slice(2));
// Strapi leaves timers of its own behind once destroyed; the import is over.
process.exit();
