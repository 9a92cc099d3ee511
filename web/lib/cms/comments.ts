import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { z } from 'zod';
import { cmsGet, cmsPost } from './client';
import { isoDate, listEnvelope, paginationSchema, type Pagination } from './strapi';
import { tags } from './tags';

/**
 * Top-level comments per page, each with its replies. Fewer than WordPress's 50: with their replies, 50 threads make
 * a busy review's page several times a quiet one's (docs/performance.md); 20 keeps them close.
 */
export const COMMENTS_PAGE_SIZE = 20;

/** A reader's website becomes a link only when it is plain http(s). */
export function safeWebsite(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.toString() : null;
  } catch {
    return null;
  }
}

type CmsComment = {
  documentId: string;
  authorName: string;
  authorWebsite?: string | null;
  body: string;
  createdAt: string;
  isStaff?: boolean;
  faq?: { documentId: string } | null;
  rating?: number | null;
  replies?: CmsComment[];
};

/** z.object strips unknown keys: even if the CMS ever sent an email, it would stop here. */
const cmsCommentSchema: z.ZodType<CmsComment> = z.lazy(() =>
  z.object({
    documentId: z.string(),
    authorName: z.string(),
    authorWebsite: z.string().nullish(),
    body: z.string(),
    createdAt: isoDate,
    isStaff: z.boolean().optional(),
    // Only a published FAQ is ever named, and only by its documentId (its anchor on the review page).
    faq: z.object({ documentId: z.string() }).nullish(),
    rating: z.number().int().min(1).max(5).nullish(),
    replies: z.array(cmsCommentSchema).optional(),
  }),
);

export type Comment = {
  id: string;
  authorName: string;
  website: string | null;
  body: string;
  createdAt: string;
  /** The stars this reader gave the film with this comment, if any. */
  rating: number | null;
  /** 1 for a top-level comment; the CMS nests at most 3 levels. */
  depth: number;
  /** Written by the site's staff (a moderator or editor) from the moderation desk. */
  isStaff?: boolean;
  /** The published FAQ that answers this comment's question. */
  faqId?: string | null;
  replies: Comment[];
};

function reshapeComment(c: CmsComment, depth = 1): Comment {
  return {
    id: c.documentId,
    authorName: c.authorName,
    website: safeWebsite(c.authorWebsite),
    body: c.body,
    createdAt: c.createdAt,
    rating: c.rating ?? null,
    depth,
    isStaff: c.isStaff === true,
    faqId: c.faq?.documentId ?? null,
    replies: (c.replies ?? []).map((r) => reshapeComment(r, depth + 1)),
  };
}

/** The readers' score of the film, computed by the CMS from approved ratings; null below the minimum count. */
export const readerRatingSchema = z
  .object({ average: z.number().min(1).max(5), count: z.number().int().min(1) })
  .nullable();
export type ReaderRating = z.infer<typeof readerRatingSchema>;

export const commentThreadSchema = listEnvelope(cmsCommentSchema)
  .extend({ meta: z.object({ pagination: paginationSchema, readerRating: readerRatingSchema.optional() }) })
  .transform((r) => ({
    comments: r.data.map((c) => reshapeComment(c)),
    pagination: r.meta.pagination,
    readerRating: r.meta.readerRating ?? null,
  }));
export type CommentThread = { comments: Comment[]; pagination: Pagination; readerRating: ReaderRating };

/** Approved comments of a published review, threaded, oldest first; null when the review is unknown. @throws {CmsError} */
export async function getApprovedComments(reviewSlug: string, page = 1): Promise<CommentThread | null> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.comments, tags.reviewComments(reviewSlug));
  return cmsGet(`/comments/review/${encodeURIComponent(reviewSlug)}`, commentThreadSchema, {
    query: { page, pageSize: COMMENTS_PAGE_SIZE },
  });
}

const commentPlaceSchema = z.object({ data: z.object({ documentId: z.string(), page: z.number().int().min(1) }) });

/**
 * The comments page of a published review that shows one comment; null when readers cannot see it there (unknown,
 * pending, hidden, another review's). Reply and report pages ask it, so an unknown comment is a 404 from the start.
 * @throws {CmsError}
 */
export async function getCommentPage(reviewSlug: string, commentId: string): Promise<number | null> {
  'use cache';
  cacheLife('cms');
  cacheTag(tags.comments, tags.reviewComments(reviewSlug));
  const place = await cmsGet(
    `/comments/review/${encodeURIComponent(reviewSlug)}/${encodeURIComponent(commentId)}`,
    commentPlaceSchema,
    { query: { pageSize: COMMENTS_PAGE_SIZE } },
  );
  return place?.data.page ?? null;
}

export function flattenComments(comments: Comment[]): Comment[] {
  return comments.flatMap((c) => [c, ...flattenComments(c.replies)]);
}

export function countComments(comments: Comment[]): number {
  return flattenComments(comments).length;
}

export type NewComment = {
  authorName: string;
  authorEmail: string;
  authorWebsite?: string;
  body: string;
  review: string;
  parent?: string;
  rating?: number;
  honeypot: string;
  formToken: string;
  /** Email me about later comments on this review (double opt-in: the CMS asks the address to confirm first). */
  notifyReplies?: boolean;
  /** Email me when this comment is approved. */
  notifyApproval?: boolean;
};

const createdCommentSchema = z
  .object({
    data: z.object({
      documentId: z.string(),
      authorName: z.string(),
      authorWebsite: z.string().nullish(),
      body: z.string(),
      createdAt: isoDate,
      parent: z.string().nullish(),
      moderationStatus: z.enum(['pending', 'approved']),
    }),
  })
  .transform(({ data }) => ({
    id: data.documentId,
    authorName: data.authorName,
    body: data.body,
    createdAt: data.createdAt,
    parent: data.parent ?? null,
    moderationStatus: data.moderationStatus,
  }));
export type CreatedComment = z.output<typeof createdCommentSchema>;

/**
 * Posts a reader's comment with the web server's token; the CMS believes the client headers only from it.
 * @throws {CmsError} 400 (fieldErrors), 403 closed, 404 review/parent gone, 409 duplicate, 429 flood, null unreachable.
 */
export function postComment(
  comment: NewComment,
  client: { ip: string | null; userAgent: string | null },
): Promise<CreatedComment> {
  const headers: Record<string, string> = {};
  if (client.ip) headers['X-Marquee-Client-IP'] = client.ip;
  if (client.userAgent) headers['X-Marquee-Client-UA'] = client.userAgent;
  return cmsPost('/comments', { data: comment }, createdCommentSchema, { auth: true, headers });
}
