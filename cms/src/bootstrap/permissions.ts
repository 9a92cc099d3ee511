import type { Core } from '@strapi/strapi';

/** The published content anyone may read: the site's pages, and the web's own reads with its token. */
export const CONTENT_READS = [
  'api::review.review.find',
  'api::review.review.findOne',
  'api::film.film.find',
  'api::film.film.findOne',
  'api::author.author.find',
  'api::author.author.findOne',
  'api::genre.genre.find',
  'api::genre.genre.findOne',
  'api::faq.faq.find',
  'api::faq.faq.findOne',
];

/** Everything an anonymous visitor may do: read what is published, and read approved comments. Nothing else. */
export const PUBLIC_ACTIONS = [
  ...CONTENT_READS,
  'api::comment.comment.findForReview',
  'api::comment.comment.locate',
  'api::search.search.find',
];

/** Sets the Public role's permissions to exactly PUBLIC_ACTIONS, removing Strapi's defaults (register, login...). */
export const ensurePublicPermissions = async (strapi: Core.Strapi) => {
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
  if (!role) throw new Error('The users-permissions Public role is missing');
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const granted: { id: number; action: string }[] = await permissions.findMany({ where: { role: role.id } });
  const surplus = granted.filter((permission) => !PUBLIC_ACTIONS.includes(permission.action));
  if (surplus.length > 0) await permissions.deleteMany({ where: { id: { $in: surplus.map(({ id }) => id) } } });
  const have = new Set(granted.map(({ action }) => action));
  for (const action of PUBLIC_ACTIONS.filter((action) => !have.has(action))) {
    await permissions.create({ data: { action, role: role.id } });
  }
  // Readers never register: the site has no accounts.
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  if (advanced.allow_register !== false)
    await store.set({ key: 'advanced', value: { ...advanced, allow_register: false } });
};
