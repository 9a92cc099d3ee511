import { z } from 'zod';

/**
 * The only reader of process.env on the server. Secrets are optional so that `next build` works
 * without any of them; a feature whose secret is missing refuses to work (it never falls back to a
 * built-in secret).
 */
const secret = z.string().min(16, 'must be at least 16 characters').optional();

const serverEnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /** Where the server reaches Strapi. Readers never see this origin: media is proxied. */
  CMS_URL: z
    .url()
    .default('http://localhost:1337')
    .transform((url) => url.replace(/\/+$/, '')),
  /** Strapi API token of the web server: comment writes and draft previews. */
  CMS_API_TOKEN: z.string().min(1).optional(),
  /** The admin panel's public origin, the only page that may frame an editor's preview. Unset: CMS_URL's. */
  CMS_ADMIN_URL: z.url().optional(),
  /** Public origin of this site, used for canonical URLs, sitemap, feed and JSON-LD. */
  SITE_URL: z
    .url()
    .default('http://localhost:3000')
    .transform((url) => url.replace(/\/+$/, '')),
  SITE_NAME: z.string().min(1).default('Marquee'),
  PREVIEW_SECRET: secret,
  REVALIDATE_SECRET: secret,
  /** Shared with the CMS, which checks the form token of every comment. */
  COMMENT_FORM_SECRET: secret,
  /** Signs the reader's own pending-comment cookie; never leaves the web server. */
  COMMENT_COOKIE_SECRET: secret,
  CMS_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),
  /** Shared by every web replica (Next's caches, the no-JavaScript comment answer). Unset: this process's memory. */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  REDIS_KEY_PREFIX: z.string().min(1).default('marquee:'),
  /**
   * How many reverse proxies in front of this server set X-Forwarded-For (the caching proxy overwrites it with the
   * address it sees). The reader's address is that many entries from the right; 0 trusts no forwarded address at
   * all (a reader reaching the server directly could write any).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /**
   * What the proxy sends as X-Marquee-Proxy. X-Forwarded-For is believed only from a request that carries it, so a
   * client reaching this server another way (straight to a replica) cannot choose its address. Unset: never believed.
   */
  TRUSTED_PROXY_SECRET: secret,
  /** The caching proxy, as this server reaches it, and the secret that lets a request refresh its copy of a page. */
  PROXY_REFRESH_URL: z.url().optional(),
  PROXY_REFRESH_SECRET: secret,
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

/** @throws {Error} when a variable is set to an invalid value (fails fast at start, see instrumentation.ts). */
export function env(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment:\n${z.prettifyError(parsed.error)}`);
  }
  cached = parsed.data;
  return cached;
}

const PRODUCTION_SECRETS = [
  'CMS_API_TOKEN',
  'PREVIEW_SECRET',
  'REVALIDATE_SECRET',
  'COMMENT_FORM_SECRET',
  'COMMENT_COOKIE_SECRET',
] as const;
const PLACEHOLDER = /^(change[-_]?me|tobemodified|placeholder|secret|example)/i;

/**
 * A production server refuses to start with a missing or placeholder secret, rather than run with comments,
 * previews or revalidation quietly switched off. Returns the names at fault (empty when all is well).
 */
export function missingProductionSecrets(values: ServerEnv): string[] {
  return PRODUCTION_SECRETS.filter((name) => {
    const value = values[name];
    return value === undefined || PLACEHOLDER.test(value);
  });
}

/** Tests change process.env between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
