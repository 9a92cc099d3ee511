import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashIp } from '../../src/api/comment/domain/rules';
import { bootStrapi, TEST_SECRETS, type TestApp } from '../helpers/strapi';
import { createComment, createReview, setModeration, storedComment, unique } from '../helpers/fixtures';

let app: TestApp;
let review: string;
let reviewSlug: string;
/** The change notices the CMS sent to the web, as the web's revalidation route would receive them. */
let notices: { model: string; event: string; documentId: string; review: { slug: string } | null }[] = [];
let web: Server;

beforeAll(async () => {
  web = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      notices.push(JSON.parse(raw));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"revalidated":true}');
    });
  });
  await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  const { port } = web.address() as AddressInfo;
  app = await bootStrapi({ REVALIDATE_URL: `http://127.0.0.1:${port}/api/revalidate`, REVALIDATE_BASE_DELAY_MS: '50' });
  reviewSlug = unique('reported');
  review = (await createReview(app.strapi, { slug: reviewSlug })).documentId;
  await setModeration(app.strapi, { floodIntervalSeconds: 0, reportThreshold: 3, readerRatingMinimum: 1 });
});

afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => web.close(resolve));
});

const settleNotices = () => new Promise((resolve) => setTimeout(resolve, 300));

/** Reports a comment the way the web does: with its token and the reader's address. */
const report = (data: unknown, ip = unique('10.1.0')) =>
  app
    .api()
    .post('/api/comment-reports')
    .set('Authorization', `Bearer ${TEST_SECRETS.WEB_API_TOKEN}`)
    .set('X-Marquee-Client-IP', ip)
    .set('X-Marquee-Client-UA', 'ReportingBrowser/1.0')
    .send({ data });

const reportsOn = (documentId: string) =>
  app.strapi.db.query('api::comment-report.comment-report').findMany({ where: { comment: { documentId } } });

const threadIds = async () =>
  ((await app.api().get(`/api/comments/review/${reviewSlug}`).expect(200)).body.data as { documentId: string }[]).map(
    ({ documentId }) => documentId,
  );

