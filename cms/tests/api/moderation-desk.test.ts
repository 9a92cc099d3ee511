import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import {
  commentInput,
  createComment,
  createReview,
  paragraph,
  postComment,
  setModeration,
  unique,
} from '../helpers/fixtures';
import { ANONYMOUS } from '../../src/api/moderation-desk/personal-data-comments';

interface Notice {
  model: string;
  event: string;
  documentId: string;
}

let app: TestApp;
let server: Server;
let notices: Notice[] = [];
let review: { documentId: string; slug: string };
const PASSWORD = 'Desk-Passw0rd!';
const tokens: Record<string, string> = {};
const emails: Record<string, string> = {};

const COMMENT = 'api::comment.comment';

/** An admin user with the role of this code, logged in through /admin/login as the panel does. */
const adminWithRole = async (code: string, firstname: string) => {
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code } });
  if (!role) throw new Error(`no role ${code}`);
  const email = `${unique(code)}@marquee.test`;
  await (
    app.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> }
  ).create({
    email,
    firstname,
    lastname: 'Desk',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  const response = await app.api().post('/admin/login').send({ email, password: PASSWORD }).expect(200);
  emails[code] = email;
  return String(response.body.data.token);
};

const as = (code: string) => ({ Authorization: `Bearer ${tokens[code]}` });
const get = (code: string, path: string) => app.api().get(`/moderation-desk${path}`).set(as(code));
const post = (code: string, path: string, body: unknown) =>
  app
    .api()
    .post(`/moderation-desk${path}`)
    .set(as(code))
    .send(body as object);
const stored = (documentId: string) =>
  app.strapi.db.query(COMMENT).findOne({ where: { documentId }, populate: ['parent', 'faq', 'review'] });

const waitForNotice = async (match: (notice: Notice) => boolean) => {
  const deadline = Date.now() + 5000;
  while (Date.now() < deadline) {
    if (notices.some(match)) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`no matching notice in ${JSON.stringify(notices)}`);
};

beforeAll(async () => {
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      notices.push(JSON.parse(raw) as Notice);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"revalidated":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  app = await bootStrapi({
    REVALIDATE_URL: `http://127.0.0.1:${port}/api/revalidate`,
    REVALIDATE_BASE_DELAY_MS: '50',
    CLIENT_URL: 'https://site.example',
  });
  review = (await createReview(app.strapi)) as unknown as { documentId: string; slug: string };
  tokens['strapi-super-admin'] = await adminWithRole('strapi-super-admin', 'Sue');
  tokens['strapi-editor'] = await adminWithRole('strapi-editor', 'Eddie');
  tokens['marquee-moderator'] = await adminWithRole('marquee-moderator', 'Mo');
  tokens['strapi-author'] = await adminWithRole('strapi-author', 'Arthur');
});

afterAll(async () => {
  await app.stop();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  notices = [];
});

const pending = (data: Record<string, unknown> = {}) =>
  createComment(app.strapi, review.documentId, { moderationStatus: 'pending', ...data });

describe('who may use the desk', () => {
  it('answers 401 without an admin session, whatever the action', async () => {
    expect((await app.api().get('/moderation-desk/counts')).status).toBe(401);
    expect((await app.api().get('/moderation-desk/comments')).status).toBe(401);
    expect(
      (
        await app
          .api()
          .post('/moderation-desk/comments/status')
          .send({ documentIds: ['x'], status: 'approved' })
      ).status,
    ).toBe(401);
    expect((await app.api().post('/moderation-desk/personal-data/export').send({ email: 'a@b.example' })).status).toBe(
      401,
    );
  });

  it('answers 403 to an Author, and changes nothing', async () => {
    const comment = await pending();
    expect((await get('strapi-author', '/counts')).status).toBe(403);
    expect((await get('strapi-author', '/comments')).status).toBe(403);
    expect(
      (await post('strapi-author', '/comments/status', { documentIds: [comment.documentId], status: 'approved' }))
        .status,
    ).toBe(403);
    expect((await post('strapi-author', `/comments/${comment.documentId}/reply`, { body: 'Hi' })).status).toBe(403);
    expect((await post('strapi-author', '/personal-data/erase', { email: 'a@b.example', mode: 'delete' })).status).toBe(
      403,
    );
    expect((await stored(comment.documentId)).moderationStatus).toBe('pending');
  });

  it.each(['strapi-super-admin', 'strapi-editor', 'marquee-moderator'])(
    'lets %s read the counts and the queue',
    async (code) => {
      const response = await get(code, '/counts').expect(200);
      expect(response.body).toEqual(
        expect.objectContaining({
          pending: expect.any(Number),
          reported: expect.any(Number),
          approved: expect.any(Number),
        }),
      );
      await get(code, '/comments?tab=pending').expect(200);
    },
  );

  it('lets only editors and super admins turn a comment into an FAQ, and only moderators and super admins handle personal data', async () => {
    const comment = await pending();
    expect((await post('marquee-moderator', `/comments/${comment.documentId}/faq`, {})).status).toBe(403);
    expect((await stored(comment.documentId)).faq).toBeNull();
    expect((await post('strapi-editor', '/personal-data/export', { email: 'someone@example.com' })).status).toBe(403);
    expect((await post('marquee-moderator', '/personal-data/export', { email: 'someone@example.com' })).status).toBe(
      200,
    );
  });
});

describe('the queue', () => {
  it('lists pending comments oldest first with everything a moderator decides on, a page at a time', async () => {
    const parent = await createComment(app.strapi, review.documentId, { body: 'The parent comment' });
    const first = await pending({ body: unique('First held'), heldReason: 'Contains 2 links', rating: 4 });
    const second = await pending({ body: unique('Second held'), parent: parent.documentId });
    const counts = (await get('marquee-moderator', '/counts').expect(200)).body;
    const all = (await get('marquee-moderator', `/comments?tab=pending&pageSize=100`).expect(200)).body;
    expect(all.meta.pagination.total).toBe(counts.pending);
    const ids = all.data.map((row: { documentId: string }) => row.documentId);
    expect(ids.indexOf(first.documentId)).toBeLessThan(ids.indexOf(second.documentId));
    const row = all.data.find((item: { documentId: string }) => item.documentId === first.documentId);
    expect(row).toMatchObject({
      authorName: 'Stored Reader',
      body: first.body,
      rating: 4,
      heldReason: 'Contains 2 links',
      review: { slug: review.slug },
      url: `https://site.example/reviews/${review.slug}#comment-${first.documentId}`,
    });
    expect(row).not.toHaveProperty('authorEmail');
    expect(row).not.toHaveProperty('ipHash');
    const reply = all.data.find((item: { documentId: string }) => item.documentId === second.documentId);
    expect(reply.parent).toMatchObject({ documentId: parent.documentId, body: 'The parent comment' });

    const paged = (await get('marquee-moderator', '/comments?tab=pending&pageSize=1&page=2').expect(200)).body;
    expect(paged.data).toHaveLength(1);
    expect(paged.data[0].documentId).toBe(ids[1]);
    expect((await get('marquee-moderator', '/comments?tab=nope')).status).toBe(400);
  });

  it('tells the moderator how many other comments came from the same address, never the address itself', async () => {
    const address = 'e'.repeat(63) + '1';
    const held = await pending({ ipHash: address, authorName: 'Name One', body: unique('Held one') });
    await createComment(app.strapi, review.documentId, { ipHash: address, authorName: 'Name Two', rating: 1 });
    await createComment(app.strapi, review.documentId, {
      ipHash: address,
      authorName: 'Name Three',
      moderationStatus: 'spam',
    });
    const alone = await pending({ ipHash: 'e'.repeat(63) + '2', body: unique('Held alone') });
    const erased = await pending({ ipHash: null, body: unique('Held erased') });
    const page = (await get('marquee-moderator', '/comments?tab=pending&pageSize=100').expect(200)).body;
    const row = (documentId: string) =>
      page.data.find((item: { documentId: string }) => item.documentId === documentId);
    expect(row(held.documentId).sameAddress).toBe(2);
    expect(row(alone.documentId).sameAddress).toBe(0);
    expect(row(erased.documentId).sameAddress).toBe(0);
    expect(JSON.stringify(page)).not.toContain('e'.repeat(63));
  });

  it('shows reported comments with their open reports in the Reported tab', async () => {
    const comment = await createComment(app.strapi, review.documentId, { reportCount: 3, hiddenByReports: true });
    for (const reason of ['spam', 'abuse', 'spoiler']) {
      await app.strapi
        .documents('api::comment-report.comment-report')
        .create({ data: { comment: comment.documentId, reason, note: `${reason} note` } as never });
    }
    const reported = (await get('marquee-moderator', '/comments?tab=reported&pageSize=100').expect(200)).body;
    const row = reported.data.find((item: { documentId: string }) => item.documentId === comment.documentId);
    expect(row.reportCount).toBe(3);
    expect(row.reports.map((report: { reason: string }) => report.reason).sort()).toEqual(['abuse', 'spam', 'spoiler']);
    expect(row.reports[0]).not.toHaveProperty('ipHash');

    await post('marquee-moderator', '/comments/status', {
      documentIds: [comment.documentId],
      status: 'approved',
    }).expect(200);
    const after = await stored(comment.documentId);
    expect(after).toMatchObject({ moderationStatus: 'approved', reportCount: 0, hiddenByReports: false });
    const open = await app.strapi.db
      .query('api::comment-report.comment-report')
      .count({ where: { comment: { documentId: comment.documentId }, resolved: false } });
    expect(open).toBe(0);
  });
});

describe('one-click and bulk decisions', () => {
  it('approves one comment, drops the pending count and tells the web through the document service', async () => {
    const comment = await pending();
    const before = (await get('marquee-moderator', '/counts').expect(200)).body.pending;
    await post('marquee-moderator', '/comments/status', {
      documentIds: [comment.documentId],
      status: 'approved',
    }).expect(200);
    expect((await stored(comment.documentId)).moderationStatus).toBe('approved');
    expect((await get('marquee-moderator', '/counts').expect(200)).body.pending).toBe(before - 1);
    await waitForNotice((notice) => notice.model === 'comment' && notice.documentId === comment.documentId);
    const thread = await app.api().get(`/api/comments/review/${review.slug}?pageSize=100`).expect(200);
    expect(JSON.stringify(thread.body)).toContain(comment.documentId);
  });

  it('applies a bulk decision to every selected comment', async () => {
    const chosen = [await pending(), await pending(), await pending()];
    const untouched = await pending();
    const response = await post('strapi-editor', '/comments/status', {
      documentIds: chosen.map((c) => c.documentId),
      status: 'spam',
    }).expect(200);
    expect(response.body.updated).toHaveLength(3);
    for (const comment of chosen) expect((await stored(comment.documentId)).moderationStatus).toBe('spam');
    expect((await stored(untouched.documentId)).moderationStatus).toBe('pending');
    const spam = (await get('strapi-editor', '/comments?tab=spam&pageSize=100').expect(200)).body;
    for (const comment of chosen)
      expect(spam.data.map((row: { documentId: string }) => row.documentId)).toContain(comment.documentId);
  });

  it('tells the web when an approved comment is rejected', async () => {
    const comment = await createComment(app.strapi, review.documentId);
    notices = [];
    await post('marquee-moderator', '/comments/status', {
      documentIds: [comment.documentId],
      status: 'rejected',
    }).expect(200);
    await waitForNotice((notice) => notice.documentId === comment.documentId && notice.event === 'update');
  });

  it('refuses a status the desk does not offer, or no comments', async () => {
    const comment = await pending();
    expect(
      (await post('marquee-moderator', '/comments/status', { documentIds: [comment.documentId], status: 'pending' }))
        .status,
    ).toBe(400);
    expect((await post('marquee-moderator', '/comments/status', { documentIds: [], status: 'approved' })).status).toBe(
      400,
    );
    expect((await stored(comment.documentId)).moderationStatus).toBe('pending');
  });
});

describe('replying as staff', () => {
  it('threads an approved staff reply under the comment, public with its Staff flag and without the admin email', async () => {
    const comment = await createComment(app.strapi, review.documentId);
    const response = await post('marquee-moderator', `/comments/${comment.documentId}/reply`, {
      body: '  Thanks for reading!  ',
    }).expect(200);
    const reply = await stored(response.body.documentId);
    expect(reply).toMatchObject({
      moderationStatus: 'approved',
      isStaff: true,
      authorName: 'Mo Desk',
      authorEmail: emails['marquee-moderator'],
      body: 'Thanks for reading!',
    });
    expect(reply.parent.documentId).toBe(comment.documentId);
    expect(reply.review.documentId).toBe(review.documentId);
    const thread = await app.api().get(`/api/comments/review/${review.slug}?pageSize=100`).expect(200);
    const parent = thread.body.data.find((item: { documentId: string }) => item.documentId === comment.documentId);
    expect(parent.isStaff).toBe(false);
    expect(parent.replies).toEqual([
      expect.objectContaining({ documentId: reply.documentId, isStaff: true, authorName: 'Mo Desk' }),
    ]);
    expect(JSON.stringify(thread.body)).not.toContain(emails['marquee-moderator']);
  });

  it("does not make the staff member's address a known reader's, and holds a public post that uses it", async () => {
    const comment = await createComment(app.strapi, review.documentId);
    await post('strapi-editor', `/comments/${comment.documentId}/reply`, { body: unique('Thanks for reading') }).expect(
      200,
    );
    // The reply was stored a moment ago under the same address: the flood check is not what is looked at here.
    await setModeration(app.strapi, { floodIntervalSeconds: 0 });
    try {
      const response = await postComment(
        app,
        commentInput(review.documentId, { authorEmail: emails['strapi-editor'], authorName: 'Someone' }),
      ).expect(201);
      expect(response.body.data.moderationStatus).toBe('pending');
      expect((await stored(response.body.data.documentId)).heldReason).toBe("Uses a staff member's email or name");
      const upper = await postComment(
        app,
        commentInput(review.documentId, { authorEmail: emails['strapi-editor']?.toUpperCase(), authorName: 'Other' }),
      ).expect(201);
      expect((await stored(upper.body.data.documentId)).heldReason).toBe("Uses a staff member's email or name");
    } finally {
      await setModeration(app.strapi, { floodIntervalSeconds: 15 });
    }
  });

  it('holds a known reader who posts under the name of a staff author shown with the Staff badge', async () => {
    const email = `${unique('known')}@example.com`;
    await createComment(app.strapi, review.documentId, { authorEmail: email, moderationStatus: 'approved' });
    await setModeration(app.strapi, { floodIntervalSeconds: 0 });
    try {
      const own = await postComment(
        app,
        commentInput(review.documentId, { authorEmail: email, authorName: 'Ada Reader' }),
      ).expect(201);
      expect(own.body.data.moderationStatus).toBe('approved');
      for (const authorName of ['Eddie Desk', ' eddie  DESK.', 'Mo Desk']) {
        const response = await postComment(
          app,
          commentInput(review.documentId, { authorEmail: email, authorName }),
        ).expect(201);
        expect(response.body.data.moderationStatus).toBe('pending');
        expect((await stored(response.body.data.documentId)).heldReason).toBe("Uses a staff member's email or name");
      }
    } finally {
      await setModeration(app.strapi, { floodIntervalSeconds: 15 });
    }
  });

  it('approves a held comment it answers, and refuses an empty reply or one deeper than three levels', async () => {
    const held = await pending();
    await post('strapi-editor', `/comments/${held.documentId}/reply`, { body: 'We will look into it.' }).expect(200);
    expect((await stored(held.documentId)).moderationStatus).toBe('approved');
    expect((await post('strapi-editor', `/comments/${held.documentId}/reply`, { body: '   ' })).status).toBe(400);
    const one = await createComment(app.strapi, review.documentId);
    const two = await createComment(app.strapi, review.documentId, { parent: one.documentId });
    const three = await createComment(app.strapi, review.documentId, { parent: two.documentId });
    const tooDeep = await post('strapi-editor', `/comments/${three.documentId}/reply`, { body: 'Fourth level' });
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.message).toMatch(/3 levels/);
    expect((await post('strapi-editor', '/comments/nope/reply', { body: 'Hi' })).status).toBe(404);
  });
});

