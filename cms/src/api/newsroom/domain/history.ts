import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../../../../config/marquee';
import { currentActor, type Actor } from './actor';
import { changedFields, diffSnapshots, toSnapshot, type FieldDiff, type Snapshot } from './snapshot';
import { loadDraft } from './reviews';

const REVISION = 'api::newsroom.revision';
const ACTIVITY = 'api::newsroom.activity';
const REVIEW = 'api::review.review';
const FAQ = 'api::faq.faq';

export type RevisionAction = 'create' | 'update' | 'publish' | 'unpublish' | 'discardDraft' | 'restore' | 'schedule';
export type ActivityAction =
  | 'create'
  | 'publish'
  | 'unpublish'
  | 'schedule'
  | 'unschedule'
  | 'restore'
  | 'delete'
  | 'rename'
  | 'scheduledPublish'
  | 'scheduledUnpublish'
  | 'refused';

interface RevisionRow {
  id: number;
  reviewDocumentId: string;
  action: RevisionAction;
  actorName: string | null;
  changedFields: string[] | null;
  snapshot: Snapshot;
  createdAt: string;
}

export interface RevisionSummary {
  id: number;
  action: RevisionAction;
  actor: string;
  at: string;
  changedFields: string[];
}

const iso = (value: unknown) => new Date(String(value)).toISOString();
const summary = (row: RevisionRow): RevisionSummary => ({
  id: row.id,
  action: row.action,
  actor: row.actorName ?? 'Marquee',
  at: iso(row.createdAt),
  changedFields: row.changedFields ?? [],
});

