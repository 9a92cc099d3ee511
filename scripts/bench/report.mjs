// What every benchmark script shares: stopping what it started on Ctrl-C, and the way its report writes figures.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { log, root } from '../lib.mjs';

/**
 * On SIGINT or SIGTERM, once: `abort()` while nothing is started yet (it returns true when it did abort), else `stop()`,
 * then exit (at most 30 s later). `interrupted` tells the rest of the script not to report or clean up a second time.
 */
export const onInterrupt = ({ what, stop, abort = () => false }) => {
  const state = { interrupted: false };
  const handle = (code) => {
    if (state.interrupted) return;
    state.interrupted = true;
    log(`Interrupted: ${what}...`);
    setTimeout(() => process.exit(code), 30_000).unref();
    if (abort()) return;
    void stop().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => handle(130));
  process.on('SIGTERM', () => handle(143));
  return state;
};

export const int = (value) => Math.round(value).toLocaleString('en-US');
export const pct = (value) => `${(value * 100).toFixed(0)} %`;
export const pass = (ok) => (ok ? 'met' : 'NOT met');

/** The load average over 1, 5 and 15 minutes, as printed beside each measurement. */
export const loadAverage = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

/** The commit measured, and how many files in the tree differ from it. */
export const commitMeasured = () => {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout?.trim() ?? '';
  const dirty = git('status', '--porcelain').split('\n').filter(Boolean).length;
  return `${git('rev-parse', '--short', 'HEAD') || 'unknown'}${dirty ? ` + ${dirty} uncommitted files in the tree` : ''}`;
};
