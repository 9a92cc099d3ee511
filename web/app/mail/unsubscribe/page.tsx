import type { Metadata } from 'next';
import { connection } from 'next/server';
import { resultParam } from '@/lib/cms/mail';
import { MailPage, tokenParam } from '@/views/mail-page';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false, follow: false } };
export const instant = false;

export default async function UnsubscribePage({ searchParams }: PageProps<'/mail/unsubscribe'>) {
  await connection();
  const query = await searchParams;
  return (
    <MailPage
      title="Unsubscribe from Marquee's emails"
      result={resultParam('unsubscribe', query.result)}
      token={tokenParam(query.token)}
      action="/api/mail/unsubscribe"
      button="Unsubscribe"
    >
      <p>Marquee will send no more email of any kind to this address: no follow-up comments, no approvals.</p>
    </MailPage>
  );
}
