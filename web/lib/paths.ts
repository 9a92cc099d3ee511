/**
 * The site's addresses for numbered pages, in one place: pages, their links, canonical URLs and the redirects from the
 * old query-string forms all build them here. Page 1 is the list's own address; a later page is one more path
 * segment (`/genres/drama/2`, `/reviews/<slug>/comments/2`), so each page is a path of its own that a route matches
 * and every cache keeps. The home page is `/` and its later pages `/latest/N`. Search keeps its query string
 * (`/search?q=…&page=N`): the search form is a GET that writes it.
 */

/** A page number's only spelling in an address: 1 to 9999, no leading zero. */
export const PAGE_NUMBER = /^[1-9][0-9]{0,3}$/;

const later = (page: number) => (page > 1 ? `/${page}` : '');

export const homePath = (page = 1): string => (page > 1 ? `/latest/${page}` : '/');

export const genrePath = (slug: string, page = 1): string => `/genres/${slug}${later(page)}`;

export const authorPath = (slug: string, page = 1): string => `/authors/${slug}${later(page)}`;

/** A review, or one of its later comment pages. */
export const reviewPath = (slug: string, commentsPage = 1): string =>
  `/reviews/${slug}${commentsPage > 1 ? `/comments/${commentsPage}` : ''}`;

/** The review with its form answering one comment (for a reader without JavaScript), on the comment's page. */
export const replyPath = (slug: string, commentId: string, commentsPage = 1): string =>
  `${reviewPath(slug, commentsPage)}/reply/${encodeURIComponent(commentId)}`;

export const searchPath = (q: string, page = 1): string => {
  const query = new URLSearchParams({ q });
  if (page > 1) query.set('page', String(page));
  return `/search?${query}`;
};