describe('comment to FAQ', () => {
  it('creates a draft FAQ on the review, credited, linked from the comment, public only once published', async () => {
    const question = 'Is the Turkish remake worth watching?';
    const comment = await createComment(app.strapi, review.documentId, { authorName: 'Ayşe', body: question });
    const response = await post('strapi-editor', `/comments/${comment.documentId}/faq`, { credit: true }).expect(200);
    expect(response.body.faq.question).toBe(`${question} (asked by Ayşe)`);
    expect(response.body.editPath).toBe(
      `/content-manager/collection-types/api::faq.faq/${response.body.faq.documentId}`,
    );
    const faqs = app.strapi.documents('api::faq.faq');
    const draft = await faqs.findOne({
      documentId: response.body.faq.documentId,
      status: 'draft',
      populate: ['review'],
    });
    expect(draft).toMatchObject({ question: `${question} (asked by Ayşe)`, publishedAt: null });
    expect((draft as unknown as { review: { documentId: string } }).review.documentId).toBe(review.documentId);
    expect(await faqs.findOne({ documentId: response.body.faq.documentId, status: 'published' })).toBeNull();
    expect((await stored(comment.documentId)).faq.documentId).toBe(response.body.faq.documentId);

    const threadOf = async () =>
      (await app.api().get(`/api/comments/review/${review.slug}?pageSize=100`).expect(200)).body.data.find(
        (item: { documentId: string }) => item.documentId === comment.documentId,
      );
    expect((await threadOf()).faq).toBeNull();

    expect((await post('strapi-editor', `/comments/${comment.documentId}/faq`, {})).status).toBe(409);

    await faqs.update({
      documentId: response.body.faq.documentId,
      data: { answer: paragraph('Yes, for its own reasons.') } as never,
    });
    await faqs.publish({ documentId: response.body.faq.documentId });
    expect((await threadOf()).faq).toEqual({ documentId: response.body.faq.documentId });
    const reviewFaqs = await app.api().get(`/api/reviews?filters[slug][$eq]=${review.slug}`).expect(200);
    expect(JSON.stringify(reviewFaqs.body)).toContain(question);
  });

  it('trims a long comment to the 255 characters an FAQ question holds on every database, without credit by default', async () => {
    const comment = await createComment(app.strapi, review.documentId, { body: `${'Why '.repeat(120)}?` });
    const response = await post('strapi-super-admin', `/comments/${comment.documentId}/faq`, {}).expect(200);
    expect(response.body.faq.question.length).toBe(255);
    expect(response.body.faq.question.endsWith('…')).toBe(true);
    expect(response.body.faq.question).not.toContain('asked by');
  });
});

