import path from 'node:path';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createComment, createReview, unique } from '../helpers/fixtures';

let app: TestApp;
let slug: string;
const bodies: Record<string, string> = {};
const ids: Record<string, string> = {};

interface Thread {
  body: string;
  replies: Thread[];
}
const shape = (comments: Thread[]): unknown[] =>
  comments.map((comment) => ({ body: comment.body, replies: shape(comment.replies) }));

beforeAll(async () => {
  app = await bootStrapi();
  const review = await createReview(app.strapi, { slug: unique('threaded') });
  slug = review.slug as string;
  // Five top-level comments, in this order; replies three deep under the first and one under the fourth, plus a
  // pending reply and an approved reply to that pending one, both hidden.
  const add = async (name: string, parent?: string, moderationStatus = 'approved') => {
    bodies[name] = unique(name);
    const created = await createComment(app.strapi, review.documentId, {
      body: bodies[name],
      parent,
      moderationStatus,
    });
    ids[name] = created.documentId;
    return created.documentId;
  };
  const t1 = await add('t1');
  await add('t2');
  await add('t3');
  const t4 = await add('t4');
  await add('t5');
  const r1 = await add('r1', t1);
  await add('r1a', r1);
  await add('r4', t4);
  const pending = await add('r4-pending', t4, 'pending');
  await add('r4-under-pending', pending);
  await add('t6-spam', undefined, 'spam');
});

afterAll(() => app.stop());

const page = (number: number) =>
  app
    .api()
    .get(`/api/comments/review/${slug}`)
    .query({ page: String(number), pageSize: '2' })
    .expect(200);

describe('comment thread pagination', () => {
  it('gives page 1 its top-level comments with all their approved replies', async () => {
    const { body } = await page(1);
    expect(shape(body.data)).toEqual([
      { body: bodies.t1, replies: [{ body: bodies.r1, replies: [{ body: bodies.r1a, replies: [] }] }] },
      { body: bodies.t2, replies: [] },
    ]);
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 3, total: 5 });
  });

  it('gives page 2 its own comments and replies only, never those of other pages or hidden ones', async () => {
    const { body, text } = await page(2);
    expect(shape(body.data)).toEqual([
      { body: bodies.t3, replies: [] },
      { body: bodies.t4, replies: [{ body: bodies.r4, replies: [] }] },
    ]);
    for (const hidden of ['r1', 'r1a', 'r4-pending', 'r4-under-pending', 't6-spam'])
      expect(text).not.toContain(bodies[hidden]);
    expect(body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 3, total: 5 });
  });

  it('answers the last page with the remainder and a page past the end with an empty list', async () => {
    expect(shape((await page(3)).body.data)).toEqual([{ body: bodies.t5, replies: [] }]);
    const beyond = await page(4);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta.pagination.total).toBe(5);
  });

  it('keeps the public comment fields and nothing private', async () => {
    const { body } = await page(1);
    const [first] = body.data as Record<string, unknown>[];
    expect(Object.keys(first ?? {})).toEqual(
      expect.arrayContaining(['documentId', 'authorName', 'authorWebsite', 'body', 'createdAt', 'replies']),
    );
    expect(JSON.stringify(body)).not.toMatch(/authorEmail|ipHash|userAgent|"id":/);
  });

  // Last: it changes the thread the other tests read.
  it('follows moderation and deletion: the page and the count lose a rejected or deleted comment', async () => {
    const comments = app.strapi.documents('api::comment.comment');
    await comments.update({ documentId: ids.t5 ?? '', data: { moderationStatus: 'rejected' } as never });
    expect((await page(3)).body.data).toEqual([]);
    expect((await page(1)).body.meta.pagination).toMatchObject({ total: 4, pageCount: 2 });
    await comments.delete({ documentId: ids.t1 ?? '' });
    const first = await page(1);
    expect(shape(first.body.data).map((comment) => (comment as { body: string }).body)).toEqual([bodies.t2, bodies.t3]);
    expect(first.body.meta.pagination).toMatchObject({ total: 3, pageCount: 2 });
    await comments.update({ documentId: ids.t5 ?? '', data: { moderationStatus: 'approved' } as never });
    expect(shape((await page(2)).body.data).map((comment) => (comment as { body: string }).body)).toEqual([
      bodies.t4,
      bodies.t5,
    ]);
  });
});

