import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checklistApplies } from '../api/newsroom/domain/actor';
import { checklist, refusal } from '../api/newsroom/domain/checklist';
import { loadChecklistInput, reviewFaqIds } from '../api/newsroom/domain/reviews';
import { namedDocumentId, type DocumentMiddleware } from './touched';

const REVIEW = 'api::review.review';
const FAQ = 'api::faq.faq';

/**
 * What publishing a review means beyond its own rows:
 * - the pre-publish checklist refuses it (for a person's Publish and a scheduled one) while an error stands;
 * - it keeps the date it was first published (the feed, the sitemap and datePublished use it);
 * - a publish by hand ends a pending schedule;
 * - its FAQs are published, unpublished and removed with it: they are never site-wide FAQs.
 */
export const reviewPublishing =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (context.uid !== REVIEW || !['publish', 'unpublish', 'delete'].includes(context.action)) return next();
    const documentId = namedDocumentId(context);
    if (!documentId) return next();
    const faqs = await reviewFaqIds(strapi, documentId);

    if (context.action === 'publish') {
      const input = await loadChecklistInput(strapi, documentId);
      if (input && checklistApplies(strapi)) {
        const list = checklist(input);
        if (list.errors.length > 0) {
          throw new errors.ValidationError(refusal(list), {
            errors: list.errors.map((item) => ({ path: [item.field], message: item.message, name: 'ValidationError' })),
          });
        }
      }
      await keepFirstPublication(strapi, documentId);
    }

    const result = await next();

    for (const faq of faqs) {
      if (context.action === 'publish') await strapi.documents(FAQ).publish({ documentId: faq });
      else await strapi.documents(FAQ).unpublish({ documentId: faq });
    }
    return result;
  };

/** Sets the draft's first publication date if it has none: the live version's date, or now. */
const keepFirstPublication = async (strapi: Core.Strapi, documentId: string) => {
  const rows: { publishedAt: string | null; firstPublishedAt: string | null }[] = await strapi.db
    .query(REVIEW)
    .findMany({ where: { documentId }, select: ['publishedAt', 'firstPublishedAt'] });
  const known = rows
    .map((row) => row.firstPublishedAt ?? row.publishedAt)
    .filter((value): value is string => Boolean(value));
  const first = known.map((value) => new Date(value)).sort((a, b) => a.getTime() - b.getTime())[0] ?? new Date();
  await strapi.db
    .query(REVIEW)
    .updateMany({ where: { documentId, publishedAt: null }, data: { firstPublishedAt: first, publishAt: null } });
};

/**
 * A FAQ of a review is published with its review: its own Publish is refused while the review is not live, so that
 * it never shows as a site-wide FAQ.
 */
export const faqPublishing =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (context.uid !== FAQ || context.action !== 'publish') return next();
    const documentId = namedDocumentId(context);
    if (!documentId) return next();
    const draft: { review?: { documentId: string; title: string } | null } | null = await strapi.db.query(FAQ).findOne({
      where: { documentId, publishedAt: null },
      populate: { review: { select: ['documentId', 'title'] } },
    });
    const review = draft?.review;
    if (!review) return next();
    const live = await strapi.db
      .query(REVIEW)
      .findOne({ where: { documentId: review.documentId, publishedAt: { $notNull: true } }, select: ['id'] });
    if (!live) {
      const message = `This FAQ belongs to the review “${review.title}”, which is not published: it is published with the review.`;
      throw new errors.ValidationError(message, { errors: [{ path: ['review'], message, name: 'ValidationError' }] });
    }
    return next();
  };
