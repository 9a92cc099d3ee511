import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context, Next } from 'koa';
import type { MarqueeConfig } from '../../config/marquee';

// The admin routes that try a password or a token. Strapi limits each per email and address; this limits each
// address across all emails, so one address cannot try many accounts.
const GUARDED = new Set([
  '/admin/login',
  '/admin/register-admin',
  '/admin/register',
  '/admin/forgot-password',
  '/admin/reset-password',
]);

/** Attempts per client address in fixed windows, in this process's memory (each CMS process counts its own). */
export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const { maxPerAddress, windowMinutes } = strapi.config.get<MarqueeConfig>('marquee').adminLogin;
  const windowMs = windowMinutes * 60_000;
  const attempts = new Map<string, { count: number; resetAt: number }>();
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'POST' || !GUARDED.has(ctx.path.replace(/\/+$/, '').toLowerCase())) return next();
    const now = Date.now();
    if (attempts.size > 10_000) for (const [key, entry] of attempts) if (entry.resetAt <= now) attempts.delete(key);
    const entry = attempts.get(ctx.request.ip);
    const current = entry && entry.resetAt > now ? entry : { count: 0, resetAt: now + windowMs };
    current.count += 1;
    attempts.set(ctx.request.ip, current);
    if (current.count > maxPerAddress) {
      ctx.set('Retry-After', String(Math.ceil((current.resetAt - now) / 1000)));
      throw new errors.RateLimitError('Too many sign-in attempts from this address. Please try again later.');
    }
    return next();
  };
};
