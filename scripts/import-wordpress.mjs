// `npm run import:wordpress -- <export.xml> [--uploads <folder>] [--rating-meta <key>] [--dry-run]`
//
// Imports a WordPress export into the CMS on the database that cms/.env (or DATABASE_*) names, whether or not the CMS
// is running. The importer lives in cms/src/import/wordpress/; this compiles the CMS's TypeScript (incrementally) so
// that it runs the code of this checkout, then hands over.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cmsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'cms');
const cmsRequire = createRequire(path.join(cmsDir, 'package.json'));

process.env.STRAPI_TELEMETRY_DISABLED = 'true';
const { compileStrapi } = cmsRequire('@strapi/strapi');
await compileStrapi({ appDir: cmsDir });
const { main } = cmsRequire('./dist/src/import/wordpress/cli.js');
process.exitCode = await main(process.argv.slice(2));
// Strapi leaves timers of its own behind once destroyed; the import is over.
process.exit();
