// Shared by the root scripts: install an app when needed, run commands, wait for a server.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const quietEnv = {
  STRAPI_TELEMETRY_DISABLED: 'true',
  NEXT_TELEMETRY_DISABLED: '1',
};

export const log = (message) => console.log(`\x1b[1m[marquee]\x1b[0m ${message}`);

/** Runs a command to completion with inherited output; exits the script if it fails. */
export const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...quietEnv, ...options.env } });
  if (result.status !== 0) {
    log(`'${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
};

/** `npm ci` in an app unless its node_modules already match its lockfile. */
export const ensureInstalled = (app) => {
  const dir = path.join(root, app);
  const lock = path.join(dir, 'package-lock.json');
  const installed = path.join(dir, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  log(`Installing ${app}/ dependencies (npm ci)...`);
  const started = Date.now();
  run('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir });
  log(`${app}/ installed in ${Math.round((Date.now() - started) / 1000)} s`);
};

/** A hash of the files below `paths` (relative to `dir`): tells whether a build is stale. */
export const hashTree = (dir, paths) => {
  const hash = createHash('sha256');
  const walk = (entry) => {
    const full = path.join(dir, entry);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const child of readdirSync(full).sort()) walk(path.join(entry, child));
    } else {
      hash.update(entry).update(readFileSync(full));
    }
  };
  paths.forEach(walk);
  return hash.digest('hex');
};

/** Builds the Strapi app (server code and admin panel) when its sources changed since the last build. */
export const ensureCmsBuilt = () => {
  const dir = path.join(root, 'cms');
  const stamp = path.join(dir, 'dist', '.marquee-build');
  const hash = hashTree(dir, ['config', 'src', 'package-lock.json', 'tsconfig.json']);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(path.join(dir, 'dist', 'build', 'index.html'))) return;
  log('Building the CMS (server and admin panel)...');
  run('npx', ['strapi', 'build'], { cwd: dir });
  writeFileSync(stamp, hash);
};

/** Strapi's request log lines: one per request, with the whole populate query in the URL. */
export const notRequestLog = (line) => !/http(\x1b\[\d+m)?: (GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS) /.test(line);

/** Starts a long-running process; its output is prefixed with its name and kept where `keep(line)` says so. */
export const start = (name, command, args, { keep = () => true, ...options } = {}) => {
  const child = spawn(command, args, {
    ...options,
    env: { ...process.env, ...quietEnv, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = (stream, out) => {
    let buffer = '';
    stream.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (keep(line)) out.write(`${name} | ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  return child;
};

/** Stops a process started with `start`, with its whole process group. */
export const stop = (child, signal = 'SIGTERM') => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
};

/** Resolves when `url` answers below 500, or rejects after `timeoutMs`. */
export const waitFor = async (url, timeoutMs = 120_000, child) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`the process serving ${url} exited with ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
};

/** Builds the web (next build) when its sources changed since the last build. The CMS need not run. */
export const ensureWebBuilt = () => {
  const dir = path.join(root, 'web');
  const stamp = path.join(dir, '.next', '.marquee-build');
  const hash = hashTree(dir, ['app', 'components', 'lib', 'public', 'next.config.ts', 'package-lock.json', 'tsconfig.json', 'instrumentation.ts']);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  log('Building the web (next build)...');
  run('npx', ['next', 'build'], { cwd: dir });
  writeFileSync(stamp, hash);
};

/**
 * A Chromium for the browser tests: CHROME_PATH, then Debian's /usr/bin/chromium; running as root on Debian, it
 * installs Debian's package itself. Never a browser download (Playwright's own builds cannot be fetched here).
 */
export const findChromium = () => {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium'].filter(Boolean);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && existsSync('/etc/debian_version')) {
    log("No Chromium found: installing Debian's chromium package (apt-get install -y chromium)...");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  }
  log('The browser tests need Chromium and none was found. Install it with:');
  log('  sudo apt-get install -y chromium      (or set CHROME_PATH to a Chromium binary)');
  process.exit(1);
};
