import type { Core } from '@strapi/strapi';
import { internals } from '../../strapi/internals';
import { registerPersonalData, type EraseMode } from '../../utils/personal-data';
import {
  DECISIONS,
  DeskError,
  TABS,
  deskMessages,
  type Decision,
  type Desk,
  type Moderator,
  type Tab,
} from './services/desk';
import { commentsContributor } from './personal-data-comments';

/**
 * The desk's admin permissions. Strapi routes under src/api are always content-API routes, so the desk's admin API is
 * registered here as an admin router (admin JWT, admin permission policies), and its permissions as actions of the
 * "settings" section, so they show in Settings → Roles and the menu link can ask for them.
 */
export const DESK_ACTIONS = {
  use: 'api::moderation-desk.use',
  promoteFaq: 'api::moderation-desk.promote-faq',
  personalData: 'api::moderation-desk.personal-data',
} as const;

const ACTIONS = [
  { uid: 'moderation-desk.use', displayName: 'Use the moderation desk' },
  { uid: 'moderation-desk.promote-faq', displayName: 'Turn a comment into a draft FAQ' },
  { uid: 'moderation-desk.personal-data', displayName: "Export and erase a reader's personal data" },
].map((action) => ({ ...action, section: 'settings', category: 'moderation desk' }));

interface Ctx {
  state: { user?: Moderator };
  params: Record<string, string>;
  query: Record<string, unknown>;
  request: { body?: Record<string, unknown> };
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

const allowed = (...actions: string[]) => [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions } },
];

const whole = (value: unknown, fallback: number, max: number) => {
  const number = Number(value ?? fallback);
  return Number.isInteger(number) && number >= 1 ? Math.min(number, max) : null;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Runs one desk action, answering its DeskError as the status and message it carries. */
const handle =
  (strapi: Core.Strapi, action: (desk: Desk, ctx: Ctx, admin: Moderator) => Promise<unknown>) => async (ctx: Ctx) => {
    const desk = internals(strapi).own<Desk>('api::moderation-desk.desk');
    try {
      ctx.body = await action(desk, ctx, ctx.state.user as Moderator);
    } catch (error) {
      if (!(error instanceof DeskError)) throw error;
      ctx.status = error.status;
      ctx.body = { error: { status: error.status, message: error.message, details: error.details } };
    }
  };

const bad = (message: string) => new DeskError(400, message);

export const registerModerationDesk = async (strapi: Core.Strapi) => {
  registerPersonalData(commentsContributor(strapi));
  await internals(strapi).permissions().actionProvider.registerMany(ACTIONS);

  const route = (method: string, path: string, actions: string[], action: Parameters<typeof handle>[1]) => ({
    method,
    path,
    handler: handle(strapi, action),
    config: { policies: allowed(...actions) },
  });

  strapi.server.routes({
    type: 'admin',
    prefix: '/moderation-desk',
    routes: [
      route('GET', '/counts', [DESK_ACTIONS.use], (desk) => desk.counts()),
      route('GET', '/comments', [DESK_ACTIONS.use], async (desk, ctx) => {
        const tab = String(ctx.query.tab ?? 'pending') as Tab;
        if (!TABS.includes(tab)) throw bad(deskMessages.tabInvalid);
        const page = whole(ctx.query.page, 1, 10_000);
        const pageSize = whole(ctx.query.pageSize, 20, 100);
        if (!page || !pageSize) throw bad('page and pageSize must be whole numbers from 1.');
        return desk.list(tab, page, pageSize);
      }),
      route('POST', '/comments/status', [DESK_ACTIONS.use], async (desk, ctx, admin) => {
        const { documentIds, status } = ctx.request.body ?? {};
        if (!DECISIONS.includes(status as Decision)) throw bad(deskMessages.statusInvalid);
        if (
          !Array.isArray(documentIds) ||
          documentIds.length < 1 ||
          documentIds.length > 100 ||
          !documentIds.every((id) => typeof id === 'string' && id)
        ) {
          throw bad(deskMessages.idsInvalid);
        }
        return desk.setStatus(documentIds as string[], status as Decision, admin);
      }),
      route('POST', '/comments/:documentId/reply', [DESK_ACTIONS.use], (desk, ctx, admin) =>
        desk.reply(ctx.params.documentId ?? '', ctx.request.body?.body, admin),
      ),
      route('POST', '/comments/:documentId/faq', [DESK_ACTIONS.use, DESK_ACTIONS.promoteFaq], (desk, ctx, admin) =>
        desk.promoteToFaq(ctx.params.documentId ?? '', { credit: ctx.request.body?.credit === true }, admin),
      ),
      route('POST', '/personal-data/export', [DESK_ACTIONS.personalData], async (desk, ctx, admin) => {
        const email = String(ctx.request.body?.email ?? '').trim();
        if (!EMAIL.test(email) || email.length > 254) throw bad(deskMessages.emailInvalid);
        const result = await desk.exportPersonalData(email, admin);
        ctx.set('Cache-Control', 'no-store');
        return result;
      }),
      route('POST', '/personal-data/erase', [DESK_ACTIONS.personalData], async (desk, ctx, admin) => {
        const email = String(ctx.request.body?.email ?? '').trim();
        const mode = ctx.request.body?.mode as EraseMode;
        if (!EMAIL.test(email) || email.length > 254) throw bad(deskMessages.emailInvalid);
        if (mode !== 'anonymise' && mode !== 'delete') throw bad(deskMessages.modeInvalid);
        return desk.erasePersonalData(email, mode, admin);
      }),
    ],
  } as never);
};
