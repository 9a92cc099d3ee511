import type { Core } from '@strapi/strapi';

/** Marquee's own settings; the only place the app's code reads the environment. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const development = env('NODE_ENV', 'development') === 'development';
  return {
    /** The web server's API token: the only caller allowed to create comments or read drafts. */
    webApiToken: env('WEB_API_TOKEN', ''),
    /** Shared with the web: it signs the time each comment form was rendered. */
    commentFormSecret: env('COMMENT_FORM_SECRET', ''),
    /** Key of the HMAC that turns a reader's IP address into a private, comparable hash. */
    ipHashSecret: env('COMMENT_IP_HASH_SECRET', ''),
    /** A form submitted sooner than this after it was rendered was not filled in by a person. */
    minSubmitSeconds: env.int('COMMENT_MIN_SUBMIT_SECONDS', 3),
    revalidate: {
      url: env('REVALIDATE_URL', 'http://localhost:3000/api/revalidate'),
      secret: env('REVALIDATE_SECRET', ''),
      attempts: env.int('REVALIDATE_ATTEMPTS', 5),
      baseDelayMs: env.int('REVALIDATE_BASE_DELAY_MS', 1000),
      timeoutMs: env.int('REVALIDATE_TIMEOUT_MS', 5000),
    },
    /** Admin sign-in attempts (login, registration, password reset) one client address may make per window. */
    adminLogin: {
      maxPerAddress: env.int('ADMIN_LOGIN_MAX_PER_ADDRESS', 20),
      windowMinutes: env.int('ADMIN_LOGIN_WINDOW_MINUTES', 15),
    },
    /** The reader site, for links from the admin panel (the moderation desk) to a comment on it. */
    siteUrl: env('CLIENT_URL', 'http://localhost:3000'),
    seed: {
      enabled: env.bool('SEED_DEMO_CONTENT', development),
    },
    /** The first admin outside production; in development also the login the start script prints, kept true. */
    devAdmin: {
      email: env('ADMIN_EMAIL', ''),
      password: env('ADMIN_PASSWORD', ''),
    },
    /** Email notifications (src/mail): the queue, its links and its signed tokens. */
    mail: {
      /** smtp: SMTP_HOST is set; file: development writes .eml files; none: production without SMTP keeps the queue. */
      transport: env('SMTP_HOST', '') ? 'smtp' : development || env('NODE_ENV', '') === 'test' ? 'file' : 'none',
      outboxDir: env('MAIL_OUTBOX_DIR', '.tmp/mail'),
      from: env('MAIL_FROM', 'Marquee <no-reply@localhost>'),
      /** Optional address for List-Unsubscribe's mailto: form. */
      unsubscribeMailto: env('MAIL_UNSUBSCRIBE_MAILTO', ''),
      /** Key of the links' HMAC; defaults to the app keys, so no new secret is needed for them to be unguessable. */
      tokenSecret: env('MAIL_TOKEN_SECRET', env('APP_KEYS', '')),
      confirmHours: env.int('MAIL_CONFIRM_HOURS', 72),
      siteUrl: env('CLIENT_URL', 'http://localhost:3000'),
      adminUrl: env('PUBLIC_URL', '') || `http://localhost:${env.int('PORT', 1337)}`,
      pollMs: env.int('MAIL_POLL_MS', 5000),
      attempts: env.int('MAIL_ATTEMPTS', 6),
      baseDelayMs: env.int('MAIL_BASE_DELAY_MS', 60_000),
    },
    /** The editors' newsroom: revision history, the activity log, scheduled publishing and redirects. */
    newsroom: {
      /** Revisions kept per review (the oldest go first); 0 turns revision history off (no snapshots are taken). */
      revisionsKept: env.int('REVISIONS_KEPT', 50),
      /** Days the activity log keeps an entry. */
      activityDays: env.int('ACTIVITY_LOG_DAYS', 365),
      /** How often the scheduler looks for reviews due to go out or come down. */
      scheduleEverySeconds: env.int('SCHEDULE_EVERY_SECONDS', 5),
      /** Hosts a hand-made redirect may send readers to, besides the site itself (comma-separated). */
      redirectHosts: env.array('REDIRECT_ALLOWED_HOSTS', []),
    },
    development,
    production: env('NODE_ENV', 'development') === 'production',
  };
};

export type MarqueeConfig = ReturnType<typeof config>;

export default config;
