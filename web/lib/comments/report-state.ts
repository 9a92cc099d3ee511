/**
 * The report form's reasons, messages and state, shared by the server action and the form. Free of zod on purpose,
 * like ./form-state.ts: the client form imports this.
 */
/** The CMS's short list (comment-report's reason enumeration), in the order the form offers them. */
export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'spoiler', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  spam: 'Spam or advertising',
  abuse: 'Abusive, hateful or harassing',
  'off-topic': 'Off topic',
  spoiler: 'Spoils the film without warning',
  other: 'Something else (say what in the note)',
};
export const NOTE_MAX = 500;

export const reportMessages = {
  reasonRequired: 'Please choose why you are reporting this comment.',
  noteTooLong: `Your note can be at most ${NOTE_MAX} characters.`,
  fixErrors: 'Your report was not sent. Please fix the error below; your note is still here.',
  notFound: 'This comment is no longer shown on the site, so there is nothing to report.',
  tooFast: 'You are sending reports too quickly. Please wait a minute and try again.',
  unavailable: 'We could not send your report just now. Please try again in a moment.',
  wrongOrigin: 'Reports can only be sent from this site’s own pages.',
  sent: 'Thanks — a moderator will review it.',
} as const;

export type ReportFormState = {
  status: 'idle' | 'error';
  message: string | null;
  fieldErrors: Partial<Record<'reason' | 'note', string>>;
  values: { reason: string; note: string };
  submittedAt: number;
};

export const initialReportFormState: ReportFormState = {
  status: 'idle',
  message: null,
  fieldErrors: {},
  values: { reason: '', note: '' },
  submittedAt: 0,
};

/** Which comment a report is about; bound into the action by the page. */
export type ReportTarget = { reviewSlug: string; commentId: string };
export type SubmitReport = (
  target: ReportTarget,
  previous: ReportFormState,
  formData: FormData,
) => Promise<ReportFormState>;

/** Where a sent report lands: a plain page, the same for everyone, so no reader's answer sits in a shared cache. */
export const reportSentPath = ({ reviewSlug, commentId }: ReportTarget) =>
  `/reviews/${encodeURIComponent(reviewSlug)}/report/${encodeURIComponent(commentId)}/sent`;
