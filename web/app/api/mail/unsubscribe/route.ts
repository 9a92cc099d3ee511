import { unsubscribeAddress, type MailPageResult } from '@/lib/cms/mail';
import { NO_STORE, toPage, tokenOf } from '../respond';

/** A person who follows the List-Unsubscribe link gets the page with its button; a GET itself changes nothing. */
export function GET(request: Request): Response {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  const location = `/mail/unsubscribe?token=${encodeURIComponent(token)}`;
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': NO_STORE } });
}

const ANSWERS: Record<MailPageResult, { status: number; text: string }> = {
  unsubscribed: { status: 200, text: 'Unsubscribed: Marquee will send no more email to this address.' },
  confirmed: { status: 200, text: 'Unsubscribed: Marquee will send no more email to this address.' },
  invalid: { status: 400, text: 'This unsubscribe link is not valid.' },
  expired: { status: 400, text: 'This unsubscribe link is not valid.' },
  unavailable: { status: 503, text: 'Please try again in a minute.' },
};

/**
 * RFC 8058 one-click unsubscribe: a mail client POSTs `List-Unsubscribe=One-Click` to the link's URL, with no cookies
 * and no confirmation step, and gets a plain answer. The site's own page posts here too (`from=page`) and is sent
 * back to the page with the result.
 */
export async function POST(request: Request): Promise<Response> {
  const { token, form } = await tokenOf(request);
  const fromPage = form?.get('from') === 'page';
  // RFC 8058 section 3.2: the POST body must say List-Unsubscribe=One-Click; any other POST to the link does nothing.
  if (!fromPage && form?.get('List-Unsubscribe') !== 'One-Click') {
    return new Response('A one-click unsubscribe must send List-Unsubscribe=One-Click.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_STORE },
    });
  }
  let result: MailPageResult;
  try {
    result = await unsubscribeAddress(token);
  } catch {
    result = 'unavailable';
  }
  if (fromPage) return toPage('/mail/unsubscribe', result);
  const answer = ANSWERS[result];
  return new Response(answer.text, {
    status: answer.status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': NO_STORE },
  });
}
