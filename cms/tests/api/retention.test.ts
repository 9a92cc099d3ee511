import { clearExpiredReaderData } from '../../src/api/comment/services/retention';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { createComment, createReview, setModeration, storedComment } from '../helpers/fixtures';

let app: TestApp;
let review: string;

beforeAll(async () => {
  app = await bootStrapi();
  review = (await createReview(app.strapi)).documentId;
});

afterAll(() => app.stop());

const DAY = 86_400_000;

/** Backdates a row as if it had been written `days` ago. */
const age = (uid: string, documentId: string, days: number) =>
  app.strapi.db.query(uid).update({ where: { documentId }, data: { createdAt: new Date(Date.now() - days * DAY) } });

const createReport = async (comment: string) =>
  app.strapi.documents('api::comment-report.comment-report').create({
    data: { comment, reason: 'spam', ipHash: 'e'.repeat(64), userAgent: 'ReportAgent/1.0' } as never,
  });

describe('the retention job', () => {
  it('deletes IP hashes and browser strings older than the retention period, and keeps recent ones and the rest', async () => {
    await setModeration(app.strapi, { retentionDays: 30 });
    const old = await createComment(app.strapi, review);
    const recent = await createComment(app.strapi, review);
    await age('api::comment.comment', old.documentId, 31);
    await age('api::comment.comment', recent.documentId, 29);
    const oldReport = await createReport(recent.documentId);
    const recentReport = await createReport(recent.documentId);
    await age('api::comment-report.comment-report', oldReport.documentId, 45);

    const { cleared } = await clearExpiredReaderData(app.strapi);
    expect(cleared['api::comment.comment']).toBeGreaterThanOrEqual(1);
    expect(cleared['api::comment-report.comment-report']).toBeGreaterThanOrEqual(1);

    expect(await storedComment(app.strapi, old.documentId)).toMatchObject({
      ipHash: null,
      userAgent: null,
      body: old.body,
      authorEmail: old.authorEmail,
      moderationStatus: 'approved',
    });
    expect(await storedComment(app.strapi, recent.documentId)).toMatchObject({
      ipHash: 'f'.repeat(64),
      userAgent: 'StoredAgent/1.0',
    });
    const reports = app.strapi.db.query('api::comment-report.comment-report');
    expect(await reports.findOne({ where: { documentId: oldReport.documentId } })).toMatchObject({
      ipHash: null,
      userAgent: null,
      reason: 'spam',
    });
    expect(await reports.findOne({ where: { documentId: recentReport.documentId } })).toMatchObject({
      ipHash: 'e'.repeat(64),
      userAgent: 'ReportAgent/1.0',
    });
  });

  it('follows the retention period set by moderators', async () => {
    await setModeration(app.strapi, { retentionDays: 90 });
    const comment = await createComment(app.strapi, review);
    await age('api::comment.comment', comment.documentId, 60);
    await clearExpiredReaderData(app.strapi);
    expect(await storedComment(app.strapi, comment.documentId)).toMatchObject({ ipHash: 'f'.repeat(64) });
    await setModeration(app.strapi, { retentionDays: 59 });
    await clearExpiredReaderData(app.strapi);
    expect(await storedComment(app.strapi, comment.documentId)).toMatchObject({ ipHash: null, userAgent: null });
  });

  it('is registered as a daily Strapi cron task that runs the same job', async () => {
    const cron = app.strapi.cron as unknown as {
      jobs: { name: string | null; job: { nextInvocation(): Date | null; invoke(): Promise<void> } }[];
    };
    const registered = cron.jobs.find(({ name }) => name === 'clearExpiredReaderData');
    expect(registered).toBeDefined();
    const next = registered?.job.nextInvocation();
    expect(next).toBeInstanceOf(Date);
    expect((next?.getTime() ?? 0) - Date.now()).toBeLessThanOrEqual(DAY);

    await setModeration(app.strapi, { retentionDays: 10 });
    const comment = await createComment(app.strapi, review);
    await age('api::comment.comment', comment.documentId, 11);
    await registered?.job.invoke();
    expect(await storedComment(app.strapi, comment.documentId)).toMatchObject({ ipHash: null, userAgent: null });
  });
});
