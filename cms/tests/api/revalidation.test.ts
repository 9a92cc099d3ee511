import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signBody } from '../../src/revalidation/notifier';
import { bootStrapi, TEST_SECRETS, type TestApp } from '../helpers/strapi';
import { commentInput, createComment, createReview, paragraph, postComment, unique } from '../helpers/fixtures';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: { model: string; event: string; documentId: string; slug: string | null; review: { slug: string } | null };
}

let app: TestApp;
let server: Server;
let received: Received[] = [];
let failNext = 0;

const waitForNotice = async (match: (notice: Received['body']) => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = received.find((notice) => match(notice.body));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no matching notice; received ${JSON.stringify(received.map((notice) => notice.body))}`);
};

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        response.writeHead(503).end();
        return;
      }
      received.push({ headers: request.headers, raw, body: JSON.parse(raw) });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"revalidated":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  app = await bootStrapi({ REVALIDATE_URL: `http://127.0.0.1:${port}/api/revalidate`, REVALIDATE_BASE_DELAY_MS: '50' });
});

afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received = [];
  failNext = 0;
});

const reviews = () => app.strapi.documents('api::review.review');

describe('telling the web that content changed', () => {
  it('sends a signed notice naming the review when it is published', async () => {
    const slug = unique('notice');
    const draft = await createReview(app.strapi, { slug }, 'draft');
    expect(received).toHaveLength(0);
    await reviews().publish({ documentId: draft.documentId });
    const notice = await waitForNotice((body) => body.documentId === draft.documentId);
    expect(notice.body).toMatchObject({ model: 'review', event: 'publish', slug, review: { slug } });
    expect(notice.headers['x-marquee-signature']).toBe(signBody(TEST_SECRETS.REVALIDATE_SECRET, notice.raw));
  });

  it("sends the notice of a write made in a transaction (the admin's Publish) once it commits, and none if it rolls back", async () => {
    const kept = await createReview(app.strapi, { slug: unique('committed') }, 'draft');
    await app.strapi.db.transaction(async () => {
      await reviews().publish({ documentId: kept.documentId });
      // A web reading the CMS on this notice would still see the review unpublished.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(received.filter((notice) => notice.body.documentId === kept.documentId)).toHaveLength(0);
    });
    await waitForNotice((body) => body.documentId === kept.documentId && body.event === 'publish');

    const dropped = await createReview(app.strapi, { slug: unique('rolled-back') }, 'draft');
    await expect(
      app.strapi.db.transaction(async () => {
        await reviews().publish({ documentId: dropped.documentId });
        throw new Error('the save fails after the publish');
      }),
    ).rejects.toThrow('the save fails after the publish');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.filter((notice) => notice.body.documentId === dropped.documentId)).toHaveLength(0);
  });

  it('does not tell the web about a draft edit, but does about unpublish and delete', async () => {
    const doc = await createReview(app.strapi, { slug: unique('lifecycle') }, 'draft');
    await reviews().publish({ documentId: doc.documentId });
    await waitForNotice((body) => body.documentId === doc.documentId && body.event === 'publish');
    received = [];
    await reviews().update({ documentId: doc.documentId, data: { title: 'Edited draft' } as never });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received).toHaveLength(0);
    await reviews().unpublish({ documentId: doc.documentId });
    await waitForNotice((body) => body.documentId === doc.documentId && body.event === 'unpublish');
    await reviews().delete({ documentId: doc.documentId });
    await waitForNotice((body) => body.documentId === doc.documentId && body.event === 'delete');
  });

  it('names the review of a published FAQ', async () => {
    const slug = unique('faq-review');
    const review = await createReview(app.strapi, { slug });
    const faq = await app.strapi.documents('api::faq.faq').create({
      data: { question: 'Why?', answer: paragraph('Because.'), order: 1, review: review.documentId } as never,
    });
    await app.strapi.documents('api::faq.faq').publish({ documentId: faq.documentId });
    const notice = await waitForNotice((body) => body.documentId === faq.documentId);
    expect(notice.body).toMatchObject({ model: 'faq', event: 'publish', review: { slug } });
  });

  it('tells the web when a comment becomes approved or stops being approved, not for pending ones', async () => {
    const slug = unique('comment-review');
    const review = await createReview(app.strapi, { slug });
    await new Promise((resolve) => setTimeout(resolve, 100));
    received = [];
    const response = await postComment(app, commentInput(review.documentId)).expect(201);
    const documentId = response.body.data.documentId as string;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(received.filter((notice) => notice.body.model === 'comment')).toHaveLength(0);

    await app.strapi
      .documents('api::comment.comment')
      .update({ documentId, data: { moderationStatus: 'approved' } as never });
    expect((await waitForNotice((body) => body.documentId === documentId)).body).toMatchObject({
      model: 'comment',
      event: 'update',
      review: { slug },
    });
    received = [];
    await app.strapi
      .documents('api::comment.comment')
      .update({ documentId, data: { moderationStatus: 'spam' } as never });
    await waitForNotice((body) => body.documentId === documentId);
  });

  it('tells the web when what readers see of a visible comment changes, and not for private fields', async () => {
    const review = await createReview(app.strapi);
    const comment = await createComment(app.strapi, review.documentId, { moderationStatus: 'approved', rating: 4 });
    await waitForNotice((body) => body.documentId === comment.documentId);
    const comments = app.strapi.documents('api::comment.comment');
    for (const data of [
      { body: 'Edited by a moderator' },
      { authorName: 'Renamed' },
      { rating: 2 },
      { authorWebsite: 'https://reader.example' },
    ]) {
      received = [];
      await comments.update({ documentId: comment.documentId, data: data as never });
      expect((await waitForNotice((body) => body.documentId === comment.documentId)).body).toMatchObject({
        model: 'comment',
        event: 'update',
      });
    }
    received = [];
    await comments.update({
      documentId: comment.documentId,
      data: { reportCount: 1, ipHash: null, userAgent: null } as never,
    });
    const pending = await createComment(app.strapi, review.documentId, { moderationStatus: 'pending' });
    await comments.update({ documentId: pending.documentId, data: { body: 'Edited while held' } as never });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received.filter((notice) => notice.body.model === 'comment')).toEqual([]);
  });

  it('tells the web about a comment that arrives already approved', async () => {
    const review = await createReview(app.strapi);
    const comment = await createComment(app.strapi, review.documentId, { moderationStatus: 'approved' });
    expect((await waitForNotice((body) => body.documentId === comment.documentId)).body).toMatchObject({
      model: 'comment',
      event: 'create',
    });
  });

  it('retries with backoff when the web does not answer 2xx', async () => {
    failNext = 2;
    const doc = await createReview(app.strapi, { slug: unique('retry') }, 'draft');
    await reviews().publish({ documentId: doc.documentId });
    await waitForNotice((body) => body.documentId === doc.documentId);
    expect(failNext).toBe(0);
  });

  it('never blocks or fails the save when the web is down', async () => {
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    try {
      const doc = await createReview(app.strapi, { slug: unique('down') }, 'draft');
      const published = await reviews().publish({ documentId: doc.documentId });
      expect(published.entries).toHaveLength(1);
    } finally {
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    }
  });
});
