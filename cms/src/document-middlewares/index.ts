/**
 * What happens on a write, in one place. Strapi runs document-service middlewares in the order they are registered,
 * the first outermost: its code before `next()` runs first and its code after `next()` last. The order:
 * 1. checks that refuse or complete a call before anything else runs (the query guard, the rating's scale, a
 *    redirect's paths, a review's slug, a FAQ published without its review);
 * 2. publishing a review: its checklist, its first publication date, its FAQs going with it;
 * 3. the change notice to the web, outside everything below, so that it goes out once every index is written (and
 *    once the transaction the write runs in, such as the admin's Publish, has committed);
 * 4. what the write itself changes beside its rows (redirects of a renamed review, the search index, the thread
 *    index, the comment counter);
 * 5. what only records or enqueues: mail, revisions and the newsroom's activity log.
 * Each middleware is one file here; the rules they apply live with their content type.
 */
import type { Core } from '@strapi/strapi';
import type { Notifier } from '../revalidation/notifier';
import { commentMail } from './comment-mail';
import { commentThreads } from './comment-threads';
import { commentTotals } from './comment-totals';
import { queryGuard } from './query-guard';
import { ratingCheck } from './rating-check';
import { redirectRules } from './redirect-rules';
import { revalidate } from './revalidate';
import { reviewHistory } from './review-history';
import { faqPublishing, reviewPublishing } from './review-publishing';
import { reviewRedirects } from './review-redirects';
import { reviewSlug } from './review-slug';
import { searchIndex } from './search-index';
import type { DocumentMiddlewareFactory } from './touched';

export const registerDocumentMiddlewares = (strapi: Core.Strapi, { notifier }: { notifier: Notifier }) => {
  const ordered: DocumentMiddlewareFactory[] = [
    queryGuard,
    ratingCheck,
    redirectRules,
    reviewSlug,
    faqPublishing,
    reviewPublishing,
    revalidate(notifier),
    reviewRedirects,
    searchIndex,
    commentThreads,
    commentTotals,
    commentMail,
    reviewHistory,
  ];
  for (const middleware of ordered) strapi.documents.use(middleware(strapi));
};
