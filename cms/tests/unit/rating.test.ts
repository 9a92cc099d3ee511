import { ratingProblem } from '../../src/api/review/validation/rating';

describe('ratingProblem', () => {
  it('accepts a rating on its own scale, including both ends', () => {
    expect(ratingProblem({ rating: 4, bestRating: 5, worstRating: 1 })).toBeNull();
    expect(ratingProblem({ rating: 10, bestRating: 10, worstRating: 0 })).toBeNull();
    expect(ratingProblem({ rating: 1, bestRating: 5, worstRating: 1 })).toBeNull();
  });

  it('refuses a rating above the best or below the worst', () => {
    expect(ratingProblem({ rating: 9, bestRating: 5, worstRating: 1 })).toBe('The rating must be between 1 and 5.');
    expect(ratingProblem({ rating: 0, bestRating: 5, worstRating: 1 })).toBe('The rating must be between 1 and 5.');
  });

  it("accepts a review without a critic's rating (an essay, a news piece)", () => {
    expect(ratingProblem({ rating: null, bestRating: 5, worstRating: 1 })).toBeNull();
  });

  it('refuses a scale whose worst is not below its best', () => {
    expect(ratingProblem({ rating: 3, bestRating: 3, worstRating: 3 })).toMatch(/must be below/);
  });
});
