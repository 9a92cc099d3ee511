import path from 'node:path';
import { countsWholeTable } from '../../src/api/comment/services/comment-totals';
import { bootStrapi, ON_POSTGRES, type TestApp } from '../helpers/strapi';
import { createComment, createReview, unique } from '../helpers/fixtures';

let app: TestApp;
let token: string;
let review: string;

const COMMENT = 'api::comment.comment';
const LIST = `/content-manager/collection-types/${COMMENT}`;
const PASSWORD = 'Totals-Passw0rd!';

const counted = async () => Number((await app.strapi.db.connection('comments').count({ count: '*' }))[0]?.count);
const kept = async () =>
  Number((await app.strapi.db.connection('comment_totals').where({ id: 1 }).first('comments'))?.comments);
/** The admin's comment list as the panel asks for it: its total is what the pagination shows. */
const listTotal = async (query: Record<string, string> = {}) => {
  const response = await app
    .api()
    .get(LIST)
    .query({ page: '1', pageSize: '10', sort: 'createdAt:DESC', ...query })
    .set({ Authorization: `Bearer ${token}` })
    .expect(200);
  return Number(response.body.pagination.total);
};

beforeAll(async () => {
  app = await bootStrapi();
  review = (await createReview(app.strapi, { slug: unique('totals') })).documentId as string;
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'marquee-moderator' } });
  const email = `${unique('totals')}@marquee.test`;
  await (
    app.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> }
  ).create({
    email,
    firstname: 'Tot',
    lastname: 'Als',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  token = String(
    (await app.api().post('/admin/login').send({ email, password: PASSWORD }).expect(200)).body.data.token,
  );
  await createComment(app.strapi, review, { moderationStatus: 'pending' });
  await createComment(app.strapi, review);
});

afterAll(() => app.stop());

describe('the comment total behind the admin comment list', () => {
  it('tells a whole-table count from a filtered or searched one', () => {
    expect(countsWholeTable(undefined)).toBe(true);
    expect(countsWholeTable({ start: 0, limit: 10, filters: {}, status: 'published' })).toBe(true);
    expect(countsWholeTable({ page: 2, pageSize: 10, filters: { $and: [{ $and: [] }, {}] }, _q: ' ' })).toBe(true);
    expect(
      countsWholeTable({
        start: 0,
        limit: 1,
        filters: { $and: [{ $and: [{ moderationStatus: { $eq: 'pending' } }] }, {}] },
      }),
    ).toBe(false);
    expect(countsWholeTable({ start: 0, limit: 10, filters: {}, _q: 'spoiler' })).toBe(false);
    expect(countsWholeTable({ filters: { review: { documentId: { $eq: 'x' } } } })).toBe(false);
    expect(countsWholeTable({ where: {} })).toBe(false);
  });

  it('matches the rows counted after boot and after each kind of write', async () => {
    expect(await kept()).toBe(await counted());
    const before = await kept();
    const created = await createComment(app.strapi, review);
    expect(await kept()).toBe(before + 1);
    await app.strapi.documents(COMMENT).delete({ documentId: created.documentId });
    expect(await kept()).toBe(before);
    // Bulk SQL, as the scale generator and retention write: one statement, many rows.
    const stamp = new Date();
    const rows = Array.from({ length: 25 }, (_, i) => ({
      document_id: unique('bulk').padEnd(24, '0').slice(-24),
      author_name: `Bulk ${i}`,
      author_email: `bulk${i}@example.com`,
      body: unique('bulk body'),
      moderation_status: 'spam',
      created_at: stamp,
      updated_at: stamp,
    }));
    const inserted: { id: number }[] = await app.strapi.db.connection('comments').insert(rows, ['id']);
    expect(await kept()).toBe(before + 25);
    await app.strapi.db
      .connection('comments')
      .whereIn(
        'id',
        inserted.map((row) => row.id),
      )
      .delete();
    expect(await kept()).toBe(before);
    expect(await kept()).toBe(await counted());
  });

  it("gives the admin's list the kept total, and counts a filtered list for real", async () => {
    const total = await counted();
    expect(await listTotal()).toBe(total);
    const pending = Number(
      (await app.strapi.db.connection('comments').where({ moderation_status: 'pending' }).count({ count: '*' }))[0]
        ?.count,
    );
    expect(pending).toBeGreaterThan(0);
    expect(await listTotal({ 'filters[$and][0][moderationStatus][$eq]': 'pending' })).toBe(pending);
    // The unfiltered list reads the counter, not the table: a counter put wrong shows there, and only there.
    await app.strapi.db.connection('comment_totals').where({ id: 1 }).increment('comments', 1000);
    try {
      expect(await listTotal()).toBe(total + 1000);
      expect(await listTotal({ 'filters[$and][0][moderationStatus][$eq]': 'pending' })).toBe(pending);
    } finally {
      await app.strapi.db.connection('comment_totals').where({ id: 1 }).decrement('comments', 1000);
    }
    expect(await listTotal()).toBe(total);
  });

  it('is recounted by the migration each start runs, when rows were written without the triggers', async () => {
    await app.strapi.db.connection('comment_totals').where({ id: 1 }).update({ comments: 424242 });
    const knex = app.strapi.db.connection;
    const migration = (await import(
      path.join(__dirname, '..', '..', 'database', 'migrations', '2026.12.04T00.00.00.comment-totals.js')
    )) as {
      up: (db: typeof knex) => Promise<void>;
    };
    await migration.up(knex);
    expect(await kept()).toBe(await counted());
  });

  // Last: it empties the table the other tests read.
  it('counts an emptied table as none left (TRUNCATE on PostgreSQL, DELETE on SQLite)', async () => {
    if (ON_POSTGRES) await app.strapi.db.connection.raw('TRUNCATE comments CASCADE');
    else await app.strapi.db.connection('comments').truncate();
    expect(await counted()).toBe(0);
    expect(await kept()).toBe(0);
    expect(await listTotal()).toBe(0);
  });
});
