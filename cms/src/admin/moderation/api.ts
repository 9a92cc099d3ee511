import { getFetchClient, isFetchError } from '@strapi/strapi/admin';

/** The desk's admin API (cms/src/api/moderation-desk/admin.ts): the only place the desk calls the server. */
export const TABS = ['pending', 'reported', 'approved', 'spam', 'rejected'] as const;
export type Tab = (typeof TABS)[number];
export type Decision = 'approved' | 'spam' | 'rejected';
export type Counts = Record<Tab, number>;

export const ACTIONS = {
  use: 'api::moderation-desk.use',
  promoteFaq: 'api::moderation-desk.promote-faq',
  personalData: 'api::moderation-desk.personal-data',
} as const;

export interface DeskComment {
  documentId: string;
  authorName: string;
  authorWebsite: string | null;
  body: string;
  status: 'pending' | 'approved' | 'spam' | 'rejected';
  heldReason: string | null;
  rating: number | null;
  isStaff: boolean;
  /** Other comments sent from the same address. */
  sameAddress: number;
  reportCount: number;
  hiddenByReports: boolean;
  createdAt: string;
  review: { documentId: string; slug: string; title: string } | null;
  url: string | null;
  parent: { documentId: string; authorName: string; body: string; status: string } | null;
  faq: { documentId: string; question: string; published: boolean } | null;
  reports: { reason: string; note: string | null; createdAt: string }[];
}

export interface DeskPage {
  data: DeskComment[];
  meta: { pagination: { page: number; pageSize: number; pageCount: number; total: number } };
}

const BASE = '/moderation-desk';

export const deskApi = {
  counts: async () => (await getFetchClient().get<Counts>(`${BASE}/counts`)).data,
  list: async (tab: Tab, page: number, pageSize: number) =>
    (await getFetchClient().get<DeskPage>(`${BASE}/comments`, { params: { tab, page, pageSize } })).data,
  decide: async (documentIds: string[], status: Decision) =>
    (await getFetchClient().post<{ updated: string[] }>(`${BASE}/comments/status`, { documentIds, status })).data,
  reply: async (documentId: string, body: string) =>
    (await getFetchClient().post<{ documentId: string }>(`${BASE}/comments/${documentId}/reply`, { body })).data,
  promote: async (documentId: string, credit: boolean) =>
    (
      await getFetchClient().post<{ faq: { documentId: string }; editPath: string }>(
        `${BASE}/comments/${documentId}/faq`,
        { credit },
      )
    ).data,
  exportData: async (email: string) =>
    (await getFetchClient().post<unknown>(`${BASE}/personal-data/export`, { email })).data,
  erase: async (email: string, mode: 'anonymise' | 'delete') =>
    (
      await getFetchClient().post<{ results: Record<string, { anonymised: number; removed: number }> }>(
        `${BASE}/personal-data/erase`,
        { email, mode },
      )
    ).data,
};

/** The server's own message for a refused action (it names what to fix), else a generic one. */
export const errorMessage = (error: unknown) => {
  if (isFetchError(error)) {
    const data = error.response?.data as { error?: { message?: string } } | undefined;
    if (data?.error?.message) return data.error.message;
  }
  return 'Something went wrong. Try again.';
};
