import { z } from 'zod';
import { cleanText, type FieldError } from '../../comment/domain/rules';
import { messages } from './messages';

export const REPORT_REASONS = ['spam', 'abuse', 'off-topic', 'spoiler', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** What a report may contain; anything else is refused rather than silently stored. */
export const reportSchema = z.strictObject(
  {
    comment: z.string(messages.commentRequired).trim().min(1, messages.commentRequired).max(64),
    reason: z.enum(REPORT_REASONS, messages.reasonInvalid),
    note: z
      .preprocess(
        (value) => (typeof value === 'string' ? cleanText(value, true) : value),
        z.string().max(500, messages.noteTooLong),
      )
      .nullish()
      .transform((value) => (value ? value : null)),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? messages.unknownField : undefined) },
);
export type ReportInput = z.infer<typeof reportSchema>;

export const parseReport = (raw: unknown): { ok: true; value: ReportInput } | { ok: false; errors: FieldError[] } => {
  const result = reportSchema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.flatMap((issue): FieldError[] =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: [key], message: messages.unknownField }))
        : [{ path: issue.path.map(String), message: issue.message }],
    ),
  };
};
