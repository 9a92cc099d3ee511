import { formatRating, ratingText } from '@/lib/format';
import type { Review } from '@/lib/cms/reviews';

/** Stars for the eye, "4 out of 5" for everyone else; nothing for a review without a critic's rating. */
export function RatingStars({ rating, size = 'md' }: { rating: Review['rating']; size?: 'md' | 'lg' }) {
  if (!rating) return null;
  const stars = Math.min(Math.max(Math.round(rating.best), 1), 10);
  const fill = Math.min(Math.max(rating.value / rating.best, 0), 1) * 100;
  return (
    <span className={`rating rating-${size}`}>
      <span className="rating-stars" aria-hidden="true">
        <span className="rating-empty">{'☆'.repeat(stars)}</span>
        <span className="rating-full" style={{ width: `${fill}%` }}>
          {'★'.repeat(stars)}
        </span>
      </span>
      <span className="sr-only">{ratingText(rating.value, rating.best)}</span>
      <span className="rating-number" aria-hidden="true">
        {formatRating(rating.value)}/{rating.best}
      </span>
    </span>
  );
}
