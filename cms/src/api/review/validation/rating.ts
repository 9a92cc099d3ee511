export interface Scale {
  rating?: unknown;
  bestRating?: unknown;
  worstRating?: unknown;
}

const asNumber = (value: unknown) =>
  value === null || value === undefined || value === '' ? undefined : Number(value);

/** The message for a rating outside its own scale, or null when it fits. Exported for tests. */
export const ratingProblem = ({ rating, bestRating, worstRating }: Scale): string | null => {
  const [value, best, worst] = [asNumber(rating), asNumber(bestRating) ?? 5, asNumber(worstRating) ?? 1];
  if (worst >= best) return `The worst rating (${worst}) must be below the best rating (${best}).`;
  if (value !== undefined && (value < worst || value > best)) return `The rating must be between ${worst} and ${best}.`;
  return null;
};
