import type { MailPageResult } from '@/lib/cms/mail';

/** Answers about one reader's address: never stored by the proxy or a browser cache. */
export const NO_STORE = 'private, no-store';

/** Back to the page, which shows the result (a relative Location: right behind any proxy). */
export function toPage(page: '/mail/confirm' | '/mail/unsubscribe', result: MailPageResult): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: `${page}?result=${result}`, 'Cache-Control': NO_STORE },
  });
}

/** The token from a form field (the site's own pages) or the query (the link in an email). */
export async function tokenOf(request: Request): Promise<{ token: string; form: FormData | null }> {
  const form = await request.formData().catch(() => null);
  const field = form?.get('token');
  const token =
    typeof field === 'string' && field !== '' ? field : (new URL(request.url).searchParams.get('token') ?? '');
  return { token, form };
}
