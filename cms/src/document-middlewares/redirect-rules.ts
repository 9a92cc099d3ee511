import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { MarqueeConfig } from '../../config/marquee';
import { normalizePath } from '../api/redirect/domain/paths';
import { namedDocumentId, type DocumentMiddleware } from './touched';

const REDIRECT = 'api::redirect.redirect';

const refuse = (field: string, message: string) =>
  new errors.ValidationError(message, { errors: [{ path: [field], message, name: 'ValidationError' }] });

/** The target of a hand-made redirect: a path of the site, or a URL on the site or an allowed host. */
export const checkTarget = (target: string, siteUrl: string, allowedHosts: string[]): string => {
  if (target.startsWith('/') && !target.startsWith('//')) {
    const path = normalizePath(target);
    if (!path) throw refuse('toPath', 'The target is not a path of the site.');
    return target;
  }
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    throw refuse('toPath', 'The target must be a path of the site (/reviews/...) or a full https:// address.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw refuse('toPath', 'Only http and https addresses can be redirect targets.');
  const site = new URL(siteUrl).host;
  if (url.host !== site && !allowedHosts.includes(url.host)) {
    throw refuse('toPath', `Redirects to ${url.host} are refused: add the host to REDIRECT_ALLOWED_HOSTS to allow it.`);
  }
  return url.toString();
};

/** A redirect's paths are normalized and checked when it is saved, from the admin panel, an import or code. */
export const redirectRules =
  (strapi: Core.Strapi): DocumentMiddleware =>
  async (context, next) => {
    if (context.uid !== REDIRECT || (context.action !== 'create' && context.action !== 'update')) return next();
    const data = (context.params as { data?: Record<string, unknown> }).data;
    if (!data) return next();
    const { siteUrl, newsroom } = strapi.config.get<MarqueeConfig>('marquee');
    if (data.fromPath !== undefined) {
      const fromPath = typeof data.fromPath === 'string' ? normalizePath(data.fromPath) : null;
      if (!fromPath || fromPath === '/')
        throw refuse(
          'fromPath',
          'The old path must be a path of the site, such as /2019/05/old-post (not the home page).',
        );
      data.fromPath = fromPath;
    }
    if (typeof data.toPath === 'string' && data.toPath.trim() !== '') {
      data.toPath = checkTarget(data.toPath.trim(), siteUrl, newsroom.redirectHosts);
      const documentId = namedDocumentId(context);
      const fromPath =
        typeof data.fromPath === 'string'
          ? data.fromPath
          : documentId
            ? ((await strapi.db.query(REDIRECT).findOne({ where: { documentId }, select: ['fromPath'] }))?.fromPath ??
              null)
            : null;
      if (fromPath && normalizePath(String(data.toPath)) === fromPath)
        throw refuse('toPath', 'A redirect cannot lead to its own path.');
    } else if (data.toPath !== undefined) {
      data.toPath = null;
    }
    return next();
  };
