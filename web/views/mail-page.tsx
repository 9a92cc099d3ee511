import type { ReactNode } from 'react';
import Link from 'next/link';
import type { MailPageResult } from '@/lib/cms/mail';

const RESULTS: Record<MailPageResult, { tone: 'success' | 'error'; text: string }> = {
  confirmed: {
    tone: 'success',
    text: 'Thank you: your address is confirmed. We will email you about the comments you asked to hear about.',
  },
  unsubscribed: { tone: 'success', text: 'You are unsubscribed. Marquee will send no more email to this address.' },
  invalid: {
    tone: 'error',
    text: 'This link is not valid. Copy the whole link from the email, or use the link in a newer email.',
  },
  expired: {
    tone: 'error',
    text: 'This link has expired. Post a comment with a notification box ticked to get a new one.',
  },
  unavailable: { tone: 'error', text: 'This could not be done just now. Please try again in a minute.' },
};

/**
 * One of the two pages an email links to. Rendered per request for the one reader who holds the link (the page
 * reads its query), so Next marks it `private, no-store` and no cache keeps it. The button is a plain form post: it
 * works with JavaScript off, and a mail scanner that opens the link changes nothing.
 */
export function MailPage({
  title,
  result,
  token,
  action,
  children,
  button,
}: {
  title: string;
  result: MailPageResult | null;
  token: string | null;
  action: string;
  children: ReactNode;
  button: string;
}) {
  const shown = result ? RESULTS[result] : null;
  return (
    <div className="error-page">
      <h1>{title}</h1>
      {shown ? (
        <p className={`notice notice-${shown.tone}`} role={shown.tone === 'error' ? 'alert' : 'status'}>
          {shown.text}
        </p>
      ) : token ? (
        <form method="post" action={action}>
          {children}
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="from" value="page" />
          <button type="submit">{button}</button>
        </form>
      ) : (
        <p className="notice notice-error" role="alert">
          {RESULTS.invalid.text}
        </p>
      )}
      <p>
        <Link href="/">Back to the latest reviews</Link>
      </p>
    </div>
  );
}

export const tokenParam = (value: string | string[] | undefined): string | null =>
  typeof value === 'string' && value !== '' && value.length <= 1000 ? value : null;
