import { bootStrapi, type TestApp } from '../helpers/strapi';
import {
  commentInput,
  createComment,
  createReview,
  formToken,
  postComment,
  setModeration,
  storedComment,
  unique,
} from '../helpers/fixtures';

let app: TestApp;
let review: string;
let reviewSlug: string;

beforeAll(async () => {
  app = await bootStrapi();
  reviewSlug = unique('commented');
  review = (await createReview(app.strapi, { slug: reviewSlug })).documentId;
});

afterAll(() => app.stop());

const commentCount = () => app.strapi.db.query('api::comment.comment').count();

describe('posting a comment', () => {
  it('stores a valid comment as pending, first-time commenter, with the IP hashed and the agent kept', async () => {
    const input = commentInput(review, { authorEmail: 'New.Reader@Example.com', body: '  A thoughtful comment.  ' });
    const response = await postComment(app, input, '203.0.113.9').expect(201);
    expect(response.body.data).toEqual({
      documentId: expect.any(String),
      authorName: 'Ada Reader',
      authorWebsite: null,
      body: 'A thoughtful comment.',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      parent: null,
      rating: null,
      moderationStatus: 'pending',
    });
    const stored = await storedComment(app.strapi, response.body.data.documentId);
    expect(stored).toMatchObject({
      authorEmail: 'new.reader@example.com',
      moderationStatus: 'pending',
      heldReason: 'First-time commenter',
      userAgent: 'TestBrowser/1.0',
      ipHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(stored.ipHash).not.toContain('203.0.113.9');
  });

  it('answers 400 naming each invalid field, and stores nothing', async () => {
    const before = await commentCount();
    const response = await postComment(app, { review, authorName: '', authorEmail: 'nope', body: '   ' }).expect(400);
    expect(response.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
    expect(response.body.error.details.errors.map((error: { path: string[] }) => error.path[0]).sort()).toEqual([
      'authorEmail',
      'authorName',
      'body',
    ]);
    expect(await commentCount()).toBe(before);
  });

  it('rejects a body over 5,000 characters and an email over 254', async () => {
    await postComment(app, commentInput(review, { body: 'x'.repeat(5001) })).expect(400);
    await postComment(app, commentInput(review, { authorEmail: `${'a'.repeat(250)}@example.com` })).expect(400);
  });

  it('strips NUL and control characters instead of failing with a 500', async () => {
    const response = await postComment(
      app,
      commentInput(review, { authorName: 'Nul\u0000 Reader', body: `Hello\u0000 there\u0007 ${unique('x')}` }),
    ).expect(201);
    expect(response.body.data.authorName).toBe('Nul Reader');
    expect(response.body.data.body).toMatch(/^Hello there /);
  });

  it('stores names and bodies without bidi overrides or zero-width characters, NFC-normalised', async () => {
    const tag = unique('x');
    const response = await postComment(
      app,
      commentInput(review, {
        authorName: '\u202EAde\u0301le\u202C \u2066Reader\u2069\u200B',
        body: `Great\u200B film\u200F, \u202Emoc.elgoog\u202C \u{1F469}\u200D\u{1F4BB} ${tag}`,
      }),
    ).expect(201);
    const expected = {
      authorName: 'Ad\u00E9le Reader',
      body: `Great film, moc.elgoog \u{1F469}\u200D\u{1F4BB} ${tag}`,
    };
    expect(response.body.data).toMatchObject(expected);
    expect(await storedComment(app.strapi, response.body.data.documentId)).toMatchObject(expected);
  });

  it('refuses a name that is empty once invisible characters are removed, and stores nothing', async () => {
    const before = await commentCount();
    const response = await postComment(app, commentInput(review, { authorName: '\u202E\u200B\u200D\uFEFF' })).expect(
      400,
    );
    expect(response.body.error.details.errors).toEqual([{ path: ['authorName'], message: 'Please enter your name.' }]);
    expect(await commentCount()).toBe(before);
  });

  it('keeps markup as plain text', async () => {
    const body = `<script>alert("x")</script> <b>bold</b> ${unique('x')}`;
    const response = await postComment(app, commentInput(review, { body })).expect(201);
    expect(response.body.data.body).toBe(body);
  });

  it('refuses a comment on an unknown review and on a draft review with 404', async () => {
    const draft = (await createReview(app.strapi, {}, 'draft')).documentId;
    for (const target of ['no-such-review', draft]) {
      const response = await postComment(app, commentInput(target)).expect(404);
      expect(response.body.error.message).toBe('This review does not exist or is not published.');
    }
  });

  it('refuses a comment when comments are closed on the review with 403', async () => {
    const closed = (await createReview(app.strapi, { commentsOpen: false })).documentId;
    const response = await postComment(app, commentInput(closed)).expect(403);
    expect(response.body.error.message).toBe('Comments are closed on this review.');
  });

  it('closes comments on reviews older than the configured number of days', async () => {
    const old = await createReview(app.strapi);
    await app.strapi.db.query('api::review.review').updateMany({
      where: { documentId: old.documentId },
      data: { publishedAt: new Date(Date.now() - 40 * 86_400_000) },
    });
    await setModeration(app.strapi, { closeAfterDays: 30 });
    try {
      await postComment(app, commentInput(old.documentId)).expect(403);
      await postComment(app, commentInput(review)).expect(201);
    } finally {
      await setModeration(app.strapi, { closeAfterDays: 0 });
    }
  });

  it('answers 409 for the same comment twice from the same email on the same review', async () => {
    const input = commentInput(review, { authorEmail: `${unique('dup')}@example.com`, body: unique('Same words') });
    await postComment(app, input).expect(201);
    await setModeration(app.strapi, { floodIntervalSeconds: 0 });
    try {
      const before = await commentCount();
      const response = await postComment(app, input).expect(409);
      expect(response.body.error.name).toBe('ConflictError');
      expect(await commentCount()).toBe(before);
    } finally {
      await setModeration(app.strapi, { floodIntervalSeconds: 15 });
    }
  });

  it('answers 429 when the same reader posts again within the flood interval, by address or by email', async () => {
    const ip = unique('198.51.100');
    await postComment(app, commentInput(review), ip).expect(201);
    const byIp = await postComment(app, commentInput(review), ip).expect(429);
    expect(byIp.body.error.message).toMatch(/too quickly/);

    const email = `${unique('flood')}@example.com`;
    await postComment(app, commentInput(review, { authorEmail: email })).expect(201);
    await postComment(app, commentInput(review, { authorEmail: email })).expect(429);
  });

  it('holds a comment with links at the threshold and says why', async () => {
    const response = await postComment(
      app,
      commentInput(review, { body: 'see http://a.example and https://b.example' }),
    ).expect(201);
    expect((await storedComment(app.strapi, response.body.data.documentId)).heldReason).toBe('Contains 2 links');
  });

  it('holds a held word and sends a blocked word to spam, answering both as pending', async () => {
    await setModeration(app.strapi, { heldWords: 'spoilers', blockedWords: 'casino\ncheap pills' });
    try {
      const held = await postComment(app, commentInput(review, { body: 'No SPOILERS please' })).expect(201);
      expect(await storedComment(app.strapi, held.body.data.documentId)).toMatchObject({
        moderationStatus: 'pending',
        heldReason: 'Contains the held word "spoilers"',
      });
      const blocked = await postComment(app, commentInput(review, { body: 'Try our casino' })).expect(201);
      expect(blocked.body.data.moderationStatus).toBe('pending');
      expect(await storedComment(app.strapi, blocked.body.data.documentId)).toMatchObject({ moderationStatus: 'spam' });
    } finally {
      await setModeration(app.strapi, { heldWords: null, blockedWords: null });
    }
  });

  it('approves a returning commenter whose earlier comment was approved, unless the setting is off', async () => {
    const email = `${unique('returning')}@example.com`;
    await createComment(app.strapi, review, { authorEmail: email, moderationStatus: 'approved' });
    // The earlier comment was stored a moment ago: switch the flood check off to look at approval alone.
    await setModeration(app.strapi, { floodIntervalSeconds: 0 });
    try {
      const response = await postComment(app, commentInput(review, { authorEmail: email })).expect(201);
      expect(response.body.data.moderationStatus).toBe('approved');
      await setModeration(app.strapi, { autoApproveReturning: false });
      const again = await postComment(app, commentInput(review, { authorEmail: email })).expect(201);
      expect(again.body.data.moderationStatus).toBe('pending');
    } finally {
      await setModeration(app.strapi, { autoApproveReturning: true, floodIntervalSeconds: 15 });
    }
  });

  it('answers a filled honeypot as accepted but stores it as spam, never shown', async () => {
    const response = await postComment(app, commentInput(review, { honeypot: 'http://bot.example' })).expect(201);
    expect(response.body.data.moderationStatus).toBe('pending');
    expect(await storedComment(app.strapi, response.body.data.documentId)).toMatchObject({
      moderationStatus: 'spam',
      heldReason: 'Honeypot field was filled in',
    });
  });

  it('stores as spam a form submitted faster than a person could, or with a forged token', async () => {
    const fast = await postComment(app, commentInput(review, { formToken: formToken(500) })).expect(201);
    expect(await storedComment(app.strapi, fast.body.data.documentId)).toMatchObject({ moderationStatus: 'spam' });
    const forged = await postComment(
      app,
      commentInput(review, { formToken: `${Date.now() - 10_000}.${'a'.repeat(64)}` }),
    ).expect(201);
    expect(await storedComment(app.strapi, forged.body.data.documentId)).toMatchObject({ moderationStatus: 'spam' });
  });
});

describe('replies', () => {
  it('accepts a reply to an approved comment of the same review', async () => {
    const parent = await createComment(app.strapi, review);
    const response = await postComment(app, commentInput(review, { parent: parent.documentId })).expect(201);
    expect(response.body.data.parent).toBe(parent.documentId);
  });

  it("refuses a reply to a pending comment with 404 and to another review's comment with 400", async () => {
    const pending = await createComment(app.strapi, review, { moderationStatus: 'pending' });
    await postComment(app, commentInput(review, { parent: pending.documentId })).expect(404);
    const other = (await createReview(app.strapi)).documentId;
    const foreign = await createComment(app.strapi, other);
    const response = await postComment(app, commentInput(review, { parent: foreign.documentId })).expect(400);
    expect(response.body.error.details.errors[0].path).toEqual(['parent']);
  });

  it('refuses a reply nested deeper than three levels', async () => {
    const top = await createComment(app.strapi, review);
    const second = await createComment(app.strapi, review, { parent: top.documentId });
    const third = await createComment(app.strapi, review, { parent: second.documentId });
    await postComment(app, commentInput(review, { parent: second.documentId })).expect(201);
    const response = await postComment(app, commentInput(review, { parent: third.documentId })).expect(400);
    expect(response.body.error.message).toMatch(/3 levels/);
  });
});

describe('the approved-comment thread', () => {
  let threadSlug: string;
  let threadReview: string;

  beforeAll(async () => {
    threadSlug = unique('thread');
    threadReview = (await createReview(app.strapi, { slug: threadSlug })).documentId;
  });

  it('lists approved comments threaded, oldest first, never pending, rejected or spam', async () => {
    const first = await createComment(app.strapi, threadReview, { body: 'first' });
    await createComment(app.strapi, threadReview, { body: 'reply', parent: first.documentId });
    await createComment(app.strapi, threadReview, {
      body: 'pending reply',
      parent: first.documentId,
      moderationStatus: 'pending',
    });
    await createComment(app.strapi, threadReview, { body: 'second' });
    for (const moderationStatus of ['pending', 'rejected', 'spam']) {
      await createComment(app.strapi, threadReview, { body: `hidden ${moderationStatus}`, moderationStatus });
    }
    const rejected = await createComment(app.strapi, threadReview, {
      body: 'rejected parent',
      moderationStatus: 'rejected',
    });
    await createComment(app.strapi, threadReview, { body: 'orphaned reply', parent: rejected.documentId });

    const response = await app.api().get(`/api/comments/review/${threadSlug}`).expect(200);
    expect(response.body.data.map((comment: { body: string }) => comment.body)).toEqual(['first', 'second']);
    expect(response.body.data[0].replies.map((comment: { body: string }) => comment.body)).toEqual(['reply']);
    expect(JSON.stringify(response.body)).not.toMatch(/hidden|pending reply|orphaned/);
    expect(response.body.meta.pagination).toEqual({ page: 1, pageSize: 20, pageCount: 1, total: 2 });
  });

  it('paginates by top-level comment', async () => {
    const slug = unique('paged');
    const paged = (await createReview(app.strapi, { slug })).documentId;
    for (const body of ['one', 'two', 'three']) await createComment(app.strapi, paged, { body });
    const response = await app.api().get(`/api/comments/review/${slug}`).query({ page: 2, pageSize: 2 }).expect(200);
    expect(response.body.data.map((comment: { body: string }) => comment.body)).toEqual(['three']);
    expect(response.body.meta.pagination).toEqual({ page: 2, pageSize: 2, pageCount: 2, total: 3 });
  });

  it('locates a visible comment on its page of the thread, and answers 404 for one readers cannot see there', async () => {
    const slug = unique('located');
    const located = (await createReview(app.strapi, { slug })).documentId;
    const first = await createComment(app.strapi, located, { body: 'one' });
    await createComment(app.strapi, located, { body: 'two' });
    const third = await createComment(app.strapi, located, { body: 'three' });
    const reply = await createComment(app.strapi, located, { body: 'reply to three', parent: third.documentId });
    const pending = await createComment(app.strapi, located, { body: 'pending', moderationStatus: 'pending' });
    const underRejected = await createComment(app.strapi, located, {
      body: 'orphan',
      parent: (await createComment(app.strapi, located, { moderationStatus: 'rejected' })).documentId,
    });
    const elsewhere = await createComment(app.strapi, threadReview, { body: 'another review' });
    const page = (id: string) => app.api().get(`/api/comments/review/${slug}/${id}`).query({ pageSize: 2 });

    expect((await page(first.documentId).expect(200)).body.data).toEqual({ documentId: first.documentId, page: 1 });
    expect((await page(third.documentId).expect(200)).body.data.page).toBe(2);
    expect((await page(reply.documentId).expect(200)).body.data.page).toBe(2);
    for (const hidden of [pending.documentId, underRejected.documentId, elsewhere.documentId, 'nosuchcomment']) {
      const response = await page(hidden);
      expect({ hidden, status: response.status }).toEqual({ hidden, status: 404 });
    }
    await app.api().get(`/api/comments/review/no-such-review/${first.documentId}`).expect(404);
    await app
      .api()
      .get(`/api/comments/review/${slug}/${first.documentId}`)
      .query({ filters: { x: 1 } })
      .expect(400);
  });

  it('answers a page out of range or a malformed page size with 400, like every other list', async () => {
    for (const query of [
      { page: '99999999999999999999' },
      { page: '10001' },
      { page: '0' },
      { page: 'abc' },
      { pageSize: '0' },
      { pageSize: 'x' },
    ]) {
      const response = await app.api().get(`/api/comments/review/${threadSlug}`).query(query);
      expect({ query, status: response.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(response.body)).not.toContain('99999999999999999999');
    }
    const last = await app
      .api()
      .get(`/api/comments/review/${threadSlug}`)
      .query({ page: '10000', pageSize: '500' })
      .expect(200);
    expect(last.body.meta.pagination).toMatchObject({ page: 10000, pageSize: 50 });
  });

  it('returns 404 for an unknown or unpublished review', async () => {
    const draft = await createReview(app.strapi, {}, 'draft');
    await app.api().get('/api/comments/review/no-such-review').expect(404);
    await app.api().get(`/api/comments/review/${draft.slug}`).expect(404);
  });

  it('keeps comments attached after the review is unpublished and published again', async () => {
    const slug = unique('republished');
    const doc = await createReview(app.strapi, { slug });
    await createComment(app.strapi, doc.documentId, { body: 'survives republishing' });
    await app.strapi.documents('api::review.review').unpublish({ documentId: doc.documentId });
    await app.strapi.documents('api::review.review').publish({ documentId: doc.documentId });
    const response = await app.api().get(`/api/comments/review/${slug}`).expect(200);
    expect(response.body.data.map((comment: { body: string }) => comment.body)).toEqual(['survives republishing']);
  });
});
