import { hashIp } from '../../src/api/comment/services/rules';
import { bootStrapi, TEST_SECRETS, type TestApp } from '../helpers/strapi';
import { commentInput, createComment, createReview, postComment, storedComment, unique } from '../helpers/fixtures';

let app: TestApp;
let review: { documentId: string; slug: string };
const SECRET_EMAIL = 'very.private@example.com';
const SECRET_AGENT = 'SecretAgent/7.0';

beforeAll(async () => {
  app = await bootStrapi();
  const slug = unique('secure');
  const doc = await createReview(app.strapi, { slug });
  review = { documentId: doc.documentId, slug };
  const parent = await createComment(app.strapi, doc.documentId, { authorEmail: SECRET_EMAIL, userAgent: SECRET_AGENT, body: 'top' });
  await createComment(app.strapi, doc.documentId, { authorEmail: SECRET_EMAIL, userAgent: SECRET_AGENT, body: 'reply', parent: parent.documentId });
});

afterAll(() => app.stop());

const PRIVATE = [SECRET_EMAIL, SECRET_AGENT, 'f'.repeat(64), 'authorEmail', 'ipHash', 'userAgent', 'createdBy', 'updatedBy', 'password'];
const expectNoPrivateFields = (body: unknown) => {
  const text = JSON.stringify(body);
  for (const needle of PRIVATE) expect(text).not.toContain(needle);
};

describe('private fields never leave the public API', () => {
  it('keeps emails, IP hashes and user agents out of the comment thread at every depth', async () => {
    const response = await app.api().get(`/api/comments/review/${review.slug}`).expect(200);
    expect(response.body.data[0].replies).toHaveLength(1);
    expectNoPrivateFields(response.body);
  });

  it.each([
    ['populate=*', { populate: '*' }],
    ['nested populate', { 'populate[review][populate]': '*' }],
    ['fields[]=authorEmail', { 'fields[0]': 'authorEmail' }],
    ['a filter on authorEmail', { 'filters[authorEmail][$eq]': SECRET_EMAIL }],
    ['a sort on ipHash', { sort: 'ipHash:asc' }],
  ])('answers the thread with %s by 400', async (_name, query) => {
    const response = await app.api().get(`/api/comments/review/${review.slug}`).query(query).expect(400);
    expectNoPrivateFields(response.body);
  });

  it.each(['/api/reviews', '/api/faqs', '/api/films', '/api/authors', '/api/genres'])(
    'keeps private and admin fields out of %s whatever populate is asked for',
    async (path) => {
      for (const query of [{ populate: '*' }, { 'populate[0]': 'createdBy' }, { 'populate[film][populate]': '*' }]) {
        const response = await app.api().get(path).query(query);
        expect(response.status).toBeLessThan(500);
        expectNoPrivateFields(response.body);
      }
    },
  );

  it('answers filtering or sorting reviews by an admin-only field with 400', async () => {
    await app.api().get('/api/reviews').query({ 'filters[createdBy][email][$eq]': 'x@example.com' }).expect(400);
    await app.api().get('/api/reviews').query({ sort: 'createdBy.email:asc' }).expect(400);
  });

  it('returns only public fields when a comment is created', async () => {
    const response = await postComment(app, commentInput(review.documentId, { authorEmail: `${unique('p')}@example.com` })).expect(201);
    expect(Object.keys(response.body.data).sort()).toEqual(
      ['authorName', 'authorWebsite', 'body', 'createdAt', 'documentId', 'moderationStatus', 'parent'].sort(),
    );
  });
});

describe('mass assignment', () => {
  it.each([
    ['moderationStatus', 'approved'],
    ['publishedAt', '2020-01-01T00:00:00.000Z'],
    ['ipHash', 'a'.repeat(64)],
    ['documentId', 'chosen-id'],
    ['heldReason', 'none'],
    ['userAgent', 'Forged/1.0'],
  ])('refuses a comment that sets %s with 400 and stores nothing', async (field, value) => {
    const before = await app.strapi.db.query('api::comment.comment').count();
    const response = await postComment(app, commentInput(review.documentId, { [field]: value })).expect(400);
    expect(response.body.error.details.errors).toEqual([expect.objectContaining({ path: [field] })]);
    expect(await app.strapi.db.query('api::comment.comment').count()).toBe(before);
  });
});

describe('the trusted path for the reader\'s address', () => {
  it('believes X-Marquee-Client-IP with the web token', async () => {
    const response = await postComment(app, commentInput(review.documentId), '192.0.2.44').expect(201);
    expect((await storedComment(app.strapi, response.body.data.documentId)).ipHash).toBe(hashIp('192.0.2.44', TEST_SECRETS.COMMENT_IP_HASH_SECRET));
  });

  it('ignores X-Marquee-Client-IP with any other token', async () => {
    const tokens = app.strapi.service('admin::api-token-content-api') as unknown as {
      create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
    };
    const { accessKey } = await tokens.create({ name: unique('full'), type: 'full-access', lifespan: null });
    const response = await app
      .api()
      .post('/api/comments')
      .set('Authorization', `Bearer ${accessKey}`)
      .set('X-Marquee-Client-IP', '192.0.2.99')
      .send({ data: commentInput(review.documentId) })
      .expect(201);
    const stored = await storedComment(app.strapi, response.body.data.documentId);
    expect(stored.ipHash).not.toBe(hashIp('192.0.2.99', TEST_SECRETS.COMMENT_IP_HASH_SECRET));
  });
});

describe('what anonymous visitors may not do', () => {
  it('cannot post a comment straight to the CMS', async () => {
    await app.api().post('/api/comments').send({ data: commentInput(review.documentId) }).expect(403);
  });

  it.each([
    ['POST', '/api/reviews'],
    ['PUT', '/api/reviews/REVIEW'],
    ['DELETE', '/api/reviews/REVIEW'],
    ['PUT', '/api/faqs/x'],
    ['DELETE', '/api/films/x'],
    ['PUT', '/api/comments/x'],
    ['DELETE', '/api/comments/x'],
    ['GET', '/api/moderation-setting'],
    ['PUT', '/api/moderation-setting'],
    ['POST', '/api/upload'],
    ['POST', '/api/auth/local/register'],
    ['GET', '/api/users'],
  ])('%s %s answers 403', async (method, path) => {
    const url = path.replace('REVIEW', review.documentId);
    const response = await app.api()[method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url).send({ data: { title: 'x' } });
    expect(response.status).toBe(403);
  });

  it('cannot list comments through the core route', async () => {
    const response = await app.api().get('/api/comments');
    expect([403, 404, 405]).toContain(response.status);
    expectNoPrivateFields(response.body);
  });
});

describe('what the web token may not do', () => {
  it.each([
    ['PUT', '/api/reviews/REVIEW'],
    ['DELETE', '/api/comments/x'],
    ['GET', '/api/moderation-setting'],
    ['POST', '/api/upload'],
    ['GET', '/api/users'],
  ])('%s %s answers 403', async (method, path) => {
    const url = path.replace('REVIEW', review.documentId);
    const response = await app
      .api()
      [method.toLowerCase() as 'get' | 'post' | 'put' | 'delete'](url)
      .set('Authorization', `Bearer ${TEST_SECRETS.WEB_API_TOKEN}`)
      .send({ data: { title: 'x' } });
    expect(response.status).toBe(403);
  });
});
