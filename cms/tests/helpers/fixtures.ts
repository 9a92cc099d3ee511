import type { Core } from '@strapi/strapi';
import { signFormToken } from '../../src/api/comment/domain/rules';
import { TEST_SECRETS, type TestApp } from './strapi';

let counter = 0;
/** A value no other test in the run uses: each comment comes from its own reader unless a test says otherwise. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;

export const paragraph = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

export const createReview = async (
  strapi: Core.Strapi,
  data: Record<string, unknown> = {},
  status: 'published' | 'draft' = 'published',
) => {
  const slug = (data.slug as string | undefined) ?? unique('review');
  return strapi.documents('api::review.review').create({
    data: {
      title: `Review ${slug}`,
      slug,
      excerpt: 'A short excerpt.',
      rating: 4,
      bestRating: 5,
      worstRating: 1,
      commentsOpen: true,
      sections: [{ heading: 'Plot summary', body: paragraph('What happens.'), spoiler: false }],
      ...data,
    } as never,
    status,
  });
};

export const createComment = async (strapi: Core.Strapi, review: string, data: Record<string, unknown> = {}) =>
  strapi.documents('api::comment.comment').create({
    data: {
      authorName: 'Stored Reader',
      authorEmail: `${unique('stored')}@example.com`,
      body: unique('A stored comment'),
      moderationStatus: 'approved',
      review,
      ipHash: 'f'.repeat(64),
      userAgent: 'StoredAgent/1.0',
      ...data,
    } as never,
  });

/** A form token as the web makes it, rendered `ageMs` ago. */
export const formToken = (ageMs = 10_000) => signFormToken(TEST_SECRETS.COMMENT_FORM_SECRET, Date.now() - ageMs);

export const commentInput = (review: string, data: Record<string, unknown> = {}) => ({
  authorName: 'Ada Reader',
  authorEmail: `${unique('ada')}@example.com`,
  body: unique('I liked this review'),
  review,
  formToken: formToken(),
  honeypot: '',
  ...data,
});

/** Posts a comment the way the web does: with its token and the reader's address. */
export const postComment = (app: TestApp, data: unknown, ip = unique('10.0.0')) =>
  app
    .api()
    .post('/api/comments')
    .set('Authorization', `Bearer ${TEST_SECRETS.WEB_API_TOKEN}`)
    .set('X-Marquee-Client-IP', ip)
    .set('X-Marquee-Client-UA', 'TestBrowser/1.0')
    .send({ data });

export const setModeration = (strapi: Core.Strapi, data: Record<string, unknown>) =>
  strapi.db.query('api::moderation-setting.moderation-setting').updateMany({ where: {}, data });

export const storedComment = (strapi: Core.Strapi, documentId: string) =>
  strapi.db.query('api::comment.comment').findOne({ where: { documentId } });
