#!/usr/bin/env node
/**
 * `npm start`: runs the standalone server that `next build` wrote (output: 'standalone'), as the Dockerfile does;
 * `next start` warns that it does not support standalone output. PORT and HOSTNAME say where it listens (the
 * standalone server's defaults: 3000 and 0.0.0.0).
 */
import { cpSync, existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const standalone = path.join(root, '.next', 'standalone');
const server = path.join(standalone, 'server.js');
if (!existsSync(server)) {
  console.error('No standalone build: run `npm run build` first.');
  process.exit(1);
}

// The standalone server reads .env files from its own folder, which holds none: load the app's, in Next's order for
// production (the first file to set a variable wins, and the process's own environment wins over every file).
for (const file of ['.env.production.local', '.env.local', '.env.production', '.env']) {
  if (existsSync(path.join(root, file))) process.loadEnvFile(path.join(root, file));
}

/**
 * The static assets the standalone output leaves out, copied beside it once per build (`next build` empties the
 * folder). Copied under another name and renamed, so that replicas starting together never serve a half-copied file.
 */
const copyOnce = (from, to) => {
  if (!existsSync(from) || existsSync(to)) return;
  const staging = `${to}.${process.pid}`;
  cpSync(from, staging, { recursive: true });
  try {
    renameSync(staging, to);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(to)) throw error; // another replica's copy won the rename; anything else is a real failure
  }
};
copyOnce(path.join(root, '.next', 'static'), path.join(standalone, '.next', 'static'));
copyOnce(path.join(root, 'public'), path.join(standalone, 'public'));

await import(pathToFileURL(server).href);
