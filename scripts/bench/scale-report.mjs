// The scale bench's figures side by side (demo | scale | ratio) and its bounds, kept apart from the run so they can
// be read and checked on their own.
import { percentile } from './http.mjs';

/** The goal: every uncached figure at scale within 2x of the same figure at demo size, none above 250 ms p99. */
export const RATIO_BOUND = 2;
export const P99_CEILING_MS = 250;

const ms = (value) => (Number.isFinite(value) ? (value < 10 ? value.toFixed(2) : value.toFixed(1)) : '-');

/** p50 and p99 (nearest rank) of one target's uncached samples. */
export const summarise = (times) => ({ p50: percentile(times, 50), p99: percentile(times, 99), n: times.length });

/** The ceiling alone: for a target whose size grows with the data by design up to a fixed cap (a sitemap chunk). */
export const checkCeiling = (target, scale) =>
  scale.p99 <= P99_CEILING_MS
    ? []
    : [`${target} uncached p99: ${ms(scale.p99)} ms at scale, above ${P99_CEILING_MS} ms`];

/**
 * Whether one uncached figure keeps its bounds: scale <= 2x demo (or demo + `slackMs`, whichever is larger: a figure
 * of a few ms doubles from one scheduler hiccup on a shared machine, which is noise, not a cost that grows with the
 * data), and, for p99, scale <= 250 ms. Returns the failures as sentences.
 */
export const checkFigure = ({ target, figure, demo, scale, slackMs }) => {
  const failures = [];
  const allowed = Math.max(RATIO_BOUND * demo, demo + slackMs);
  if (!(scale <= allowed)) {
    failures.push(
      `${target} uncached ${figure}: ${ms(scale)} ms at scale vs ${ms(demo)} ms at demo size (${(scale / demo).toFixed(2)}x; bound ${RATIO_BOUND}x or +${slackMs} ms = ${ms(allowed)} ms)`,
    );
  }
  if (figure === 'p99') failures.push(...checkCeiling(target, { p99: scale }));
  return failures;
};

/**
 * Every bound of one target (its p50 and p99); `[]` when it keeps them all. `capped` targets are held to the ceiling
 * only: what they hold grows with the data until a fixed cap (a sitemap chunk lists up to its chunk size of reviews,
 * six at demo size), after which they cost the same however large the site grows.
 */
export const checkTarget = (target, demo, scale, slackMs, { capped = false } = {}) =>
  capped
    ? checkCeiling(target, scale)
    : [
        ...checkFigure({ target, figure: 'p50', demo: demo.p50, scale: scale.p50, slackMs }),
        ...checkFigure({ target, figure: 'p99', demo: demo.p99, scale: scale.p99, slackMs }),
      ];

/** The side-by-side table: one line per target, demo | scale | ratio for uncached p50/p99 and cached p50. */
export const formatTable = (rows) => {
  const widths = [36, 9, 9, 9, 9, 9, 9, 7, 7, 7];
  const line = (cells) =>
    cells.map((cell, i) => (i === 0 ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]))).join(' ');
  const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && a > 0 ? `${(b / a).toFixed(2)}x` : '-');
  return [
    line(['', 'demo', '', '', 'scale', '', '', 'ratio', '', '']),
    line(['target (ms)', 'unc p50', 'unc p99', 'hit p50', 'unc p50', 'unc p99', 'hit p50', 'p50', 'p99', 'hit']),
    ...rows.map(({ name, demo, scale }) =>
      line([
        name,
        ms(demo.uncached.p50),
        ms(demo.uncached.p99),
        ms(demo.cached?.p50),
        ms(scale.uncached.p50),
        ms(scale.uncached.p99),
        ms(scale.cached?.p50),
        ratio(demo.uncached.p50, scale.uncached.p50),
        ratio(demo.uncached.p99, scale.uncached.p99),
        ratio(demo.cached?.p50, scale.cached?.p50),
      ]),
    ),
  ];
};
