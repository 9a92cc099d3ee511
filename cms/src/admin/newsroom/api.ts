import { getFetchClient } from '@strapi/strapi/admin';

/** The newsroom's admin API (cms/src/api/newsroom/admin.ts): the only place the newsroom's screens call the server. */
export const NEWSROOM_ACTIONS = { use: 'api::newsroom.use' } as const;

export const REVIEW_UID = 'api::review.review';
export const editPath = (documentId: string) => `/content-manager/collection-types/${REVIEW_UID}/${documentId}`;

export interface ChecklistItem {
  field: string;
  message: string;
}

export interface Checklist {
  errors: ChecklistItem[];
  warnings: ChecklistItem[];
  words: number;
  readingMinutes: number;
}

export interface ReviewSummary {
  documentId: string;
  title: string;
  updatedAt: string | null;
  publishAt: string | null;
  unpublishAt: string | null;
  live: boolean;
  checklist: Checklist;
}

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

export interface ActivityEntry {
  id: number;
  action: ActivityAction;
  reviewDocumentId: string | null;
  reviewTitle: string | null;
  actor: string;
  detail: string | null;
  at: string;
}

export interface Overview {
  drafts: ReviewSummary[];
  scheduled: ReviewSummary[];
  published: { documentId: string; title: string; publishedAt: string | null; url: string }[];
  activity: ActivityEntry[];
}

export type RevisionAction = 'create' | 'update' | 'publish' | 'unpublish' | 'discardDraft' | 'restore' | 'schedule';

export interface Revision {
  id: number;
  action: RevisionAction;
  actor: string;
  at: string;
  changedFields: string[];
}

export interface FieldDiff {
  field: string;
  kind: 'words' | 'value';
  parts: { value: string; added: boolean; removed: boolean }[];
  before: string;
  after: string;
}

export interface RevisionDiff {
  left: Revision;
  right: Revision;
  fields: FieldDiff[];
}

const BASE = '/newsroom';
const review = (documentId: string) => `${BASE}/reviews/${encodeURIComponent(documentId)}`;

export const newsroomApi = {
  overview: async () => (await getFetchClient().get<Overview>(`${BASE}/overview`)).data,
  checklist: async (documentId: string) => (await getFetchClient().get<Checklist>(`${review(documentId)}/checklist`)).data,
  live: async (documentId: string) =>
    (await getFetchClient().get<{ live: { slug: string; url: string } | null }>(`${review(documentId)}/live`)).data.live,
  revisions: async (documentId: string) => (await getFetchClient().get<{ revisions: Revision[] }>(`${review(documentId)}/revisions`)).data.revisions,
  diff: async (documentId: string, left: number, right: number) =>
    (await getFetchClient().get<RevisionDiff>(`${review(documentId)}/diff`, { params: { left, right } })).data,
  restore: async (documentId: string, id: number) =>
    (await getFetchClient().post<{ restored: Revision; missing: string[] }>(`${review(documentId)}/revisions/${id}/restore`)).data,
};

/** An instant in the editor's own time zone, with the zone named, so a schedule is never misread. */
export const when = (iso: string | null) =>
  // dateStyle and timeStyle cannot be combined with timeZoneName, hence the parts one by one.
  iso
    ? new Date(iso).toLocaleString(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' })
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
