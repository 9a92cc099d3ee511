import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CommentSection, type ReaderView } from '@/components/comments/comment-section';
import { CmsUnavailable } from '@/components/layout/cms-unavailable';
import { CmsImage } from '@/components/media/cms-image';
import { FilmFacts } from '@/components/reviews/film-facts';
import { RatingStars } from '@/components/reviews/rating-stars';
import { ReaderRating } from '@/components/reviews/reader-rating';
import { FaqList, ReviewSections, TableOfContents } from '@/components/reviews/review-body';
import { JsonLd } from '@/components/seo/json-ld';
import { getApprovedComments } from '@/lib/cms/comments';
import { getReviewBySlug } from '@/lib/cms/reviews';
import { loadFromCms, metadataFromCms } from '@/lib/cms/unavailable';
import type { SubmitComment } from '@/lib/comments/form-state';
import { env } from '@/lib/env';
import { formatDate } from '@/lib/format';
import { reviewJsonLd, reviewMetadata } from '@/lib/seo';
import { PARAM_PLACEHOLDER } from '@/lib/static-params';

/**
 * One review with its comments, shared by the review's routes: the page every reader gets (cached and shared),
 * its comment pages, and the variant rendered for one reader alone (`reader` set: their pending comment, the
 * answer to their post, a reply form, a fresh form token; or an editor's draft).
 */
export type ReviewPageProps = {
  slug: string;
  commentsPage: number;
  draft?: boolean;
  reader?: ReaderView | null;
  /** The page's comment server action. */
  submit: SubmitComment;
};

export async function reviewPageMetadata(
  slug: string,
  { draft = false, commentsPage = 1 }: { draft?: boolean; commentsPage?: number } = {},
): Promise<Metadata> {
  if (slug === PARAM_PLACEHOLDER) notFound();
  const { SITE_URL, SITE_NAME } = env();
  return metadataFromCms(
    () => getReviewBySlug(slug, { draft }),
    (review): Metadata => {
      if (!review) return { title: 'Review not found', robots: { index: false } };
      const base = reviewMetadata(review, SITE_URL, SITE_NAME);
      return {
        ...base,
        ...(commentsPage > 1 ? { title: `${review.title}: comments page ${commentsPage}` } : {}),
        ...(draft ? { robots: { index: false, follow: false } } : {}),
      };
    },
    { title: 'Review' },
  );
}

export async function ReviewPage({ slug, commentsPage, draft = false, reader = null, submit }: ReviewPageProps) {
  if (slug === PARAM_PLACEHOLDER) notFound();
  // The review and its thread are fetched side by side (the thread answers 404 for a review that is not
  // published). Comments failing must not take the review down with them.
  const [loaded, threadLoad] = await Promise.all([
    loadFromCms(() => getReviewBySlug(slug, { draft })),
    draft ? null : loadFromCms(() => getApprovedComments(slug, commentsPage)),
  ]);
  if (!loaded.ok) return <CmsUnavailable retryHref={`/reviews/${encodeURIComponent(slug)}`} />;
  const review = loaded.data;
  if (!review) notFound();
  const comments = review.publishedAt ? threadLoad : null;
  const thread = comments?.ok ? comments.data : null;
  if (commentsPage > 1 && thread && commentsPage > thread.pagination.pageCount) notFound();
  const { SITE_URL, SITE_NAME, COMMENT_FORM_SECRET, CMS_API_TOKEN } = env();
  const film = review.film;

  return (
    <>
      <JsonLd data={reviewJsonLd(review, thread?.comments ?? [], SITE_URL, SITE_NAME, thread?.readerRating ?? null)} />
      <nav aria-label="Breadcrumb" className="muted">
        <Link prefetch={false} href="/">
          Reviews
        </Link>
        {review.genres[0] ? (
          <>
            {' › '}
            <Link prefetch={false} href={`/genres/${review.genres[0].slug}`}>
              {review.genres[0].name}
            </Link>
          </>
        ) : null}
      </nav>
      <article className="review" aria-labelledby="review-title">
        <header className="review-header">
          {film ? (
            <p className="kicker">
              Review · {film.title}
              {film.year ? ` (${film.year})` : ''}
            </p>
          ) : null}
          <h1 id="review-title">{review.title}</h1>
          <RatingStars rating={review.rating} size="lg" />
          <ReaderRating rating={thread?.readerRating ?? null} />
          <p className="byline">
            {review.author ? (
              <>
                By{' '}
                <Link prefetch={false} href={`/authors/${review.author.slug}`}>
                  {review.author.name}
                </Link>{' '}
                ·{' '}
              </>
            ) : null}
            {review.publishedAt ? (
              <time dateTime={review.publishedAt}>{formatDate(review.publishedAt)}</time>
            ) : (
              <strong>Unpublished draft</strong>
            )}
            {review.genres.length > 0 ? (
              <>
                {' · '}
                {review.genres.map((g, i) => (
                  <span key={g.id}>
                    {i > 0 ? ', ' : ''}
                    <Link prefetch={false} href={`/genres/${g.slug}`}>
                      {g.name}
                    </Link>
                  </span>
                ))}
              </>
            ) : null}
          </p>
          {review.cover ? (
            <CmsImage image={review.cover} className="review-cover" priority sizes="(min-width: 60rem) 56rem, 100vw" />
          ) : null}
          {review.excerpt ? <p className="lede">{review.excerpt}</p> : null}
        </header>

        <div className="review-layout">
          <div className="review-main">
            <TableOfContents
              sections={review.sections}
              hasVerdict={Boolean(review.verdict)}
              hasFaqs={review.faqs.length > 0}
            />
            <ReviewSections sections={review.sections} />
            {review.verdict ? (
              <section id="verdict" className="verdict" aria-labelledby="verdict-title">
                <h2 id="verdict-title">Verdict</h2>
                <p>{review.verdict}</p>
                <RatingStars rating={review.rating} />
              </section>
            ) : null}
            <FaqList faqs={review.faqs} />
          </div>
          {film ? <FilmFacts film={film} /> : null}
        </div>
      </article>

      {draft ? (
        <p className="notice">Comments are hidden in preview mode.</p>
      ) : !COMMENT_FORM_SECRET || !CMS_API_TOKEN ? (
        <p className="notice">Comments cannot be posted at the moment.</p>
      ) : comments && !comments.ok ? (
        <p className="notice" role="status">
          Comments cannot be shown right now. Please try again later.
        </p>
      ) : (
        <CommentSection
          review={{ id: review.id, slug: review.slug, title: review.title, commentsOpen: review.commentsOpen }}
          thread={thread}
          reader={reader}
          submit={submit}
        />
      )}
    </>
  );
}
