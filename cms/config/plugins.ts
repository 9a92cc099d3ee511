import type { ServerResponse } from 'node:http';
import type { Core } from '@strapi/strapi';
import { IMAGE_TYPES, hasImageExtension } from '../src/utils/media-types';

/**
 * Email goes through Strapi's email plugin and its nodemailer provider. With SMTP_HOST it is an SMTP client; without
 * it nodemailer's stream transport builds the raw message in memory, and Marquee's mail queue writes it to
 * cms/.tmp/mail/*.eml in development (see src/mail/worker.ts). Production without SMTP_HOST sends nothing: the queue
 * keeps every email and logs an error at start (src/mail/index.ts).
 */
const smtpOptions = (env: Core.Config.Shared.ConfigParams['env']) => {
  const port = env.int('SMTP_PORT', 587);
  const user = env('SMTP_USER', '');
  return {
    host: env('SMTP_HOST', ''),
    port,
    // 465 speaks TLS from the first byte; other ports upgrade with STARTTLS when the server offers it.
    secure: port === 465,
    ...(user ? { auth: { user, pass: env('SMTP_PASS', '') } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
};

/**
 * Headers on every file under /uploads, which the CMS serves from the admin panel's own origin: nothing there may run
 * as a page of that origin (sandbox, no sources), browsers may not guess another type (nosniff), and anything that is
 * not an image (older uploads) downloads instead of opening.
 */
const uploadHeaders = (response: ServerResponse, filePath: string) => {
  response.setHeader('Content-Security-Policy', "sandbox; default-src 'none'");
  response.setHeader('X-Content-Type-Options', 'nosniff');
  if (!hasImageExtension(filePath)) response.setHeader('Content-Disposition', 'attachment');
};

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Plugin => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET', ''),
      // Readers never hold accounts: the site only reads and posts comments through the web server.
      register: { allowedFields: [] },
    },
  },
  upload: {
    config: {
      // Strapi's own check of the declared type, the extension and the detected type; src/extensions/upload adds
      // a check of the bytes that no name or declared type can override.
      security: { allowedTypes: IMAGE_TYPES },
      providerOptions: { localServer: { setHeaders: uploadHeaders } },
    },
  },
  email: {
    config: {
      provider: 'nodemailer',
      providerOptions: env('SMTP_HOST', '')
        ? smtpOptions(env)
        : { streamTransport: true, buffer: true, newline: 'unix' },
      settings: {
        defaultFrom: env('MAIL_FROM', 'Marquee <no-reply@localhost>'),
        defaultReplyTo: env('MAIL_FROM', 'Marquee <no-reply@localhost>'),
      },
    },
  },
});

export default config;