describe('reporting a comment', () => {
  it("records the report with the reader's hashed address, counts it, and answers nothing private", async () => {
    const comment = await createComment(app.strapi, review);
    const response = await report(
      { comment: comment.documentId, reason: 'spoiler', note: '  Gives the ending away.  ' },
      '198.51.100.7',
    ).expect(201);
    expect(response.body).toEqual({
      data: { comment: comment.documentId, reason: 'spoiler', note: 'Gives the ending away.' },
      meta: {},
    });
    const [stored] = await reportsOn(comment.documentId);
    expect(stored).toMatchObject({
      reason: 'spoiler',
      note: 'Gives the ending away.',
      resolved: false,
      ipHash: hashIp('198.51.100.7', TEST_SECRETS.COMMENT_IP_HASH_SECRET),
      userAgent: 'ReportingBrowser/1.0',
    });
    expect(await storedComment(app.strapi, comment.documentId)).toMatchObject({
      reportCount: 1,
      hiddenByReports: false,
    });
    expect(await threadIds()).toContain(comment.documentId);
  });

  it("hides the comment from the thread, and its rating from the readers' score, once it reaches the threshold", async () => {
    const slug = unique('threshold');
    const { documentId: reviewId } = await createReview(app.strapi, { slug });
    const comment = await createComment(app.strapi, reviewId, { rating: 1, ipHash: 'a'.repeat(64) });
    await createComment(app.strapi, reviewId, { rating: 5, ipHash: 'b'.repeat(64) });
    const readThread = async () => (await app.api().get(`/api/comments/review/${slug}`).expect(200)).body;
    expect((await readThread()).meta.readerRating).toEqual({ average: 3, count: 2 });

    await report({ comment: comment.documentId, reason: 'abuse' }).expect(201);
    await report({ comment: comment.documentId, reason: 'spam' }).expect(201);
    expect(await storedComment(app.strapi, comment.documentId)).toMatchObject({
      reportCount: 2,
      hiddenByReports: false,
    });
    await report({ comment: comment.documentId, reason: 'other', note: 'Rude.' }).expect(201);
    expect(await storedComment(app.strapi, comment.documentId)).toMatchObject({
      reportCount: 3,
      hiddenByReports: true,
      moderationStatus: 'approved',
    });
    const after = await readThread();
    expect(after.data.map(({ documentId }: { documentId: string }) => documentId)).not.toContain(comment.documentId);
    expect(after.meta.readerRating).toEqual({ average: 5, count: 1 });
    // Hidden is not visible: it can be neither reported again nor replied to.
    await report({ comment: comment.documentId, reason: 'abuse' }).expect(404);
  });

  it('tells the web to refresh the review when a report hides a comment, and not before', async () => {
    const comment = await createComment(app.strapi, review);
    await settleNotices();
    notices = [];
    await report({ comment: comment.documentId, reason: 'spam' }).expect(201);
    await report({ comment: comment.documentId, reason: 'spam' }).expect(201);
    await settleNotices();
    expect(notices.filter(({ documentId }) => documentId === comment.documentId)).toEqual([]);
    await report({ comment: comment.documentId, reason: 'spam' }).expect(201);
    await settleNotices();
    expect(notices.filter(({ documentId }) => documentId === comment.documentId)).toEqual([
      expect.objectContaining({
        model: 'comment',
        event: 'update',
        review: expect.objectContaining({ slug: reviewSlug }),
      }),
    ]);
  });

  it('answers a second report from the same reader on the same comment clearly, without counting it twice', async () => {
    const comment = await createComment(app.strapi, review);
    await report({ comment: comment.documentId, reason: 'spam' }, '198.51.100.20').expect(201);
    const again = await report({ comment: comment.documentId, reason: 'abuse' }, '198.51.100.20').expect(409);
    expect(again.body.error).toMatchObject({
      status: 409,
      name: 'ConflictError',
      message: 'You have already reported this comment; a moderator will review it.',
    });
    expect(await reportsOn(comment.documentId)).toHaveLength(1);
    expect(await storedComment(app.strapi, comment.documentId)).toMatchObject({ reportCount: 1 });
  });

  it.each([
    ['pending', { moderationStatus: 'pending' }],
    ['spam', { moderationStatus: 'spam' }],
    ['rejected', { moderationStatus: 'rejected' }],
  ])('answers 404 for a %s comment and records nothing', async (_label, data) => {
    const comment = await createComment(app.strapi, review, data);
    const response = await report({ comment: comment.documentId, reason: 'spam' }).expect(404);
    expect(response.body.error.message).toBe('This comment does not exist or is not visible.');
    expect(await reportsOn(comment.documentId)).toHaveLength(0);
  });

  it('answers 404 for a comment that does not exist', async () => {
    await report({ comment: 'no-such-comment', reason: 'spam' }).expect(404);
  });

  it.each([
    ['no reason', { reason: undefined }, 'reason', 'Please choose why you are reporting this comment.'],
    ['an unknown reason', { reason: 'boring' }, 'reason', 'Please choose why you are reporting this comment.'],
    ['a note over 500 characters', { note: 'x'.repeat(501) }, 'note', 'Your note must be at most 500 characters.'],
    ['a field it may not set', { resolved: true }, 'resolved', 'This field cannot be set.'],
    ['a forged address', { ipHash: 'a'.repeat(64) }, 'ipHash', 'This field cannot be set.'],
  ])('refuses %s with 400 naming the field, and records nothing', async (_label, change, field, message) => {
    const comment = await createComment(app.strapi, review);
    const response = await report({ comment: comment.documentId, reason: 'spam', ...change }).expect(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(response.body.error.details.errors).toEqual([{ path: [field], message }]);
    expect(await reportsOn(comment.documentId)).toHaveLength(0);
  });

  it('answers 429 to a reader who reports again within the flood interval, and records nothing', async () => {
    await setModeration(app.strapi, { floodIntervalSeconds: 60 });
    try {
      const first = await createComment(app.strapi, review);
      const second = await createComment(app.strapi, review);
      await report({ comment: first.documentId, reason: 'spam' }, '198.51.100.30').expect(201);
      const response = await report({ comment: second.documentId, reason: 'spam' }, '198.51.100.30').expect(429);
      expect(response.body.error.message).toBe(
        'You are sending reports too quickly. Please wait a moment and try again.',
      );
      expect(await reportsOn(second.documentId)).toHaveLength(0);
      // Another reader is not held back by the first one.
      await report({ comment: second.documentId, reason: 'spam' }, '198.51.100.31').expect(201);
    } finally {
      await setModeration(app.strapi, { floodIntervalSeconds: 0 });
    }
  });
});

describe('who may report', () => {
  it('refuses an anonymous request with 403', async () => {
    const comment = await createComment(app.strapi, review);
    await app
      .api()
      .post('/api/comment-reports')
      .send({ data: { comment: comment.documentId, reason: 'spam' } })
      .expect(403);
    expect(await reportsOn(comment.documentId)).toHaveLength(0);
  });

  it("refuses any API token but the web's with 403", async () => {
    const tokens = app.strapi.service('admin::api-token-content-api') as unknown as {
      create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
    };
    const { accessKey } = await tokens.create({ name: unique('full'), type: 'full-access', lifespan: null });
    const comment = await createComment(app.strapi, review);
    const response = await app
      .api()
      .post('/api/comment-reports')
      .set('Authorization', `Bearer ${accessKey}`)
      .send({ data: { comment: comment.documentId, reason: 'spam' } })
      .expect(403);
    expect(response.body.error.message).toBe('Reports are accepted from the Marquee site only.');
    expect(await reportsOn(comment.documentId)).toHaveLength(0);
  });

  it.each([
    ['GET', '/api/comment-reports'],
    ['GET', '/api/comment-reports/x'],
    ['PUT', '/api/comment-reports/x'],
    ['DELETE', '/api/comment-reports/x'],
  ])('routes no %s %s, even for the web token', async (method, path) => {
    const response = await app
      .api()
      [method.toLowerCase() as 'get' | 'put' | 'delete'](path)
      .set('Authorization', `Bearer ${TEST_SECRETS.WEB_API_TOKEN}`)
      .send({ data: { resolved: true } });
    expect([403, 404, 405]).toContain(response.status);
  });
});
