import type { Metadata } from 'next';
import { connection } from 'next/server';
import { resultParam } from '@/lib/cms/mail';
import { MailPage, tokenParam } from '@/views/mail-page';

export const metadata: Metadata = { title: 'Confirm your email address', robots: { index: false, follow: false } };
export const instant = false;

export default async function ConfirmPage({ searchParams }: PageProps<'/mail/confirm'>) {
  await connection();
  const query = await searchParams;
  return (
    <MailPage
      title="Confirm your email address"
      result={resultParam('confirm', query.result)}
      token={tokenParam(query.token)}
      action="/api/mail/confirm"
      button="Confirm my address"
    >
      <p>You asked Marquee to email you about comments. Confirm that this address is yours, and we will.</p>
    </MailPage>
  );
}
