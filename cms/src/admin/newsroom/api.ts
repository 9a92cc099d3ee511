import { getFetchClient } from '@strapi/strapi/admin';
import type { Checklist, ChecklistItem } from '../../api/newsroom/domain/checklist';
import type { ActivityAction, RevisionAction, RevisionSummary as Revision } from '../../api/newsroom/domain/history';
import type { newsroomOverview } from '../../api/newsroom/domain/overview';
import type { FieldDiff } from '../../api/newsroom/domain/snapshot';

/** The newsroom's admin API (cms/src/api/newsroom/admin.ts): the only place the newsroom's screens call the server. */
export const NEWSROOM_ACTIONS = { use: 'api::newsroom.use' } as const;

export const REVIEW_UID = 'api::review.review';
export const editPath = (documentId: string) => `/content-manager/collection-types/${REVIEW_UID}/${documentId}`;

// The shapes the newsroom's admin API answers are the server's own types (type-only imports: nothing of the server
// is bundled into the admin panel).
export type { ActivityAction, Checklist, ChecklistItem, FieldDiff, Revision, RevisionAction };
export type Overview = Awaited<ReturnType<typeof newsroomOverview>>;
export type ReviewSummary = Overview['drafts'][number];
export type ActivityEntry = Overview['activity'][number];

export interface RevisionDiff {
  left: Revision;
  right: Revision;
  fields: FieldDiff[];
}

const BASE = '/newsroom';
const review = (documentId: string) => `${BASE}/reviews/${encodeURIComponent(documentId)}`;

export const newsroomApi = {
  overview: async () => (await getFetchClient().get<Overview>(`${BASE}/overview`)).data,
  checklist: async (documentId: string) =>
    (await getFetchClient().get<Checklist>(`${review(documentId)}/checklist`)).data,
  live: async (documentId: string) =>
    (await getFetchClient().get<{ live: { slug: string; url: string } | null }>(`${review(documentId)}/live`)).data
      .live,
  revisions: async (documentId: string) =>
    (await getFetchClient().get<{ revisions: Revision[] }>(`${review(documentId)}/revisions`)).data.revisions,
  diff: async (documentId: string, left: number, right: number) =>
    (await getFetchClient().get<RevisionDiff>(`${review(documentId)}/diff`, { params: { left, right } })).data,
  restore: async (documentId: string, id: number) =>
    (
      await getFetchClient().post<{ restored: Revision; missing: string[] }>(
        `${review(documentId)}/revisions/${id}/restore`,
      )
    ).data,
};

/** An instant in the editor's own time zone, with the zone named, so a schedule is never misread. */
export const when = (iso: string | null) =>
  // dateStyle and timeStyle cannot be combined with timeZoneName, hence the parts one by one.
  iso
    ? new Date(iso).toLocaleString(undefined, {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZoneName: 'short',
      })
    : '';

export const ACTIVITY_LABELS: Record<ActivityAction, string> = {
  create: 'created',
  publish: 'published',
  unpublish: 'unpublished',
  schedule: 'scheduled',
  unschedule: 'cancelled the schedule of',
  restore: 'restored an earlier version of',
  delete: 'deleted',
  rename: 'renamed',
  scheduledPublish: 'published on schedule',
  scheduledUnpublish: 'unpublished on schedule',
  refused: 'was refused publishing',
};

export const REVISION_LABELS: Record<RevisionAction, string> = {
  create: 'Created',
  update: 'Saved',
  publish: 'Published',
  unpublish: 'Unpublished',
  discardDraft: 'Discarded draft',
  restore: 'Restored',
  schedule: 'Scheduled',
};
