import type { Metadata } from 'next'
import { draftMode } from 'next/headers'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { CommentSection } from '@/components/comments/comment-section'
import { CmsImage } from '@/components/media/cms-image'
import { FilmFacts } from '@/components/reviews/film-facts'
import { RatingStars } from '@/components/reviews/rating-stars'
import { FaqList, ReviewSections, TableOfContents } from '@/components/reviews/review-body'
import { JsonLd } from '@/components/seo/json-ld'
import { getApprovedComments } from '@/lib/cms/comments'
import { getReviewBySlug } from '@/lib/cms/reviews'
import { toPageNumber } from '@/lib/cms/strapi'
import { env } from '@/lib/env'
import { formatDate } from '@/lib/format'
import { reviewJsonLd, reviewMetadata } from '@/lib/seo'
import { CmsUnavailable } from '@/components/layout/cms-unavailable'
import { loadFromCms, metadataFromCms } from '@/lib/cms/unavailable'

/**
 * Rendered in one piece at request time (data from the 'use cache' fetchers), not streamed behind a loading
 * boundary: streamed content is revealed by inline scripts, and this page must read, and its comment form
 * work, with JavaScript off.
 */
export const instant = false

async function loadReview(slug: string) {
  const { isEnabled: draft } = await draftMode()
  return { draft, review: await getReviewBySlug(slug, { draft }) }
}

export async function generateMetadata({ params }: PageProps<'/reviews/[slug]'>): Promise<Metadata> {
  const { slug } = await params
  const { SITE_URL, SITE_NAME } = env()
  return metadataFromCms(
    () => loadReview(slug),
    ({ draft, review }): Metadata =>
      review
        ? { ...reviewMetadata(review, SITE_URL, SITE_NAME), ...(draft ? { robots: { index: false, follow: false } } : {}) }
        : { title: 'Review not found', robots: { index: false } },
    { title: 'Review' },
  )
}

export default async function ReviewPage({ params, searchParams }: PageProps<'/reviews/[slug]'>) {
  const { slug } = await params
  const { replyTo, cpage } = await searchParams
  const commentsPage = toPageNumber(cpage)
  const loaded = await loadFromCms(() => loadReview(slug))
  if (!loaded.ok) return <CmsUnavailable retryHref={`/reviews/${encodeURIComponent(slug)}`} />
  const { draft, review } = loaded.data
  if (!review) notFound()

  // Comments failing must not take the review down with them.
  const comments = review.publishedAt && !draft ? await loadFromCms(() => getApprovedComments(slug, commentsPage)) : null
  const thread = comments?.ok ? comments.data : null
  const { SITE_URL, SITE_NAME } = env()
  const film = review.film

  return (
    <>
      <JsonLd data={reviewJsonLd(review, thread?.comments ?? [], SITE_URL, SITE_NAME)} />
      <nav aria-label="Breadcrumb" className="muted">
        <Link href="/">Reviews</Link>
        {review.genres[0] ? (
          <>
            {' › '}
            <Link href={`/genres/${review.genres[0].slug}`}>{review.genres[0].name}</Link>
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
          <p className="byline">
            {review.author ? (
              <>
                By <Link href={`/authors/${review.author.slug}`}>{review.author.name}</Link> ·{' '}
              </>
            ) : null}
            {review.publishedAt ? <time dateTime={review.publishedAt}>{formatDate(review.publishedAt)}</time> : <strong>Unpublished draft</strong>}
            {review.genres.length > 0 ? (
              <>
                {' · '}
                {review.genres.map((g, i) => (
                  <span key={g.id}>
                    {i > 0 ? ', ' : ''}
                    <Link href={`/genres/${g.slug}`}>{g.name}</Link>
                  </span>
                ))}
              </>
            ) : null}
          </p>
          {review.cover ? <CmsImage image={review.cover} className="review-cover" priority /> : null}
          {review.excerpt ? <p className="lede">{review.excerpt}</p> : null}
        </header>

        <div className="review-layout">
          <div className="review-main">
            <TableOfContents sections={review.sections} hasVerdict={Boolean(review.verdict)} hasFaqs={review.faqs.length > 0} />
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
      ) : comments && !comments.ok ? (
        <p className="notice" role="status">Comments cannot be shown right now. Please try again later.</p>
      ) : (
        <CommentSection
          review={{ id: review.id, slug: review.slug, title: review.title, commentsOpen: review.commentsOpen }}
          thread={thread}
          replyToId={typeof replyTo === 'string' ? replyTo : null}
        />
      )}
    </>
  )
}
