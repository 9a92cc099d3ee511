// `npm start`: install what is missing, build, and run the product locally on SQLite with demo content.
import { ensureEnvFiles } from './env-files.mjs';
import { log, root, stop, waitFor } from './lib.mjs';
import { prepareApps, startCms, startWeb } from './stack.mjs';

const started = Date.now();
const cmsEnv = ensureEnvFiles(root);
prepareApps();

const cmsUrl = `http://localhost:${cmsEnv.PORT ?? 1337}`;
const cms = startCms({});
const children = [cms];

let stopping = false;
const shutdown = (code) => {
  if (stopping) return;
  stopping = true;
  log('Stopping...');
  children.forEach((child) => stop(child));
  setTimeout(() => process.exit(code), 3000).unref();
  Promise.all(
    children.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve))),
    ),
  ).then(() => process.exit(code));
};
process.on('SIGINT', () => shutdown(0));
process.on('SIGTERM', () => shutdown(0));
for (const child of children)
  child.on('exit', (code) => !stopping && (log(`a process exited (${code}); stopping`), shutdown(1)));

try {
  await waitFor(`${cmsUrl}/api/health`, 180_000, cms);
  // Started once the CMS answers, so that no reader meets a "CMS unavailable" page during start-up.
  // The web reads web/.env.local (written beside cms/.env with the secrets they share).
  const web = startWeb({ port: 3000, hostname: '0.0.0.0' });
  children.push(web);
  web.on('exit', (code) => !stopping && (log(`the web exited (${code}); stopping`), shutdown(1)));
  await waitFor('http://localhost:3000/api/health', 60_000, web);
} catch (error) {
  log(`Marquee did not start: ${error.message}`);
  shutdown(1);
}
log(`Ready in ${Math.round((Date.now() - started) / 1000)} s`);
log('Site:        http://localhost:3000');
log(`Admin panel: ${cmsUrl}/admin`);
log(`  login: ${cmsEnv.ADMIN_EMAIL} / ${cmsEnv.ADMIN_PASSWORD}  (development only, from cms/.env)`);
log(`CMS API:     ${cmsUrl}/api/reviews`);
log('Press Ctrl-C to stop.');
