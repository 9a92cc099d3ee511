import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../../../../config/marquee';
import type { ChecklistInput } from './checklist';
import { SNAPSHOT_POPULATE } from './snapshot';

const REVIEW = 'api::review.review';
const FAQ = 'api::faq.faq';

/** The FAQ documents of a review: those whose draft names it (the draft is what the editor sees linked). */
export const reviewFaqIds = async (strapi: Core.Strapi, reviewDocumentId: string): Promise<string[]> => {
  const rows: { documentId: string }[] = await strapi.db
    .query(FAQ)
    .findMany({ where: { publishedAt: null, review: { documentId: reviewDocumentId } }, select: ['documentId'] });
  return [...new Set(rows.map((row) => row.documentId))];
};

/** A review's draft, whole: fields, sections, FAQs and relations (as revisions keep it). */
export const loadDraft = async (strapi: Core.Strapi, documentId: string): Promise<Record<string, unknown> | null> => {
  const draft: unknown = await strapi
    .documents(REVIEW)
    .findOne({ documentId, status: 'draft', populate: SNAPSHOT_POPULATE as never });
  return typeof draft === 'object' && draft !== null ? (draft as Record<string, unknown>) : null;
};

/** The relations the pre-publish checklist reads of a review's draft. */
export const CHECKLIST_POPULATE = {
  cover: { fields: ['alternativeText'] },
  film: { fields: ['title'] },
  sections: true,
  faqs: { fields: ['question', 'answer'] },
};

/** What the pre-publish checklist reads of a review's draft. */
export const loadChecklistInput = async (strapi: Core.Strapi, documentId: string): Promise<ChecklistInput | null> => {
  const draft: unknown = await strapi
    .documents(REVIEW)
    .findOne({ documentId, status: 'draft', populate: CHECKLIST_POPULATE as never });
  return typeof draft === 'object' && draft !== null ? (draft as ChecklistInput) : null;
};

/** Where a review is live on the site (its published slug and address), or null while it is not published. */
export const liveAddress = async (
  strapi: Core.Strapi,
  documentId: string,
): Promise<{ slug: string; url: string } | null> => {
  const row: { slug: string } | null = await strapi.db
    .query(REVIEW)
    .findOne({ where: { documentId, publishedAt: { $notNull: true } }, select: ['slug'] });
  if (!row) return null;
  const siteUrl = strapi.config.get<MarqueeConfig>('marquee').siteUrl.replace(/\/+$/, '');
  return { slug: row.slug, url: `${siteUrl}/reviews/${row.slug}` };
};
