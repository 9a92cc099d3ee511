import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createStrapi } from '@strapi/strapi';
import { noticesSent } from '../../revalidation/notifier';
import { formatReport } from './report';
import { importWordpress, scanWxr } from './writer';
import { WxrError } from './wxr';

const USAGE = `Usage: npm run import:wordpress -- <export.xml> [--uploads <folder>] [--rating-meta <key>] [--dry-run]

  <export.xml>         the file WordPress writes under Tools > Export (WXR 1.0-1.2)
  --uploads <folder>   a copy of the site's wp-content/uploads (covers and images in posts)
  --rating-meta <key>  the post meta key holding the critic's rating on a 5-point scale (default: rating)
  --dry-run            write nothing; print the report an import would print`;

/** cms/, from dist/src/import/wordpress where this file runs. */
const appDir = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * Runs the import in a process of its own, on the database and .env of the CMS that serves the site (it may be
 * running): a Strapi instance is loaded, never served, so every write goes through the same document service.
 * @returns the exit code
 */
export const main = async (argv: string[], print: (text: string) => void = console.log): Promise<number> => {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        uploads: { type: 'string' },
        'rating-meta': { type: 'string', default: 'rating' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    print(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const [file, ...extra] = args.positionals;
  if (args.values.help || !file || extra.length > 0) {
    print(USAGE);
    return args.values.help ? 0 : 2;
  }
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const exportFile = path.resolve(cwd, file);
  const uploads = args.values.uploads ? path.resolve(cwd, args.values.uploads) : null;
  if (!existsSync(exportFile) || !statSync(exportFile).isFile()) {
    print(`Refused: ${exportFile} is not a file.`);
    return 1;
  }
  if (uploads && !(existsSync(uploads) && statSync(uploads).isDirectory())) {
    print(`Refused: the uploads folder ${uploads} does not exist.`);
    return 1;
  }

  let scan;
  try {
    scan = await scanWxr(exportFile);
  } catch (error) {
    if (error instanceof WxrError) {
      print(`Refused, nothing was written: ${error.message}`);
      return 1;
    }
    throw error;
  }

  process.chdir(appDir);
  Object.assign(process.env, {
    // The serving CMS runs the scheduled jobs and seeds; this process only writes the import.
    CRON_ENABLED: 'false',
    SEED_DEMO_CONTENT: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
  });
  const strapi = createStrapi({ appDir, distDir: path.join(appDir, 'dist') });
  strapi.log.level = 'warn';
  await strapi.load();
  try {
    const started = performance.now();
    const report = await importWordpress(
      strapi,
      {
        file: exportFile,
        uploads,
        ratingMeta: args.values['rating-meta'],
        dryRun: args.values['dry-run'],
        log: (line) => print(line),
      },
      scan,
    );
    await noticesSent();
    print(formatReport(report));
    print(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return report.counts.reviews.failed > 0 ? 1 : 0;
  } finally {
    await strapi.destroy();
  }
};
