import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../../../../config/marquee';
import { checklist, type Checklist } from './checklist';
import { listActivity } from './history';
import { CHECKLIST_POPULATE } from './reviews';

const REVIEW = 'api::review.review';
const WEEK_MS = 7 * 86_400_000;

interface DraftRow {
  documentId: string;
  title: string;
  slug: string;
  updatedAt: string;
  publishAt: string | null;
  unpublishAt: string | null;
}

const iso = (value: unknown) => (value ? new Date(String(value)).toISOString() : null);

/** What the newsroom page shows: drafts with their checklist, the schedule, the week's publications, the activity. */
export const newsroomOverview = async (strapi: Core.Strapi, now = new Date()) => {
  const siteUrl = strapi.config.get<MarqueeConfig>('marquee').siteUrl.replace(/\/+$/, '');
  const drafts: (DraftRow & Record<string, unknown>)[] = (await strapi.documents(REVIEW).findMany({
    status: 'draft',
    sort: ['updatedAt:desc'],
    limit: 200,
    populate: CHECKLIST_POPULATE as never,
  })) as never;
  const live: { documentId: string; slug: string; publishedAt: string }[] = await strapi.db
    .query(REVIEW)
    .findMany({ where: { publishedAt: { $notNull: true } }, select: ['documentId', 'slug', 'publishedAt'] });
  const liveById = new Map(live.map((row) => [row.documentId, row]));
  const modified = (draft: DraftRow) => {
    const published = liveById.get(draft.documentId);
    return !published || new Date(draft.updatedAt).getTime() > new Date(published.publishedAt).getTime() + 1000;
  };
  const summary = (draft: DraftRow & Record<string, unknown>) => {
    const list: Checklist = checklist(draft);
    return {
      documentId: draft.documentId,
      title: draft.title,
      updatedAt: iso(draft.updatedAt),
      publishAt: iso(draft.publishAt),
      unpublishAt: iso(draft.unpublishAt),
      live: liveById.has(draft.documentId),
      checklist: list,
    };
  };
  return {
    drafts: drafts.filter((draft) => modified(draft) && !draft.publishAt).map(summary),
    scheduled: drafts
      .filter((draft) => draft.publishAt || draft.unpublishAt)
      .map(summary)
      .sort((a, b) => String(a.publishAt ?? a.unpublishAt).localeCompare(String(b.publishAt ?? b.unpublishAt))),
    published: live
      .filter((row) => now.getTime() - new Date(row.publishedAt).getTime() <= WEEK_MS)
      .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
      .map((row) => ({
        documentId: row.documentId,
        title: drafts.find((draft) => draft.documentId === row.documentId)?.title ?? row.slug,
        publishedAt: iso(row.publishedAt),
        url: `${siteUrl}/reviews/${row.slug}`,
      })),
    activity: await listActivity(strapi, 50),
  };
};
