'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { CmsError } from '@/lib/cms/client';
import { postReport } from '@/lib/cms/comment-reports';
import { clientAddress } from '@/lib/client-address';
import {
  type ReportFormState,
  type ReportTarget,
  reportInputSchema,
  reportMessages,
  reportSentPath,
} from '@/lib/comments/report-form';
import { env } from '@/lib/env';

function text(formData: FormData, key: string): string {
  const v = formData.get(key);
  return typeof v === 'string' ? v : '';
}

function failure(
  values: ReportFormState['values'],
  message: string,
  fieldErrors: ReportFormState['fieldErrors'] = {},
): ReportFormState {
  return { status: 'error', message, fieldErrors, values, submittedAt: Date.now() };
}

/**
 * "Report": validates, sends the report to the CMS with the reader's address, and on success (or when this reader
 * had already reported the comment) redirects to a plain thank-you page, the same for everyone. A failure is
 * answered to this one POST (never cached), with the reader's choice and note kept.
 */
export async function submitReport(
  target: ReportTarget,
  _previous: ReportFormState,
  formData: FormData,
): Promise<ReportFormState> {
  const h = await headers();
  const values = { reason: text(formData, 'reason'), note: text(formData, 'note') };
  const origin = h.get('origin');
  if (origin !== null && origin !== new URL(env().SITE_URL).origin) return failure(values, reportMessages.wrongOrigin);

  const parsed = reportInputSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: ReportFormState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === 'reason' || field === 'note') && !fieldErrors[field]) fieldErrors[field] = issue.message;
    }
    return failure(values, reportMessages.fixErrors, fieldErrors);
  }

  try {
    await postReport(
      {
        comment: target.commentId,
        reason: parsed.data.reason,
        ...(parsed.data.note ? { note: parsed.data.note } : {}),
      },
      {
        ip: clientAddress(h, { hops: env().TRUSTED_PROXY_HOPS, secret: env().TRUSTED_PROXY_SECRET }),
        userAgent: h.get('user-agent'),
      },
    );
  } catch (error) {
    if (!(error instanceof CmsError)) throw error;
    // A second report from the same reader is not counted again by the CMS; for the reader it is simply received.
    if (error.status !== 409) {
      if (error.status === 400 && error.fieldErrors.some((e) => e.field === 'reason')) {
        return failure(values, reportMessages.fixErrors, { reason: reportMessages.reasonRequired });
      }
      if (error.status === 400 && error.fieldErrors.some((e) => e.field === 'note')) {
        return failure(values, reportMessages.fixErrors, { note: reportMessages.noteTooLong });
      }
      if (error.status === 404) return failure(values, reportMessages.notFound);
      if (error.status === 429) return failure(values, reportMessages.tooFast);
      return failure(values, reportMessages.unavailable);
    }
  }
  redirect(reportSentPath(target));
}