/** Writes one line of the activity log. Never fails the save it records. */
export const logActivity = async (
  strapi: Core.Strapi,
  entry: {
    action: ActivityAction;
    reviewDocumentId: string | null;
    reviewTitle?: string | null;
    detail?: string | null;
  },
  actor: Actor = currentActor(strapi),
) => {
  try {
    await strapi.db.query(ACTIVITY).create({
      data: {
        ...entry,
        reviewTitle: entry.reviewTitle?.slice(0, 300) ?? null,
        detail: entry.detail?.slice(0, 500) ?? null,
        actorId: actor.id,
        actorName: actor.name,
      },
    });
  } catch (error) {
    strapi.log.error(
      `[newsroom] could not log ${entry.action} of ${entry.reviewDocumentId}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
};

/**
 * Keeps a snapshot of the review's draft as this save left it, with what changed since the last one, and keeps the
 * last `revisionsKept` per review; none at all when that is 0.
 */
export const recordRevision = async (
  strapi: Core.Strapi,
  documentId: string,
  action: RevisionAction,
  actor: Actor = currentActor(strapi),
) => {
  const { revisionsKept } = strapi.config.get<MarqueeConfig>('marquee').newsroom;
  // REVISIONS_KEPT=0 turns the history off: no snapshot is read or written (the activity log still is).
  if (revisionsKept <= 0) return null;
  const draft = await loadDraft(strapi, documentId);
  if (!draft) return null;
  const snapshot = toSnapshot(draft);
  const last: RevisionRow | null = await strapi.db.query(REVISION).findOne({
    where: { reviewDocumentId: documentId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: ['id', 'snapshot'],
  });
  const changed = changedFields(last?.snapshot ?? null, snapshot);
  const row: RevisionRow = await strapi.db.query(REVISION).create({
    data: {
      reviewDocumentId: documentId,
      action,
      actorId: actor.id,
      actorName: actor.name,
      changedFields: changed,
      snapshot,
    },
  });
  const surplus: { id: number }[] = await strapi.db.query(REVISION).findMany({
    where: { reviewDocumentId: documentId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    offset: revisionsKept,
    select: ['id'],
  });
  if (surplus.length > 0)
    await strapi.db.query(REVISION).deleteMany({ where: { id: { $in: surplus.map((item) => item.id) } } });
  return { id: row.id, changed };
};

/** A review's revisions, newest first. */
export const listRevisions = async (strapi: Core.Strapi, documentId: string): Promise<RevisionSummary[]> => {
  const rows: RevisionRow[] = await strapi.db.query(REVISION).findMany({
    where: { reviewDocumentId: documentId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: ['id', 'action', 'actorName', 'changedFields', 'createdAt'],
  });
  return rows.map(summary);
};

const revision = async (strapi: Core.Strapi, documentId: string, id: number): Promise<RevisionRow | null> =>
  strapi.db.query(REVISION).findOne({ where: { id, reviewDocumentId: documentId } });

/** The fields that differ between two revisions of a review, older on the left. Null when either is not found. */
export const diffRevisions = async (
  strapi: Core.Strapi,
  documentId: string,
  leftId: number,
  rightId: number,
): Promise<{ left: RevisionSummary; right: RevisionSummary; fields: FieldDiff[] } | null> => {
  const [left, right] = await Promise.all([
    revision(strapi, documentId, leftId),
    revision(strapi, documentId, rightId),
  ]);
  if (!left || !right) return null;
  return { left: summary(left), right: summary(right), fields: diffSnapshots(left.snapshot, right.snapshot) };
};

/**
 * Makes a revision the review's draft again: its fields, sections, cover, film, author, genres and FAQ texts.
 * Never publishes: the live version stays as it is until an editor publishes. Relations to documents since deleted
 * are left out and named in `missing`.
 */
export const restoreRevision = async (
  strapi: Core.Strapi,
  documentId: string,
  id: number,
  actor: Actor = currentActor(strapi),
) => {
  const row = await revision(strapi, documentId, id);
  if (!row) return null;
  const snapshot = row.snapshot;
  const missing: string[] = [];
  const exists = async (uid: string, target: { documentId: string } | null, label: string) => {
    if (!target) return null;
    const found = await strapi.db
      .query(uid as never)
      .findOne({ where: { documentId: target.documentId }, select: ['id'] });
    if (!found) missing.push(label);
    return found ? target.documentId : null;
  };
  const film = await exists('api::film.film', snapshot.film, `film ${snapshot.film?.title ?? ''}`.trim());
  const author = await exists('api::author.author', snapshot.author, `author ${snapshot.author?.name ?? ''}`.trim());
  const genres: string[] = [];
  for (const genre of snapshot.genres) {
    const kept = await exists('api::genre.genre', genre, `genre ${genre.name}`);
    if (kept) genres.push(kept);
  }
  const cover = snapshot.cover
    ? await strapi.db.query('plugin::upload.file').findOne({ where: { id: snapshot.cover.id }, select: ['id'] })
    : null;
  if (snapshot.cover && !cover) missing.push(`cover ${snapshot.cover.name}`);

  await strapi.documents(REVIEW).update({
    documentId,
    data: {
      title: snapshot.title,
      slug: snapshot.slug,
      excerpt: snapshot.excerpt,
      rating: snapshot.rating,
      bestRating: snapshot.bestRating ?? 5,
      worstRating: snapshot.worstRating ?? 1,
      verdict: snapshot.verdict,
      commentsOpen: snapshot.commentsOpen,
      cover: cover ? cover.id : null,
      film: film ? { set: [film] } : { set: [] },
      author: author ? { set: [author] } : { set: [] },
      genres: { set: genres },
      sections: snapshot.sections.map((section) => ({
        heading: section.heading,
        body: section.body,
        spoiler: section.spoiler,
      })),
      seo: snapshot.seo,
    } as never,
  });
  for (const faq of snapshot.faqs) {
    const found = await strapi.db.query(FAQ).findOne({ where: { documentId: faq.documentId }, select: ['id'] });
    if (!found) {
      missing.push(`FAQ ${faq.question}`);
      continue;
    }
    await strapi.documents(FAQ).update({
      documentId: faq.documentId,
      data: { question: faq.question, answer: faq.answer, order: faq.order } as never,
    });
  }
  await recordRevision(strapi, documentId, 'restore', actor);
  await logActivity(
    strapi,
    {
      action: 'restore',
      reviewDocumentId: documentId,
      reviewTitle: snapshot.title,
      detail: `version of ${iso(row.createdAt)}`,
    },
    actor,
  );
  return { restored: summary(row), missing };
};

/** The newest entries of the activity log. */
export const listActivity = async (strapi: Core.Strapi, limit = 50) => {
  const rows: {
    id: number;
    action: ActivityAction;
    reviewDocumentId: string | null;
    reviewTitle: string | null;
    actorName: string | null;
    detail: string | null;
    createdAt: string;
  }[] = await strapi.db.query(ACTIVITY).findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], limit });
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    reviewDocumentId: row.reviewDocumentId,
    reviewTitle: row.reviewTitle,
    actor: row.actorName ?? 'Marquee',
    detail: row.detail,
    at: iso(row.createdAt),
  }));
};

/** Removes activity older than the configured number of days; returns how many entries went. */
export const pruneActivity = async (strapi: Core.Strapi, now = new Date()) => {
  const { activityDays } = strapi.config.get<MarqueeConfig>('marquee').newsroom;
  const { count } = await strapi.db
    .query(ACTIVITY)
    .deleteMany({ where: { createdAt: { $lt: new Date(now.getTime() - activityDays * 86_400_000) } } });
  return count;
};
