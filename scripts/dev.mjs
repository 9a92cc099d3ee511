// `npm run dev`: both apps with hot reload, for people changing the code (Strapi develop, next dev).
// Strapi's develop mode rebuilds its admin on the fly and deletes the production build; `npm start` rebuilds it.
import path from 'node:path';
import { ensureEnvFiles } from './env-files.mjs';
import { ensureInstalled, log, notRequestLog, root, start, stop, waitFor } from './lib.mjs';

const cmsEnv = ensureEnvFiles(root);
ensureInstalled('cms');
ensureInstalled('web');
const children = [
  start('cms', 'npx', ['strapi', 'develop'], { cwd: path.join(root, 'cms'), keep: notRequestLog }),
  start('web', 'npx', ['next', 'dev', '-p', '3000'], { cwd: path.join(root, 'web') }),
];
const shutdown = () => {
  children.forEach((child) => stop(child));
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
await waitFor(`http://localhost:${cmsEnv.PORT ?? 1337}/_health`, 300_000);
log(
  `Site:  http://localhost:3000   Admin: http://localhost:${cmsEnv.PORT ?? 1337}/admin (${cmsEnv.ADMIN_EMAIL} / ${cmsEnv.ADMIN_PASSWORD})`,
);
