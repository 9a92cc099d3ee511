import type { Core } from '@strapi/strapi';
import { internals } from '../../strapi/internals';
import { checklist } from './domain/checklist';
import { diffRevisions, listRevisions, restoreRevision } from './domain/history';
import { newsroomOverview } from './domain/overview';
import { liveAddress, loadChecklistInput } from './domain/reviews';

/** The newsroom's admin permission, an action of the "settings" section like the moderation desk's. */
export const NEWSROOM_ACTIONS = { use: 'api::newsroom.use' } as const;

const ACTIONS = [{ uid: 'newsroom.use', displayName: 'Use the newsroom', section: 'settings', category: 'newsroom' }];

interface Ctx {
  params: Record<string, string>;
  query: Record<string, unknown>;
  status: number;
  body: unknown;
}

const policies = [
  'admin::isAuthenticatedAdmin',
  { name: 'admin::hasPermissions', config: { actions: [NEWSROOM_ACTIONS.use] } },
];

const notFound = (ctx: Ctx, message: string) => {
  ctx.status = 404;
  ctx.body = { error: { status: 404, message } };
};

const whole = (value: unknown) => {
  const number = Number(value);
  return Number.isInteger(number) && number > 0 ? number : null;
};

/**
 * The editors' newsroom: its page's overview, and each review's checklist, revisions, diff and restore for the edit
 * view's panels. Admin routes (admin JWT, the newsroom permission), registered as the moderation desk's are.
 */
export const registerNewsroom = async (strapi: Core.Strapi) => {
  await internals(strapi).permissions().actionProvider.registerMany(ACTIONS);
  const route = (method: string, path: string, handler: (ctx: Ctx) => Promise<void>) => ({
    method,
    path,
    handler,
    config: { policies },
  });
  strapi.server.routes({
    type: 'admin',
    prefix: '/newsroom',
    routes: [
      route('GET', '/overview', async (ctx) => {
        ctx.body = await newsroomOverview(strapi);
      }),
      route('GET', '/reviews/:documentId/checklist', async (ctx) => {
        const input = await loadChecklistInput(strapi, ctx.params.documentId ?? '');
        if (!input) return notFound(ctx, 'No review with that id');
        ctx.body = checklist(input);
      }),
      route('GET', '/reviews/:documentId/live', async (ctx) => {
        ctx.body = { live: await liveAddress(strapi, ctx.params.documentId ?? '') };
      }),
      route('GET', '/reviews/:documentId/revisions', async (ctx) => {
        ctx.body = { revisions: await listRevisions(strapi, ctx.params.documentId ?? '') };
      }),
      route('GET', '/reviews/:documentId/diff', async (ctx) => {
        const [left, right] = [whole(ctx.query.left), whole(ctx.query.right)];
        if (!left || !right) {
          ctx.status = 400;
          ctx.body = { error: { status: 400, message: 'left and right must be revision ids' } };
          return;
        }
        const diff = await diffRevisions(strapi, ctx.params.documentId ?? '', left, right);
        if (!diff) return notFound(ctx, 'No such revision of this review');
        ctx.body = diff;
      }),
      route('POST', '/reviews/:documentId/revisions/:id/restore', async (ctx) => {
        const id = whole(ctx.params.id);
        const restored = id ? await restoreRevision(strapi, ctx.params.documentId ?? '', id) : null;
        if (!restored) return notFound(ctx, 'No such revision of this review');
        ctx.body = restored;
      }),
    ],
  } as never);
};
