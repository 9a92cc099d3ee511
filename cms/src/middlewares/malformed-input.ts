import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';

// NUL and the other C0 controls: PostgreSQL refuses NUL in any text (a 500), and no slug, search or filter needs any.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001F\u007F]/;

const decoded = (raw: string) => {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
};

/**
 * A path or query string that is not valid percent-encoded UTF-8, or that holds a control character once decoded,
 * answers 400 before any route reads it.
 */
export default () => async (ctx: Context, next: Next) => {
  for (const raw of [ctx.path, ctx.querystring]) {
    const text = decoded(raw);
    if (text === null) throw new errors.ValidationError('The address holds a malformed percent-escape.');
    if (CONTROL.test(text)) throw new errors.ValidationError('The address holds a control character.');
  }
  await next();
};
