import type { Core } from '@strapi/strapi';
import { MAX_DEPTH } from './rules';

/** How deep a comment sits: 1 for a top-level comment. Walks at most MAX_DEPTH parents. */
export const depthOf = async (strapi: Core.Strapi, documentId: string): Promise<number> => {
  let depth = 1;
  let current: string | undefined = documentId;
  while (current && depth <= MAX_DEPTH) {
    const row: { parent?: { documentId?: string } | null } | null = await strapi.db
      .query('api::comment.comment')
      .findOne({ where: { documentId: current }, select: ['id'], populate: { parent: { select: ['documentId'] } } });
    current = row?.parent?.documentId;
    if (current) depth += 1;
  }
  return depth;
};
