import Link from 'next/link';
import { CmsImage } from '@/components/media/cms-image';
import type { Review } from '@/lib/cms/reviews';
import { formatDate } from '@/lib/format';
import { RatingStars } from './rating-stars';

/** `priority`: the first card of a list, whose cover is the page's largest paint on a phone (one column). */
export function ReviewCard({
  review,
  headingLevel = 2,
  priority = false,
}: {
  review: Review;
  headingLevel?: 2 | 3;
  priority?: boolean;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card">
      {review.cover ? (
        <CmsImage image={review.cover} className="card-cover" alt="" priority={priority} />
      ) : (
        <div className="card-cover card-cover-empty" aria-hidden="true" />
      )}
      <div className="card-body">
        <Heading className="card-title">
          <Link prefetch={false} href={`/reviews/${review.slug}`}>
            {review.title}
          </Link>
        </Heading>
        {review.film ? (
          <p className="card-film">
            {review.film.title}
            {review.film.year ? ` (${review.film.year})` : ''}
          </p>
        ) : null}
        <RatingStars rating={review.rating} />
        {review.excerpt ? <p className="card-excerpt">{review.excerpt}</p> : null}
        <p className="card-meta">
          {review.author ? <>By {review.author.name} · </> : null}
          {review.publishedAt ? <time dateTime={review.publishedAt}>{formatDate(review.publishedAt)}</time> : 'Draft'}
        </p>
      </div>
    </article>
  );
}

export function ReviewList({ reviews, headingLevel = 2 }: { reviews: Review[]; headingLevel?: 2 | 3 }) {
  return (
    <ul className="card-grid">
      {reviews.map((r, i) => (
        <li key={r.id}>
          <ReviewCard review={r} headingLevel={headingLevel} priority={i === 0} />
        </li>
      ))}
    </ul>
  );
}
