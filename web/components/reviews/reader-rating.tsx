import type { ReaderRating as Rating } from '@/lib/cms/comments';

/** The readers' own score, apart from the critic's: shown only when the CMS reports enough approved ratings. */
export function ReaderRating({ rating }: { rating: Rating }) {
  if (!rating) return null;
  const average = rating.average.toFixed(1);
  const ratings = rating.count === 1 ? 'rating' : 'ratings';
  return (
    <p className="reader-rating" data-testid="reader-rating">
      <span className="reader-rating-label">Readers:</span>
      <span className="rating-stars" aria-hidden="true">
        ★
      </span>
      <span>
        {average} <span className="sr-only">out of 5</span> from {rating.count} {ratings}
      </span>
    </p>
  );
}
