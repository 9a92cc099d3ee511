// Shared by the root scripts: install an app when needed, run commands, wait for a server.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
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
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    ...options,
    env: { ...process.env, ...quietEnv, ...options.env },
  });
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
  if (
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === hash &&
    existsSync(path.join(dir, 'dist', 'build', 'index.html'))
  )
    return;
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
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`the process serving ${url} exited with ${child.exitCode ?? child.signalCode}`);
    }
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
  const hash = hashTree(dir, [
    'app',
    'components',
    'lib',
    'public',
    'cache-handlers',
    'next.config.ts',
    'proxy.ts',
    'middleware.ts',
    'instrumentation.ts',
    'package-lock.json',
    'tsconfig.json',
  ]);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return;
  log('Building the web (next build)...');
  run('npx', ['next', 'build'], { cwd: dir });
  writeFileSync(stamp, hash);
};

/** Whether `child` has exited (or was killed); resolves at once when it has. */
export const exited = (child) =>
  new Promise((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve()),
  );

const isRootOnDebian = () =>
  typeof process.getuid === 'function' && process.getuid() === 0 && existsSync('/etc/debian_version');

/** Installs Debian packages when running as root on Debian; returns false (installing nothing) anywhere else. */
const aptInstall = (packages, why) => {
  if (!isRootOnDebian()) return false;
  log(`${why}: installing Debian's ${packages.join(', ')} (apt-get install -y ${packages.join(' ')})...`);
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', ...packages], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
  return true;
};

/** Resolves whether nothing listens on 127.0.0.1:`port` (so a server we start there is the one that answers). */
export const portFree = (port) =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A program from a Debian package: the path in `envVar`, else Debian's; running as root on Debian it installs the
 * package itself. Exits with the command to run anywhere else (never a download from another host).
 */
const findDebianProgram = ({ envVar, binary, pkg, what, neededFor }) => {
  const found = [process.env[envVar], binary].filter(Boolean).find((candidate) => existsSync(candidate));
  if (found) return found;
  if (aptInstall([pkg], `No ${what} found`) && existsSync(binary)) return binary;
  log(`${neededFor} ${what} and none was found. Install it with:`);
  log(`  sudo apt-get install -y ${pkg}      (or set ${envVar} to a ${what} binary)`);
  process.exit(1);
};

/** Debian's nginx for the caching proxy and the bench (run unprivileged from its own config, never the service). */
export const findNginx = () =>
  findDebianProgram({
    envVar: 'NGINX_PATH',
    binary: '/usr/sbin/nginx',
    pkg: 'nginx',
    what: 'nginx',
    neededFor: 'The caching proxy (npm run start:scaled, its tests) needs',
  });

/** Debian's njs module for nginx (libnginx-mod-http-js): the proxy checks readers' cookies with it (proxy/reader.js). */
export const findNjsModule = () =>
  findDebianProgram({
    envVar: 'NGINX_NJS_MODULE',
    binary: '/usr/lib/nginx/modules/ngx_http_js_module.so',
    pkg: 'libnginx-mod-http-js',
    what: "nginx's njs module",
    neededFor: 'The caching proxy (npm run start:scaled, its tests) needs',
  });

/**
 * The main config of a local, unprivileged nginx in the foreground (`daemon off`, so stopping the process stops
 * it), with its pid and temp files in `dir` (which must hold a `temp` folder), `http` inside its http block and
 * the dynamic `modules` (absolute paths) loaded.
 */
export const unprivilegedNginxConfig = ({ dir, http, modules = [] }) => {
  const temp = (name) => path.join(dir, 'temp', name);
  return `${modules.map((module) => `load_module ${module};\n`).join('')}daemon off;
worker_processes auto;
pid ${path.join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path ${temp('client_body')};
    proxy_temp_path ${temp('proxy')};
    fastcgi_temp_path ${temp('fastcgi')};
    uwsgi_temp_path ${temp('uwsgi')};
    scgi_temp_path ${temp('scgi')};
${http}
}
`;
};

/**
 * Sends one command to Redis (RESP over a plain socket, so the scripts need no client library) and resolves with
 * the reply's first line (`+PONG`, `:3`, `-ERR ...`).
 */
export const redisCommand = (url, ...args) =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port || 6379) });
    let reply = '';
    socket.setTimeout(2000, () => socket.destroy(new Error(`Redis at ${url} did not answer`)));
    socket.on('connect', () => {
      socket.write(
        `*${args.length}\r\n${args.map((arg) => `$${Buffer.byteLength(String(arg))}\r\n${arg}\r\n`).join('')}`,
      );
    });
    socket.on('data', (chunk) => {
      reply += chunk;
      const end = reply.indexOf('\r\n');
      if (end >= 0) {
        socket.end();
        resolve(reply.slice(0, end));
      }
    });
    socket.on('error', reject);
  });

/**
 * Redis for the web's shared cache: answers at `url`, or (local only) is started the way every machine of this
 * kind runs it, without persistence.
 */
export const ensureRedis = async (url = 'redis://127.0.0.1:6379') => {
  const ping = () =>
    redisCommand(url, 'PING').then(
      (reply) => reply === '+PONG',
      () => false,
    );
  if (await ping()) return;
  const { hostname } = new URL(url);
  if (!['127.0.0.1', 'localhost'].includes(hostname)) throw new Error(`Redis at ${url} does not answer`);
  if (!existsSync('/usr/bin/redis-server')) aptInstall(['redis-server'], 'No Redis found');
  if (!existsSync('/usr/bin/redis-server'))
    throw new Error('Redis does not answer and redis-server is not installed (apt-get install -y redis-server)');
  log('Redis does not answer: starting redis-server on 127.0.0.1:6379 (no persistence)...');
  const dir = existsSync('/var/lib/redis') ? '/var/lib/redis' : '/tmp';
  const logfile = existsSync('/var/log/redis') ? '/var/log/redis/ci.log' : '/tmp/marquee-redis.log';
  run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '-::1',
    '--port',
    '6379',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--logfile',
    logfile,
  ]);
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (await ping()) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('redis-server started but does not answer PING');
};

/**
 * A Chromium for the browser tests: CHROME_PATH, then Debian's /usr/bin/chromium; running as root on Debian, it
 * installs Debian's package itself. Never a browser download (Playwright's own builds cannot be fetched here).
 */
export const findChromium = () =>
  findDebianProgram({
    envVar: 'CHROME_PATH',
    binary: '/usr/bin/chromium',
    pkg: 'chromium',
    what: 'Chromium',
    neededFor: 'The browser tests need',
  });

/** Debian's Java, which runs the W3C HTML checker (vnu.jar) in the browser suite. */
export const findJava = () =>
  findDebianProgram({
    envVar: 'JAVA_PATH',
    binary: '/usr/bin/java',
    pkg: 'default-jre-headless',
    what: 'Java runtime',
    neededFor: 'The browser tests (the W3C HTML checker) need',
  });

/** Deletes every key under `prefix` from the Redis at `url` (a run's own cache entries); never fails the caller. */
export const dropRedisKeys = (url, prefix) =>
  redisCommand(
    url,
    'EVAL',
    "local n = 0 for _, key in ipairs(redis.call('KEYS', ARGV[1])) do n = n + redis.call('DEL', key) end return n",
    '0',
    `${prefix}*`,
  ).catch(() => undefined);