describe("a reader's personal data", () => {
  const reader = async () => {
    const email = `${unique('reader')}@example.com`;
    const mine = await createComment(app.strapi, review.documentId, {
      authorEmail: email,
      authorName: 'Private Person',
      rating: 5,
    });
    const mineHeld = await pending({ authorEmail: email, authorName: 'Private Person' });
    const answer = await createComment(app.strapi, review.documentId, {
      parent: mine.documentId,
      body: 'Another reader answers',
    });
    return { email, mine, mineHeld, answer };
  };

  it('exports every comment stored with the address, whatever its case, and logs the export', async () => {
    const { email, mine, mineHeld } = await reader();
    const response = await post('marquee-moderator', '/personal-data/export', { email: email.toUpperCase() }).expect(
      200,
    );
    const comments = response.body.data.comments as {
      documentId: string;
      rating: number | null;
      review: { slug: string };
      ipHash: string;
    }[];
    expect(comments.map((c) => c.documentId).sort()).toEqual([mine.documentId, mineHeld.documentId].sort());
    expect(comments.find((c) => c.documentId === mine.documentId)).toMatchObject({
      rating: 5,
      review: { slug: review.slug },
      ipHash: 'f'.repeat(64),
    });
    const logged = await app.strapi.db
      .query('api::moderation-desk.privacy-log')
      .findMany({ where: { action: 'export' } });
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toContain(email);
  });

  it('anonymises the comments: words kept, address, rating, IP hash and browser gone', async () => {
    const { email, mine } = await reader();
    await post('marquee-moderator', '/personal-data/erase', { email, mode: 'anonymise' }).expect(200);
    const after = await stored(mine.documentId);
    expect(after).toMatchObject({
      authorName: ANONYMOUS.authorName,
      authorEmail: ANONYMOUS.authorEmail,
      rating: null,
      ipHash: null,
      userAgent: null,
      body: mine.body,
    });
    expect(
      (await post('marquee-moderator', '/personal-data/export', { email }).expect(200)).body.data.comments,
    ).toEqual([]);
    expect(
      await app.strapi.db.query('api::moderation-desk.privacy-log').count({ where: { action: 'erase-anonymise' } }),
    ).toBe(1);
  });

  it("exports and erases the address's email subscriptions and the emails queued for it, with the comments", async () => {
    const { email, mine } = await reader();
    const subscribers = app.strapi.service('api::mail-subscriber.mail-subscriber') as unknown as {
      subscribe(input: {
        email: string;
        reviewDocumentId: string;
        commentDocumentId: string;
        notifyReplies: boolean;
        notifyApproval: boolean;
      }): Promise<unknown>;
    };
    await subscribers.subscribe({
      email,
      reviewDocumentId: review.documentId,
      commentDocumentId: mine.documentId,
      notifyReplies: true,
      notifyApproval: true,
    });
    const exported = (await post('marquee-moderator', '/personal-data/export', { email }).expect(200)).body.data
      .subscriptions;
    expect(exported.subscriber).toMatchObject({ email: email.toLowerCase() });
    expect(exported.subscriptions.map((s: { kind: string }) => s.kind).sort()).toEqual(['approval', 'replies']);
    expect(exported.emails.length).toBeGreaterThan(0);
    const erased = await post('marquee-moderator', '/personal-data/erase', { email, mode: 'anonymise' }).expect(200);
    expect(erased.body.results.subscriptions.removed).toBeGreaterThanOrEqual(3);
    const after = (await post('marquee-moderator', '/personal-data/export', { email }).expect(200)).body.data
      .subscriptions;
    expect(after).toEqual({ subscriber: null, subscriptions: [], emails: [] });
  });

  it("removes the comments, keeps other readers' replies under the removed comment's parent, and tells the web", async () => {
    const { email, mine, mineHeld, answer } = await reader();
    notices = [];
    const response = await post('strapi-super-admin', '/personal-data/erase', { email, mode: 'delete' }).expect(200);
    expect(response.body.results.comments).toEqual({ anonymised: 0, removed: 2 });
    expect(await stored(mine.documentId)).toBeNull();
    expect(await stored(mineHeld.documentId)).toBeNull();
    const kept = await stored(answer.documentId);
    expect(kept.body).toBe('Another reader answers');
    expect(kept.parent).toBeNull();
    await waitForNotice((notice) => notice.documentId === mine.documentId && notice.event === 'delete');
    expect((await post('strapi-super-admin', '/personal-data/erase', { email, mode: 'shred' })).status).toBe(400);
  });
});
