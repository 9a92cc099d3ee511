import 'server-only';
import { z } from 'zod';
import { CmsError, cmsPost } from './client';

/** The outcome of a signed email link, as the CMS judged it. The web never sees the address behind a token. */
export type MailLinkResult = 'confirmed' | 'unsubscribed' | 'invalid' | 'expired';

const doneSchema = z.object({ data: z.object({ status: z.enum(['confirmed', 'unsubscribed']) }) });
const refusedSchema = z.object({ error: z.object({ details: z.object({ reason: z.enum(['invalid', 'expired']) }) }) });

/** Tokens are sealed base64url (cms/src/mail/tokens.ts); anything else is refused here without asking the CMS. */
const TOKEN = /^[A-Za-z0-9_-]{40,1000}$/;

async function forward(action: 'confirm' | 'unsubscribe', token: string): Promise<MailLinkResult> {
  if (!TOKEN.test(token)) return 'invalid';
  try {
    const answer = await cmsPost(`/mail/${action}`, { data: { token } }, doneSchema, { auth: true });
    return answer.data.status;
  } catch (error) {
    if (error instanceof CmsError && error.status === 400) {
      const refused = refusedSchema.safeParse(error.cause);
      if (refused.success) return refused.data.error.details.reason;
    }
    throw error;
  }
}

/**
 * Confirms the address a confirmation link was made for (double opt-in).
 * @throws {CmsError} when the CMS is unreachable or answers anything but success or a refused token.
 */
export const confirmAddress = (token: string) => forward('confirm', token);

/**
 * Stops every email to the address an unsubscribe link was made for.
 * @throws {CmsError} when the CMS is unreachable or answers anything but success or a refused token.
 */
export const unsubscribeAddress = (token: string) => forward('unsubscribe', token);

/** What a mail page shows after its form was sent; `unavailable` when the CMS could not be asked. */
export type MailPageResult = MailLinkResult | 'unavailable';

// Each page shows only its own success: the unsubscribe page never says "confirmed", nor the other way round.
const RESULTS: Record<'confirm' | 'unsubscribe', readonly MailPageResult[]> = {
  confirm: ['confirmed', 'invalid', 'expired', 'unavailable'],
  unsubscribe: ['unsubscribed', 'invalid', 'expired', 'unavailable'],
};

/** The result page's query value, checked against what that page's form can lead to: anything else shows the form again. */
export function resultParam(
  page: 'confirm' | 'unsubscribe',
  value: string | string[] | undefined,
): MailPageResult | null {
  return RESULTS[page].find((result) => result === value) ?? null;
}
