import type { Core } from '@strapi/strapi';

import { internals, type ContentManagerConfiguration as Configuration } from '../strapi/internals';

type FieldLabels = Record<string, { label: string; editable?: boolean; description?: string }>;

/** Labels a moderator reads, and fields the server sets, which nobody should edit by hand. */
const COMMENT_FIELDS: FieldLabels = {
  authorName: { label: 'Name' },
  authorEmail: { label: 'Email (private)', description: 'Never shown on the site.' },
  authorWebsite: { label: 'Website' },
  body: { label: 'Comment' },
  moderationStatus: { label: 'Status', description: 'Only approved comments are shown on the site.' },
  heldReason: { label: 'Why it was held', editable: false },
  review: { label: 'Review' },
  parent: { label: 'In reply to' },
  ipHash: { label: 'IP hash (private)', editable: false },
  userAgent: { label: 'Browser (private)', editable: false },
  createdAt: { label: 'Date' },
};

const REVIEW_FIELDS: FieldLabels = {
  title: { label: 'Title' },
  slug: { label: 'Slug', description: 'The address of the review: /reviews/<slug>.' },
  excerpt: { label: 'Excerpt', description: 'Shown on the home page and in search results.' },
  cover: { label: 'Cover image' },
  film: { label: 'Film reviewed' },
  author: { label: 'Critic' },
  genres: { label: 'Genres' },
  rating: { label: 'Rating', description: 'On the scale set below: 4 with best 5 and worst 1 shows as 4 out of 5 stars.' },
  bestRating: { label: 'Best possible rating' },
  worstRating: { label: 'Worst possible rating' },
  verdict: { label: 'Verdict' },
  sections: { label: 'Sections' },
  faqs: { label: 'FAQs' },
  commentsOpen: { label: 'Comments open' },
  seo: { label: 'SEO and share card' },
};

const configure = async (
  strapi: Core.Strapi,
  uid: 'api::comment.comment' | 'api::review.review',
  fields: FieldLabels,
  extra: (current: Configuration) => Partial<Configuration>,
) => {
  const service = internals(strapi).contentManagerConfiguration();
  const contentType = strapi.contentType(uid);
  const current = await service.findConfiguration(contentType);
  const metadatas = Object.fromEntries(
    Object.entries(current.metadatas).map(([field, metadata]) => {
      const wanted = fields[field];
      if (!wanted) return [field, metadata];
      return [
        field,
        {
          edit: {
            ...metadata.edit,
            label: wanted.label,
            ...(wanted.description ? { description: wanted.description } : {}),
            ...(wanted.editable === false ? { editable: false } : {}),
          },
          list: { ...metadata.list, label: wanted.label },
        },
      ];
    }),
  );
  await service.updateConfiguration(contentType, { ...extra(current), metadatas });
};

/**
 * Readable labels in the admin panel. The comment list shows name, excerpt, status, review and date, newest first,
 * so pending comments are easy to find.
 */
export const configureAdminViews = async (strapi: Core.Strapi) => {
  await configure(strapi, 'api::comment.comment', COMMENT_FIELDS, (current) => ({
    settings: { ...current.settings, mainField: 'authorName', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC', pageSize: 20 },
    layouts: { ...current.layouts, list: ['authorName', 'body', 'moderationStatus', 'review', 'createdAt'] },
  }));
  await configure(strapi, 'api::review.review', REVIEW_FIELDS, (current) => ({
    settings: { ...current.settings, mainField: 'title', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
    layouts: { ...current.layouts, list: ['title', 'film', 'rating', 'author', 'updatedAt'] },
  }));
};
