import { z } from 'zod';
import { NOTE_MAX, REPORT_REASONS, reportMessages } from './report-state';

export * from './report-state';

/** The report form's server-side check; the CMS checks again and owns the rules. */
export const reportInputSchema = z.object({
  reason: z.enum(REPORT_REASONS, reportMessages.reasonRequired),
  note: z.string().trim().max(NOTE_MAX, reportMessages.noteTooLong),
});
export type ReportInput = z.output<typeof reportInputSchema>;
