import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { blocksSchema } from './blocks';
import { cmsGet } from './client';
import { unpaginatedListEnvelope } from './strapi';
import { tags } from './tags';

export const faqSchema = z
  .object({
    id: z.number(),
    documentId: z.string(),
    question: z.string(),
    // A draft FAQ (a reader's question turned into one at the desk) has no answer until an editor writes it; the
    // editor's preview shows it unanswered, and the checklist keeps it from being published so.
    answer: blocksSchema.nullish().transform((answer) => answer ?? []),
    order: z.number().int(),
  })
  .transform(({ documentId, question, answer, order }) => ({ id: documentId, question, answer, order }));
export type Faq = z.output<typeof faqSchema>;

const siteFaqListSchema = unpaginatedListEnvelope(faqSchema);

/** Site-wide FAQs (not attached to a review), in editorial order. @throws {CmsError} */
export async function listSiteFaqs(): Promise<Faq[]> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.faqs, tags.siteFaqs);
  const result = await cmsGet('/faqs', siteFaqListSchema, {
    query: { 'filters[review][$null]': 'true', sort: 'order:asc', 'pagination[pageSize]': 100 },
  });
  return (result?.data ?? []).toSorted((a, b) => a.order - b.order);
}
