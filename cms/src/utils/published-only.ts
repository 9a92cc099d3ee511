import type { Context } from 'koa';

/**
 * Strapi answers `?status=draft` with unpublished entries to anyone allowed to `find`. Only an API token (the web's
 * preview) may read drafts; every other caller gets the published version whatever it asks for.
 */
export const forcePublishedUnlessToken = (ctx: Context) => {
  const auth = ctx.state.auth as { strategy?: { name?: string } } | undefined;
  if (auth?.strategy?.name === 'content-api-token') return;
  ctx.query = { ...ctx.query, status: 'published' };
};
