/**
 * Every cache tag the site uses. Fetchers tag with these; lib/cms/revalidate.ts maps CMS events onto them.
 * Collection tags cover lists (and anything that embeds that type); document tags cover one page.
 */
export const tags = {
  reviews: 'reviews',
  review: (documentId: string) => `review:${documentId}`,
  reviewSlug: (slug: string) => `review-slug:${slug}`,
  faqs: 'faqs',
  siteFaqs: 'faqs:site',
  comments: 'comments',
  reviewComments: (reviewSlug: string) => `comments:${reviewSlug}`,
  films: 'films',
  film: (documentId: string) => `film:${documentId}`,
  authors: 'authors',
  author: (documentId: string) => `author:${documentId}`,
  authorSlug: (slug: string) => `author-slug:${slug}`,
  genres: 'genres',
  genre: (documentId: string) => `genre:${documentId}`,
  genreSlug: (slug: string) => `genre-slug:${slug}`,
} as const;
