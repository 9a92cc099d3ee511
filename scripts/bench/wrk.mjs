// Debian's `wrk` as the load generator: a native one, because a Node load generator is itself the bottleneck on
// two cores (docs/performance.md has the figures).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { log, run } from '../lib.mjs';

/** /usr/bin/wrk (or WRK_PATH); as root on Debian, installs Debian's package like lib.mjs does for nginx. */
export const findWrk = () => {
  const candidates = [process.env.WRK_PATH, '/usr/bin/wrk'].filter(Boolean);
  const found = candidates.find((candidate) => existsSync(candidate));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/etc/debian_version')) {
    log("No wrk found: installing Debian's wrk (apt-get install -y wrk)...");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'wrk'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
    if (existsSync('/usr/bin/wrk')) return '/usr/bin/wrk';
  }
  log('The benchmark needs wrk and none was found. Install it with:');
  log('  sudo apt-get install -y wrk      (or set WRK_PATH to a wrk binary)');
  process.exit(1);
};

const UNIT_MS = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "634.00us", "1.12ms", "2.01s" -> milliseconds. */
export const parseDuration = (text) => {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  if (!match) throw new Error(`wrk printed a latency I cannot read: '${text}'`);
  return Number(match[1]) * UNIT_MS[match[2]];
};

/** What `wrk --latency` prints, as numbers: req/s, p50/p99 in ms, requests, failures. */
export const parseWrk = (output) => {
  const number = (pattern) => {
    const match = pattern.exec(output);
    return match ? Number(match[1]) : 0;
  };
  const percentile = (p) => {
    const match = new RegExp(`^\\s*${p}%\\s+(\\S+)\\s*$`, 'm').exec(output);
    if (!match) throw new Error(`wrk printed no ${p}th percentile:\n${output}`);
    return parseDuration(match[1]);
  };
  const rpsMatch = /^Requests\/sec:\s+([\d.]+)/m.exec(output);
  if (!rpsMatch) throw new Error(`wrk printed no Requests/sec:\n${output}`);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    rps: Number(rpsMatch[1]),
    p50: percentile(50),
    p99: percentile(99),
    requests: number(/^\s*(\d+) requests in/m),
    non2xx: number(/Non-2xx or 3xx responses:\s+(\d+)/),
    socketErrors: socket ? socket.slice(1, 4).reduce((sum, n) => sum + Number(n), 0) : 0,
    timeouts: socket ? Number(socket[4]) : 0,
  };
};

/**
 * One `wrk -t1 -cN -dS --latency url` run. wrk sends no Accept-Encoding header, so every server answers with the
 * identity body. `headers` are sent with every request (`-H`). `onChild` receives the process (so a Ctrl-C handler
 * can stop it).
 */
export const runWrk = (wrk, url, { connections, seconds, headers = {}, onChild = () => {} }) =>
  new Promise((resolve, reject) => {
    const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
    const child = spawn(wrk, ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...headerArgs, url], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    onChild(child);
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      onChild(null);
      if (code !== 0) return reject(new Error(`wrk exited with ${code ?? signal}:\n${output}`));
      try {
        resolve(parseWrk(output));
      } catch (error) {
        reject(error);
      }
    });
  });
