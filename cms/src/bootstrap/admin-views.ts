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
  rating: {
    label: 'Rating',
    description: 'On the scale set below: 4 with best 5 and worst 1 shows as 4 out of 5 stars.',
  },
  bestRating: { label: 'Best possible rating' },
  worstRating: { label: 'Worst possible rating' },
  verdict: { label: 'Verdict' },
  sections: { label: 'Sections' },
  faqs: { label: 'FAQs' },
  commentsOpen: { label: 'Comments open' },
  seo: { label: 'SEO and share card' },
  publishAt: {
    label: 'Publish at',
    description:
      'In your time zone. The review goes out within seconds of this time; clear it to cancel. The checklist must pass.',
  },
  unpublishAt: {
    label: 'Unpublish at',
    description: 'In your time zone. The review leaves the site within seconds of this time.',
  },
  firstPublishedAt: {
    label: 'First published',
    editable: false,
    description: 'Kept through republishes: the date readers and feeds see.',
  },
};

const FILM_FIELDS: FieldLabels = {
  title: { label: 'Title' },
  slug: { label: 'Slug' },
  originalTitle: { label: 'Original title', description: 'The title in its own language, if it differs.' },
  year: { label: 'Year', description: 'The year of release.' },
  country: { label: 'Country' },
  language: { label: 'Language' },
  directors: { label: 'Directors' },
  cast: { label: 'Cast' },
  runtime: { label: 'Runtime (minutes)' },
  genres: { label: 'Genres' },
  poster: { label: 'Poster' },
  reviews: { label: 'Reviews' },
};

const REDIRECT_FIELDS: FieldLabels = {
  fromPath: { label: 'Old path', description: 'A path of this site, such as /reviews/old-slug.' },
  toPath: {
    label: 'Redirect to',
    description: 'A path of this site, or an address on an allowed host. Leave empty when a review is set.',
  },
  reviewDocumentId: {
    label: 'Review (kept by renames)',
    editable: false,
    description: 'Set by Marquee when a review is renamed: the redirect follows the review.',
  },
  permanent: { label: 'Permanent (301)', description: 'Off: a temporary redirect (302).' },
  origin: { label: 'Made by', editable: false },
  note: { label: 'Note' },
};

const configure = async (
  strapi: Core.Strapi,
  uid: 'api::comment.comment' | 'api::review.review' | 'api::film.film' | 'api::redirect.redirect',
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
    settings: {
      ...current.settings,
      mainField: 'authorName',
      defaultSortBy: 'createdAt',
      defaultSortOrder: 'DESC',
      pageSize: 20,
    },
    layouts: { ...current.layouts, list: ['authorName', 'body', 'moderationStatus', 'review', 'createdAt'] },
  }));
  await configure(strapi, 'api::review.review', REVIEW_FIELDS, (current) => ({
    settings: { ...current.settings, mainField: 'title', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
    layouts: { ...current.layouts, list: ['title', 'film', 'rating', 'author', 'updatedAt'] },
  }));
  await configure(strapi, 'api::film.film', FILM_FIELDS, (current) => ({
    settings: { ...current.settings, mainField: 'title' },
  }));
  await configure(strapi, 'api::redirect.redirect', REDIRECT_FIELDS, (current) => ({
    settings: { ...current.settings, mainField: 'fromPath', defaultSortBy: 'updatedAt', defaultSortOrder: 'DESC' },
    layouts: { ...current.layouts, list: ['fromPath', 'toPath', 'permanent', 'origin', 'updatedAt'] },
  }));
};
