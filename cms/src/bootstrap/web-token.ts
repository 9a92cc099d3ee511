import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../../config/marquee';
import { CONTENT_READS } from './permissions';
import { internals } from '../strapi/internals';
import { WEB_TOKEN_NAME } from '../utils/web-token';

/**
 * What the web server may do with its token: post comments and reports, read drafts for the editors' preview with
 * all a review page shows (a token's read leaves out the relations it may not read, so it reads all the content
 * readers may), forward email links.
 */
export const WEB_TOKEN_PERMISSIONS = [
  'api::comment.comment.create',
  'api::comment-report.comment-report.create',
  ...CONTENT_READS,
  'api::mail.mail.confirm',
  'api::mail.mail.unsubscribe',
];

/**
 * Makes sure the web's API token exists with exactly its permissions, and that its key is WEB_API_TOKEN, so that the
 * cms and the web can be handed the same secret by their environment (compose's .env, or the local start script).
 */
export const ensureWebToken = async (strapi: Core.Strapi) => {
  const { webApiToken } = strapi.config.get<MarqueeConfig>('marquee');
  const tokens = internals(strapi).apiTokens();
  const attributes = {
    name: WEB_TOKEN_NAME,
    description: "Used by the Marquee web server to post readers' comments and show editors' previews.",
    type: 'custom',
    lifespan: null,
    permissions: WEB_TOKEN_PERMISSIONS,
  };
  const existing = await tokens.getByName(WEB_TOKEN_NAME);
  const id = existing ? existing.id : (await tokens.create(attributes)).id;
  if (existing)
    await tokens.update(id, {
      description: attributes.description,
      type: 'custom',
      permissions: WEB_TOKEN_PERMISSIONS,
    });

  if (!webApiToken) {
    strapi.log.warn('WEB_API_TOKEN is not set: the web cannot post comments or show previews until it is.');
    return;
  }
  const accessKey = tokens.hash(webApiToken);
  const stored = await strapi.db.query('admin::api-token').findOne({ where: { id }, select: ['accessKey'] });
  if (stored?.accessKey === accessKey) return;
  const encryption = internals(strapi).encryption();
  await strapi.db
    .query('admin::api-token')
    .update({ where: { id }, data: { accessKey, encryptedKey: encryption.encrypt(webApiToken) } });
};
