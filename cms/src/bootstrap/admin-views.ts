import type { Core } from '@strapi/strapi';

interface Metadata {
  edit: Record<string, unknown>;
  list: Record<string, unknown>;
}
interface Configuration {
  settings: Record<string, unknown>;
  metadatas: Record<string, Metadata>;
  layouts: Record<string, unknown>;
}
interface ConfigurationService {
  findConfiguration(contentType: { uid: string }): Promise<Configuration>;
  updateConfiguration(contentType: { uid: string }, configuration: Partial<Configuration>): Promise<unknown>;
}

/** Labels a moderator reads, and fields the server sets, which nobody should edit by hand. */
const COMMENT_FIELDS: Record<string, { label: string; editable?: boolean; description?: string }> = {
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

/** The comment list shows name, excerpt, status, review and date, newest first: pending comments are easy to find. */
export const configureCommentList = async (strapi: Core.Strapi) => {
  const uid = 'api::comment.comment';
  const service = strapi.plugin('content-manager').service('content-types') as unknown as ConfigurationService;
  const contentType = strapi.contentType(uid);
  const current = await service.findConfiguration(contentType);
  const metadatas = Object.fromEntries(
    Object.entries(current.metadatas).map(([field, metadata]) => {
      const wanted = COMMENT_FIELDS[field];
      if (!wanted) return [field, metadata];
      return [
        field,
        {
          edit: { ...metadata.edit, label: wanted.label, ...(wanted.description ? { description: wanted.description } : {}), ...(wanted.editable === false ? { editable: false } : {}) },
          list: { ...metadata.list, label: wanted.label },
        },
      ];
    }),
  );
  await service.updateConfiguration(contentType, {
    settings: { ...current.settings, mainField: 'authorName', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC', pageSize: 20 },
    metadatas,
    layouts: { ...current.layouts, list: ['authorName', 'body', 'moderationStatus', 'review', 'createdAt'] },
  });
};
