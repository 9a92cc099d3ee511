import type { Core } from '@strapi/strapi';
import type { PersonalDataContributor } from '../../utils/personal-data';

const COMMENT = 'api::comment.comment';
const REPORT = 'api::comment-report.comment-report';

/** What an anonymised comment keeps: its words, its place in the thread, its date. Nothing that points to a person. */
export const ANONYMOUS = { authorName: 'Anonymous', authorEmail: 'anonymous@erased.invalid' } as const;

/**
 * Comments as personal data: everything stored with the reader's address (reports are anonymous and stay out).
 * Erasing either keeps each comment as "Anonymous" (address, website, rating, IP hash and browser gone), or removes it;
 * a removed comment's replies, other people's words, move up to its parent (or the top level) instead of vanishing.
 * Every write goes through the document service, so an approved comment's removal reaches the site as every save does.
 */
export const commentsContributor = (strapi: Core.Strapi): PersonalDataContributor => {
  const byEmail = (email: string) => ({ authorEmail: { $eqi: email } });
  return {
    name: 'comments',
    async export(email) {
      const rows = await strapi.db.query(COMMENT).findMany({
        where: byEmail(email),
        select: [
          'documentId',
          'authorName',
          'authorEmail',
          'authorWebsite',
          'body',
          'rating',
          'moderationStatus',
          'isStaff',
          'ipHash',
          'userAgent',
          'createdAt',
          'updatedAt',
        ],
        populate: { review: { select: ['documentId', 'slug', 'title'] }, parent: { select: ['documentId'] } },
        orderBy: [{ createdAt: 'asc' }],
      });
      return rows.map((row) => ({
        documentId: row.documentId,
        authorName: row.authorName,
        authorEmail: row.authorEmail,
        authorWebsite: row.authorWebsite ?? null,
        body: row.body,
        rating: row.rating ?? null,
        status: row.moderationStatus,
        isStaff: row.isStaff === true,
        ipHash: row.ipHash ?? null,
        userAgent: row.userAgent ?? null,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        review: row.review
          ? { documentId: row.review.documentId, slug: row.review.slug, title: row.review.title }
          : null,
        parent: row.parent?.documentId ?? null,
      }));
    },
    async erase(email, mode) {
      const rows = await strapi.db.query(COMMENT).findMany({
        where: byEmail(email),
        select: ['documentId'],
        populate: { parent: { select: ['documentId'] } },
      });
      if (mode === 'anonymise') {
        for (const row of rows) {
          await strapi.documents(COMMENT).update({
            documentId: row.documentId,
            data: { ...ANONYMOUS, authorWebsite: null, rating: null, ipHash: null, userAgent: null } as never,
          });
        }
        return { anonymised: rows.length, removed: 0 };
      }
      const removing = new Set(rows.map((row) => row.documentId as string));
      for (const row of rows) {
        // The nearest ancestor that stays; replies of a removed comment move up to it.
        let parent: string | null = row.parent?.documentId ?? null;
        while (parent && removing.has(parent)) {
          const up = await strapi.db.query(COMMENT).findOne({
            where: { documentId: parent },
            select: ['id'],
            populate: { parent: { select: ['documentId'] } },
          });
          parent = up?.parent?.documentId ?? null;
        }
        const replies = await strapi.db
          .query(COMMENT)
          .findMany({ where: { parent: { documentId: row.documentId } }, select: ['documentId'] });
        for (const reply of replies) {
          if (removing.has(reply.documentId)) continue;
          await strapi.documents(COMMENT).update({ documentId: reply.documentId, data: { parent: parent } as never });
        }
      }
      for (const row of rows) {
        const reports = await strapi.db
          .query(REPORT)
          .findMany({ where: { comment: { documentId: row.documentId } }, select: ['id'] });
        if (reports.length)
          await strapi.db.query(REPORT).deleteMany({ where: { id: { $in: reports.map((report) => report.id) } } });
        await strapi.documents(COMMENT).delete({ documentId: row.documentId });
      }
      return { anonymised: 0, removed: rows.length };
    },
  };
};
