import type { Core } from '@strapi/strapi';
import { withoutNotices } from '../revalidation/notifier';
import { authors, comments, genres, reviews, siteFaqs, type SeedComment } from './seed-data';
import { seedImage } from './seed-images';

const slugify = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Plain paragraphs as Strapi rich-text blocks. */
const blocks = (...paragraphs: string[]) =>
  paragraphs.map((text) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] }));

type Uid = 'api::genre.genre' | 'api::author.author' | 'api::film.film';

/** Finds a document by slug, or creates it: running the seed twice changes nothing. */
const upsertBySlug = async (
  strapi: Core.Strapi,
  uid: Uid,
  slug: string,
  data: Record<string, unknown> | (() => Promise<Record<string, unknown>>),
) => {
  const existing = await strapi.documents(uid).findFirst({ filters: { slug }, fields: ['slug'] });
  if (existing) return existing;
  const values = typeof data === 'function' ? await data() : data;
  return strapi.documents(uid).create({ data: { ...values, slug } as never });
};

const createComment = async (
  strapi: Core.Strapi,
  reviewDocumentId: string,
  comment: Omit<SeedComment, 'review' | 'replies'>,
  parent: string | null,
) =>
  strapi.documents('api::comment.comment').create({
    data: {
      authorName: comment.name,
      authorEmail: comment.email,
      authorWebsite: comment.website,
      body: comment.body,
      moderationStatus: comment.status,
      heldReason: comment.heldReason,
      rating: comment.rating,
      review: reviewDocumentId,
      parent: parent ?? undefined,
    },
  });

/**
 * Strapi publishes by copying the draft, so the published version keeps the draft's updatedAt, a few ms before its
 * publishedAt, and JSON-LD built from them would say the review was modified before it was published. Demo content
 * was last modified when it was published: both versions say so (equal times, so the admin shows it as Published,
 * not Modified).
 */
const modifiedWhenPublished = async (
  strapi: Core.Strapi,
  uid: 'api::review.review' | 'api::faq.faq',
  document: { documentId: string; publishedAt?: unknown },
) => {
  if (document.publishedAt === null || document.publishedAt === undefined) return;
  await strapi.db
    .query(uid)
    .updateMany({ where: { documentId: document.documentId }, data: { updatedAt: document.publishedAt } });
};

/**
 * Demo content for an empty site: six reviews with their films, authors and genres, FAQs, and comments in every
 * moderation state. Idempotent: each piece is keyed by its slug (or question) and only created when missing.
 */
export const seedDemoContent = (strapi: Core.Strapi) =>
  withoutNotices(async () => {
    const genreIds = new Map<string, string>();
    for (const name of genres) {
      const genre = await upsertBySlug(strapi, 'api::genre.genre', slugify(name), { name });
      genreIds.set(name, genre.documentId);
    }
    const genreList = (names: string[]) => names.flatMap((name) => genreIds.get(name) ?? []);

    const authorIds = new Map<string, string>();
    for (const author of authors) {
      const created = await upsertBySlug(strapi, 'api::author.author', slugify(author.name), author);
      authorIds.set(author.name, created.documentId);
    }

    let created = 0;
    const reviewIds = new Map<string, string>();
    for (const review of reviews) {
      const existing = await strapi
        .documents('api::review.review')
        .findFirst({ filters: { slug: review.slug }, fields: ['slug'] });
      if (existing) continue;
      const { film } = review;
      const filmSlug = slugify(`${film.title} ${film.year}`);
      const filmDoc = await upsertBySlug(strapi, 'api::film.film', filmSlug, async () => ({
        poster: await seedImage(strapi, `${filmSlug}-poster`, `Artwork for ${film.title}`, 600, 900),
        title: film.title,
        originalTitle: film.originalTitle ?? null,
        year: film.year,
        country: film.country,
        language: film.language,
        runtime: film.runtime,
        directors: film.directors.map((name) => ({ name })),
        cast: film.cast,
        genres: genreList(film.genres),
      }));
      const doc = await strapi.documents('api::review.review').create({
        data: {
          title: review.title,
          slug: review.slug,
          excerpt: review.excerpt,
          cover: await seedImage(strapi, `${review.slug}-cover`, `Artwork for our review of ${film.title}`, 1200, 675),
          film: filmDoc.documentId,
          author: authorIds.get(review.author) ?? null,
          genres: genreList(film.genres),
          rating: review.rating,
          bestRating: review.bestRating,
          worstRating: review.worstRating,
          verdict: review.verdict,
          commentsOpen: true,
          sections: review.sections.map((section) => ({
            heading: section.heading,
            body: blocks(...section.paragraphs),
            spoiler: section.spoiler ?? false,
          })),
          seo: { metaTitle: review.title.slice(0, 70), metaDescription: review.metaDescription },
        } as never,
        status: 'published',
      });
      await modifiedWhenPublished(strapi, 'api::review.review', doc);
      reviewIds.set(review.slug, doc.documentId);
      for (const [order, faq] of review.faqs.entries()) {
        const faqDoc = await strapi.documents('api::faq.faq').create({
          data: { question: faq.question, answer: blocks(faq.answer), order, review: doc.documentId } as never,
          status: 'published',
        });
        await modifiedWhenPublished(strapi, 'api::faq.faq', faqDoc);
      }
      created += 1;
    }

    for (const [order, faq] of siteFaqs.entries()) {
      const existing = await strapi
        .documents('api::faq.faq')
        .findFirst({ filters: { question: faq.question }, fields: ['question'] });
      if (existing) continue;
      const faqDoc = await strapi.documents('api::faq.faq').create({
        data: { question: faq.question, answer: blocks(faq.answer), order } as never,
        status: 'published',
      });
      await modifiedWhenPublished(strapi, 'api::faq.faq', faqDoc);
    }

    // Comments only for reviews created just now, so a second run never duplicates them.
    for (const comment of comments) {
      const reviewId = reviewIds.get(comment.review);
      if (!reviewId) continue;
      const parent = await createComment(strapi, reviewId, comment, null);
      for (const reply of comment.replies ?? []) await createComment(strapi, reviewId, reply, parent.documentId);
    }

    if (created > 0) strapi.log.info(`Demo content seeded: ${created} reviews with their films, FAQs and comments.`);
  });
