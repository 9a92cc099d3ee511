import type { Metadata } from 'next';
import Link from 'next/link';
import { reportMessages } from '@/lib/comments/report-state';
import { PARAM_PLACEHOLDER } from '@/lib/static-params';

/** Where a sent report lands: the same plain page for everyone, so it is cached and holds nothing of the reader. */
export async function generateStaticParams() {
  return [{ slug: PARAM_PLACEHOLDER, comment: PARAM_PLACEHOLDER }];
}

export const metadata: Metadata = { title: 'Report received', robots: { index: false, follow: false } };

export default async function Page({ params }: PageProps<'/reviews/[slug]/report/[comment]/sent'>) {
  const { slug } = await params;
  return (
    <section className="report" aria-labelledby="sent-title">
      <h1 id="sent-title">Report received</h1>
      <p role="status" className="notice notice-success">
        {reportMessages.sent}
      </p>
      <p>
        <Link href={`/reviews/${slug}#comments`}>Back to the review</Link>
      </p>
    </section>
  );
}
