import type { Metadata } from 'next';
import { blocksToText } from '@/lib/cms/blocks';
import { flattenComments, type Comment, type ReaderRating } from '@/lib/cms/comments';
import type { Faq } from '@/lib/cms/faqs';
import type { Review } from '@/lib/cms/reviews';

/** JSON for a <script type="application/ld+json">: `<`, `>`, `&` and line separators escaped so no text closes the script. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function absoluteUrl(siteUrl: string, path: string): string {
  return /^https?:\/\//.test(path) ? path : `${siteUrl}${path.startsWith('/') ? '' : '/'}${path}`;
}

function truncate(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).trimEnd()}…`;
}

export function reviewDescription(review: Review): string {
  return (
    review.seo?.description ??
    truncate(review.excerpt || review.verdict || `Review of ${review.film?.title ?? review.title}`, 160)
  );
}

export function reviewMetadata(review: Review, siteUrl: string, siteName: string): Metadata {
  const title = review.seo?.title ?? review.title;
  const description = reviewDescription(review);
  const canonical = review.seo?.canonicalUrl ?? absoluteUrl(siteUrl, `/reviews/${review.slug}`);
  const image = review.seo?.image ?? review.cover ?? review.film?.poster ?? null;
  const images = image
    ? [
        {
          url: absoluteUrl(siteUrl, image.src),
          ...(image.width ? { width: image.width } : {}),
          ...(image.height ? { height: image.height } : {}),
          alt: image.alt,
        },
      ]
    : [];
  return {
    title,
    description,
    alternates: { canonical },
    openGraph: {
      type: 'article',
      siteName,
      title,
      description,
      url: canonical,
      images,
      ...(review.publishedAt ? { publishedTime: review.publishedAt } : {}),
      modifiedTime: review.updatedAt,
      ...(review.author ? { authors: [absoluteUrl(siteUrl, `/authors/${review.author.slug}`)] } : {}),
    },
    twitter: {
      card: images.length > 0 ? 'summary_large_image' : 'summary',
      title,
      description,
      images: images.map((i) => i.url),
    },
  };
}

function commentLd(c: Comment, reviewUrl: string): Record<string, unknown> {
  return {
    '@type': 'Comment',
    '@id': `${reviewUrl}#comment-${c.id}`,
    text: c.body,
    dateCreated: c.createdAt,
    author: { '@type': 'Person', name: c.authorName, ...(c.website ? { url: c.website } : {}) },
  };
}

/**
 * The critic's Review, with the film it reviews. The readers' score (null below the CMS's minimum count) is an
 * AggregateRating on the Movie, never on the critic's Review.
 */
export function reviewJsonLd(
  review: Review,
  comments: Comment[],
  siteUrl: string,
  siteName: string,
  readerRating: ReaderRating = null,
): Record<string, unknown>[] {
  const url = absoluteUrl(siteUrl, `/reviews/${review.slug}`);
  const film = review.film;
  const reviewLd: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Review',
    '@id': `${url}#review`,
    url,
    name: review.title,
    headline: review.title,
    description: reviewDescription(review),
    ...(review.publishedAt ? { datePublished: review.publishedAt } : {}),
    // Strapi 5 keeps the draft's older updatedAt when it publishes: a review is never modified before it appeared.
    dateModified: review.publishedAt && review.publishedAt > review.updatedAt ? review.publishedAt : review.updatedAt,
    publisher: { '@type': 'Organization', name: siteName, url: siteUrl },
    ...(review.author
      ? {
          author: {
            '@type': 'Person',
            name: review.author.name,
            url: absoluteUrl(siteUrl, `/authors/${review.author.slug}`),
          },
        }
      : { author: { '@type': 'Organization', name: siteName } }),
    ...(review.rating
      ? {
          reviewRating: {
            '@type': 'Rating',
            ratingValue: review.rating.value,
            bestRating: review.rating.best,
            worstRating: review.rating.worst,
          },
        }
      : {}),
    ...(review.verdict ? { reviewBody: review.verdict } : {}),
    ...(film
      ? {
          itemReviewed: {
            '@type': 'Movie',
            name: film.title,
            ...(film.year ? { dateCreated: String(film.year) } : {}),
            ...(film.directors.length > 0
              ? { director: film.directors.map((name) => ({ '@type': 'Person', name })) }
              : {}),
            ...(film.cast.length > 0 ? { actor: film.cast.map((c) => ({ '@type': 'Person', name: c.name })) } : {}),
            ...(film.poster ? { image: absoluteUrl(siteUrl, film.poster.src) } : {}),
            ...(film.runtimeMinutes ? { duration: `PT${film.runtimeMinutes}M` } : {}),
            ...(film.genres.length > 0 ? { genre: film.genres.map((g) => g.name) } : {}),
            ...(readerRating
              ? {
                  aggregateRating: {
                    '@type': 'AggregateRating',
                    ratingValue: readerRating.average,
                    ratingCount: readerRating.count,
                    bestRating: 5,
                    worstRating: 1,
                  },
                }
              : {}),
          },
        }
      : {}),
    ...(review.cover ? { image: absoluteUrl(siteUrl, review.cover.src) } : {}),
  };
  const flat = flattenComments(comments);
  if (flat.length > 0) {
    reviewLd.commentCount = flat.length;
    reviewLd.comment = flat.map((c) => commentLd(c, url));
  }

  const breadcrumbs = breadcrumbJsonLd(siteUrl, [
    { name: 'Reviews', path: '/' },
    ...(review.genres[0] ? [{ name: review.genres[0].name, path: `/genres/${review.genres[0].slug}` }] : []),
    { name: review.title, path: `/reviews/${review.slug}` },
  ]);

  return [reviewLd, breadcrumbs, ...(review.faqs.length > 0 ? [faqJsonLd(review.faqs)] : [])];
}

export function faqJsonLd(faqs: Faq[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'FAQPage',
    mainEntity: faqs.map((f) => ({
      '@type': 'Question',
      name: f.question,
      acceptedAnswer: { '@type': 'Answer', text: blocksToText(f.answer) },
    })),
  };
}

export function breadcrumbJsonLd(siteUrl: string, items: { name: string; path: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: absoluteUrl(siteUrl, item.path),
    })),
  };
}
