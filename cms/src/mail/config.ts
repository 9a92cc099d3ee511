import type { Core } from '@strapi/strapi';
import type { MarqueeConfig } from '../../config/marquee';
import { signToken } from './tokens';

export const JOB = 'api::mail-job.mail-job';
export const SUBSCRIBER = 'api::mail-subscriber.mail-subscriber';
export const SUBSCRIPTION = 'api::mail-subscription.mail-subscription';
export const COMMENT = 'api::comment.comment';
export const REVIEW = 'api::review.review';

export type MailConfig = MarqueeConfig['mail'];
export const mailConfig = (strapi: Core.Strapi): MailConfig => strapi.config.get<MarqueeConfig>('marquee').mail;

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** Every link an email carries; all of them point at the site, which calls the CMS with its own token. */
export const links = (config: MailConfig) => ({
  unsubscribe: (email: string) =>
    `${trimSlash(config.siteUrl)}/api/mail/unsubscribe?token=${signToken(config.tokenSecret, 'unsubscribe', email, null)}`,
  confirm: (email: string, nowMs: number) =>
    `${trimSlash(config.siteUrl)}/mail/confirm?token=${signToken(config.tokenSecret, 'confirm', email, nowMs + config.confirmHours * 3_600_000)}`,
  comment: (slug: string, commentDocumentId: string) =>
    `${trimSlash(config.siteUrl)}/reviews/${encodeURIComponent(slug)}#comment-${encodeURIComponent(commentDocumentId)}`,
  desk: (commentDocumentId?: string) =>
    `${trimSlash(config.adminUrl)}/admin/moderation?tab=pending${commentDocumentId ? `&comment=${encodeURIComponent(commentDocumentId)}` : ''}`,
});

/** RFC 8058 one-click unsubscribe: mail clients POST `List-Unsubscribe=One-Click` to the https URL. */
export const unsubscribeHeaders = (config: MailConfig, email: string): Record<string, string> => {
  const targets = [`<${links(config).unsubscribe(email)}>`];
  if (config.unsubscribeMailto) targets.push(`<mailto:${config.unsubscribeMailto}?subject=unsubscribe>`);
  return { 'List-Unsubscribe': targets.join(', '), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
};
