import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReportForm } from '@/components/comments/report-form.client';
import { getCommentPage } from '@/lib/cms/comments';
import { PARAM_PLACEHOLDER } from '@/lib/static-params';
import { submitReport } from './actions';

/**
 * The report form for one comment: the same for every reader (nothing here reads the request), so it is cached like
 * any page, and revalidated with the review's comments: a comment readers cannot see on the review has no report page.
 * Whether it can still be reported when the form is sent is the CMS's answer to the post.
 */
export async function generateStaticParams() {
  return [{ slug: PARAM_PLACEHOLDER, comment: PARAM_PLACEHOLDER }];
}

export const ensureStatic = 'navigation';

export const metadata: Metadata = { title: 'Report a comment', robots: { index: false, follow: false } };

/** Strapi document ids: lower-case letters and digits. */
const COMMENT_ID = /^[a-z0-9_]{1,64}$/;

export default async function Page({ params }: PageProps<'/reviews/[slug]/report/[comment]'>) {
  const { slug, comment } = await params;
  if (!COMMENT_ID.test(comment) || comment === PARAM_PLACEHOLDER) notFound();
  if ((await getCommentPage(slug, comment)) === null) notFound();
  const permalink = `/reviews/${encodeURIComponent(slug)}/report/${encodeURIComponent(comment)}`;
  return (
    <section className="report" aria-labelledby="report-title">
      <h1 id="report-title">Report a comment</h1>
      <p>
        Tell the moderators why this comment on <Link href={`/reviews/${slug}#comment-${comment}`}>the review</Link>{' '}
        breaks the rules. Reports are anonymous; a comment that several readers report is hidden until a moderator
        decides.
      </p>
      <ReportForm action={submitReport.bind(null, { reviewSlug: slug, commentId: comment })} permalink={permalink} />
    </section>
  );
}
