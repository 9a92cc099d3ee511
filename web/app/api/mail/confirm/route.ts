import { confirmAddress, type MailPageResult } from '@/lib/cms/mail';
import { toPage, tokenOf } from '../respond';

/** The confirmation page's button (a form post, so it works with JavaScript off and link scanners confirm nothing). */
export async function POST(request: Request): Promise<Response> {
  const { token } = await tokenOf(request);
  let result: MailPageResult;
  try {
    result = await confirmAddress(token);
  } catch {
    result = 'unavailable';
  }
  return toPage('/mail/confirm', result);
}
