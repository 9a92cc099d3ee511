import { KINDS, type ImportReport } from './writer';

const pad = (text: string | number, width: number) => String(text).padStart(width);

/** The report as the command prints it: a table of counts, then what was left out, then warnings by post. */
export const formatReport = (report: ImportReport): string => {
  const lines: string[] = [];
  lines.push(
    report.dryRun
      ? `Dry run for ${report.site}: nothing was written. This is what an import would do.`
      : `Imported from ${report.site}.`,
  );
  lines.push(
    '',
    `${'type'.padEnd(10)}${pad('imported', 10)}${pad('updated', 10)}${pad('skipped', 10)}${pad('failed', 10)}`,
  );
  for (const kind of KINDS) {
    const t = report.counts[kind];
    lines.push(
      `${kind.padEnd(10)}${pad(t.imported, 10)}${pad(t.updated, 10)}${pad(t.skipped, 10)}${pad(t.failed, 10)}`,
    );
  }
  const notImported = Object.entries(report.notImported);
  if (notImported.length > 0) {
    lines.push('', 'Not imported:');
    for (const [kind, count] of notImported) lines.push(`  ${kind}: ${count}`);
  }
  const removed = Object.entries(report.removed);
  if (removed.length > 0) {
    lines.push('', 'Left out of post bodies (never kept as markup):');
    for (const [kind, count] of removed) lines.push(`  ${kind}: ${count}`);
  }
  if (report.withoutRating.length > 0) {
    lines.push('', `Without a critic's rating (${report.withoutRating.length}):`);
    for (const title of report.withoutRating) lines.push(`  ${title}`);
  }
  if (report.warnings.length > 0) {
    lines.push('', `Warnings (${report.warnings.length + report.moreWarnings}):`);
    for (const { title, message } of report.warnings) lines.push(`  ${title}: ${message}`);
    if (report.moreWarnings > 0) lines.push(`  ...and ${report.moreWarnings} more`);
  }
  return lines.join('\n');
};