describe('a thread page is found by place, not by walking the thread', () => {
  const comments = () => app.strapi.documents('api::comment.comment');
  const bodiesOf = async (slugOf: string, number: number, size = 2) =>
    shape(
      (
        await app
          .api()
          .get(`/api/comments/review/${slugOf}`)
          .query({ page: String(number), pageSize: String(size) })
          .expect(200)
      ).body.data,
    ).map((comment) => (comment as { body: string }).body);

  const newThread = async (statuses: string[]) => {
    const review = await createReview(app.strapi, { slug: unique('placed') });
    const made: { documentId: string; body: string }[] = [];
    for (const moderationStatus of statuses) {
      const body = unique(`c${made.length + 1}`);
      const created = await createComment(app.strapi, review.documentId, { body, moderationStatus });
      made.push({ documentId: created.documentId, body });
    }
    return { slug: review.slug as string, documentId: review.documentId, made };
  };

  it('puts a comment approved late where it was written, and moves the later ones down a page', async () => {
    const { slug: placed, made } = await newThread(['approved', 'pending', 'approved', 'approved', 'approved']);
    const [c1, c2, c3, c4, c5] = made.map((comment) => comment.body);
    expect(await bodiesOf(placed, 1)).toEqual([c1, c3]);
    await comments().update({ documentId: made[1]?.documentId ?? '', data: { moderationStatus: 'approved' } as never });
    expect(await bodiesOf(placed, 1)).toEqual([c1, c2]);
    expect(await bodiesOf(placed, 2)).toEqual([c3, c4]);
    expect(await bodiesOf(placed, 3)).toEqual([c5]);
    // Hidden by readers' reports: out of its place until a moderator decides, and the pages close up.
    await comments().update({ documentId: made[0]?.documentId ?? '', data: { hiddenByReports: true } as never });
    expect(await bodiesOf(placed, 1)).toEqual([c2, c3]);
    const { body } = await app
      .api()
      .get(`/api/comments/review/${placed}`)
      .query({ page: '1', pageSize: '2' })
      .expect(200);
    expect(body.meta.pagination).toEqual({ page: 1, pageSize: 2, pageCount: 2, total: 4 });
  });

  it('leaves every comment in its place when one is edited or reported', async () => {
    const { slug: placed, documentId, made } = await newThread(['approved', 'approved', 'approved']);
    const places = async () =>
      (
        await app.strapi.db
          .connection('comment_threads')
          .where({ review_document_id: documentId })
          .orderBy('position')
          .select('position')
      ).map((row: { position: number }) => row.position);
    await comments().update({
      documentId: made[0]?.documentId ?? '',
      data: { body: unique('edited'), reportCount: 1 } as never,
    });
    expect(await places()).toEqual([1, 2, 3]);
    expect(await bodiesOf(placed, 2)).toEqual([made[2]?.body]);
  });

  it('gives every comment approved at the same moment a place of its own', async () => {
    const { slug: placed, made } = await newThread(Array.from({ length: 8 }, () => 'pending'));
    await Promise.all(
      made.map(({ documentId }) => comments().update({ documentId, data: { moderationStatus: 'approved' } as never })),
    );
    const pages = [await bodiesOf(placed, 1, 3), await bodiesOf(placed, 2, 3), await bodiesOf(placed, 3, 3)];
    expect(pages.flat()).toEqual(made.map((comment) => comment.body));
    const { body } = await app
      .api()
      .get(`/api/comments/review/${placed}`)
      .query({ page: '1', pageSize: '3' })
      .expect(200);
    expect(body.meta.pagination).toMatchObject({ total: 8, pageCount: 3 });
  });

  it('numbers a thread index that has no places yet (a database from before them) when the CMS starts', async () => {
    const { slug: placed, documentId, made } = await newThread(['approved', 'approved', 'rejected', 'approved']);
    const knex = app.strapi.db.connection;
    await knex('comment_threads').where({ review_document_id: documentId }).update({ position: null });
    await knex('comment_thread_stats').where({ review_document_id: documentId }).delete();
    expect(await bodiesOf(placed, 1)).toEqual([]);
    const migration = (await import(
      path.join(__dirname, '..', '..', 'database', 'migrations', '2026.12.03T00.00.00.thread-positions.js')
    )) as { up: (db: typeof knex) => Promise<void> };
    await migration.up(knex);
    expect(await bodiesOf(placed, 1)).toEqual([made[0]?.body, made[1]?.body]);
    expect(await bodiesOf(placed, 2)).toEqual([made[3]?.body]);
    const { body } = await app
      .api()
      .get(`/api/comments/review/${placed}`)
      .query({ page: '2', pageSize: '2' })
      .expect(200);
    expect(body.meta.pagination).toMatchObject({ total: 3, pageCount: 2 });
  });
});
