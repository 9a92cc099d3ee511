import type { Core } from '@strapi/strapi';

/**
 * The origin (scheme://host[:port]) of an absolute URL. Empty or path-only values name no other origin; anything
 * else that is not an http(s) URL stops the start, since a typo here would silently lock the site or admin out.
 */
const originsOf = (name: string, value: string): string[] => {
  const trimmed = value.trim();
  if (trimmed === '' || trimmed.startsWith('/')) return [];
  try {
    const url = new URL(trimmed);
    if (url.protocol === 'http:' || url.protocol === 'https:') return [url.origin];
  } catch {
    // reported below
  }
  throw new Error(`${name} must be an http(s) URL, got "${trimmed}"`);
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Middlewares => {
  const development = env('NODE_ENV', 'development') === 'development';
  // Strapi's default CORS answers any Origin (even "null") with credentials allowed. Only the admin panel's own
  // origin and the reader site may read responses from a browser.
  const origins = new Set([
    ...originsOf('PUBLIC_URL', env('PUBLIC_URL', '')),
    ...(development ? [`http://localhost:${env.int('PORT', 1337)}`] : []),
    ...originsOf('CLIENT_URL', env('CLIENT_URL', 'http://localhost:3000')),
    ...env.array('CORS_ORIGINS', []).flatMap((value) => originsOf('CORS_ORIGINS', value)),
  ]);

  return [
    'strapi::logger',
    'strapi::errors',
    // Database unreachable (restarting, say): 503 with Retry-After instead of a 500. Inside strapi::errors on purpose.
    'global::database-unavailable',
    // NUL or a broken escape in the address: 400 before any route or query sees it.
    'global::malformed-input',
    'strapi::security',
    // Admin sign-in attempts per client address, whatever email they try (Strapi counts per email and address).
    'global::admin-login-limit',
    { name: 'strapi::cors', config: { origin: [...origins] } },
    // No 'strapi::poweredBy': it sends "X-Powered-By: Strapi <strapi.io>" on every response, and Strapi does not
    // require it.
    'strapi::query',
    'strapi::body',
    'strapi::session',
    'strapi::favicon',
    'strapi::public',
  ];
};

export default config;
