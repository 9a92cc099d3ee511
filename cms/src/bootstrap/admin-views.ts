import type { Core } from '@strapi/strapi';

interface ConfigurationService {
  findConfiguration(contentType: { uid: string }): Promise<{ settings: Record<string, unknown>; layouts: Record<string, unknown> }>;
  updateConfiguration(contentType: { uid: string }, configuration: Record<string, unknown>): Promise<unknown>;
}

/** The comment list shows name, excerpt, status, review and date, newest first: pending comments are easy to find. */
export const configureCommentList = async (strapi: Core.Strapi) => {
  const uid = 'api::comment.comment';
  const service = strapi.plugin('content-manager').service('content-types') as unknown as ConfigurationService;
  const contentType = strapi.contentType(uid);
  const current = await service.findConfiguration(contentType);
  await service.updateConfiguration(contentType, {
    settings: { ...current.settings, mainField: 'authorName', defaultSortBy: 'createdAt', defaultSortOrder: 'DESC', pageSize: 20 },
    layouts: { ...current.layouts, list: ['authorName', 'body', 'moderationStatus', 'review', 'createdAt'] },
  });
};
