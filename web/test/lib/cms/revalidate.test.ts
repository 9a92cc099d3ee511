/** @jest-environment node */
import { createHmac } from 'node:crypto';
import { revalidateTag } from 'next/cache';
import { POST } from '@/app/api/revalidate/route';
import { type CmsEvent, tagsForEvent, verifySignature } from '@/lib/cms/revalidate';
import { resetEnvForTests } from '@/lib/env';
import { refreshProxy } from '@/lib/proxy-refresh';

jest.mock('next/cache', () => ({ revalidateTag: jest.fn(), cacheTag: jest.fn(), cacheLife: jest.fn() }));
/** What the route leaves for after its answer (the proxy refresh); Next runs it once the response is sent. */
const afterAnswer: (() => unknown)[] = [];
jest.mock('next/server', () => ({
  ...jest.requireActual('next/server'),
  after: (task: () => unknown) => afterAnswer.push(task),
}));
jest.mock('@/lib/proxy-refresh', () => ({
  ...jest.requireActual('@/lib/proxy-refresh'),
  refreshProxy: jest.fn(async () => undefined),
}));

const SECRET = 'revalidate-secret-for-tests';
const sign = (body: string, secret = SECRET) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

const base: CmsEvent = {
  model: 'review',
  event: 'publish',
  documentId: 'rv1',
  slug: 'heat-review',
  review: null,
  sentAt: '2026-11-24T21:00:00.000Z',
};

beforeEach(() => {
  process.env.REVALIDATE_SECRET = SECRET;
  resetEnvForTests();
  jest.mocked(revalidateTag).mockClear();
  jest.mocked(refreshProxy).mockClear();
  afterAnswer.length = 0;
});

describe('tagsForEvent', () => {
  it('a review event names the review lists, the document and its slug', () => {
    expect(tagsForEvent(base)).toEqual(['reviews', 'review:rv1', 'review-slug:heat-review', 'comments:heat-review']);
  });

  it('a review FAQ names the FAQs and its review, not the site FAQ page', () => {
    expect(
      tagsForEvent({
        ...base,
        model: 'faq',
        documentId: 'f1',
        slug: null,
        review: { documentId: 'rv1', slug: 'heat-review' },
      }),
    ).toEqual(['faqs', 'review:rv1', 'review-slug:heat-review']);
  });

  it('a site-wide FAQ names the site FAQ page', () => {
    expect(tagsForEvent({ ...base, model: 'faq', documentId: 'f1', slug: null })).toEqual(['faqs', 'faqs:site']);
  });

  it("a comment names only its review's comment thread", () => {
    expect(
      tagsForEvent({
        ...base,
        model: 'comment',
        event: 'update',
        documentId: 'c1',
        slug: null,
        review: { documentId: 'rv1', slug: 'heat-review' },
      }),
    ).toEqual(['comments:heat-review']);
  });

  it('a film, author or genre names its collection and document', () => {
    expect(tagsForEvent({ ...base, model: 'film', documentId: 'fl1', slug: 'heat-1995' })).toEqual([
      'films',
      'film:fl1',
    ]);
    expect(tagsForEvent({ ...base, model: 'author', documentId: 'a1', slug: 'mara' })).toEqual([
      'authors',
      'author:a1',
      'author-slug:mara',
    ]);
    expect(tagsForEvent({ ...base, model: 'genre', documentId: 'g1', slug: 'crime' })).toEqual([
      'genres',
      'genre:g1',
      'genre-slug:crime',
    ]);
  });
});

describe('verifySignature', () => {
  it('accepts the HMAC of the raw body and rejects anything else', () => {
    const body = JSON.stringify(base);
    expect(verifySignature(body, sign(body), SECRET)).toBe(true);
    expect(verifySignature(`${body} `, sign(body), SECRET)).toBe(false);
    expect(verifySignature(body, sign(body, 'other-secret-other-secret'), SECRET)).toBe(false);
    expect(verifySignature(body, sign(body).replace('sha256=', ''), SECRET)).toBe(false);
    expect(verifySignature(body, null, SECRET)).toBe(false);
  });
});

describe('POST /api/revalidate', () => {
  const post = (body: string, signature: string | null) =>
    POST(
      new Request('http://web.test/api/revalidate', {
        method: 'POST',
        body,
        headers: signature ? { 'X-Marquee-Signature': signature } : {},
      }),
    );

  it('expires exactly the named tags at once for a signed, valid event', async () => {
    const body = JSON.stringify(base);
    const res = await post(body, sign(body));
    expect(res.status).toBe(200);
    await expect(res.json()).resolves.toEqual({
      revalidated: ['reviews', 'review:rv1', 'review-slug:heat-review', 'comments:heat-review'],
    });
    expect(jest.mocked(revalidateTag).mock.calls).toEqual([
      ['reviews', { expire: 0 }],
      ['review:rv1', { expire: 0 }],
      ['review-slug:heat-review', { expire: 0 }],
      ['comments:heat-review', { expire: 0 }],
    ]);
    // Once answered, the caching proxy is asked for the changed pages.
    expect(refreshProxy).not.toHaveBeenCalled();
    await Promise.all(afterAnswer.map((task) => task()));
    expect(refreshProxy).toHaveBeenCalledWith(['/reviews/heat-review', '/']);
  });

  it('answers 401 and revalidates nothing for a bad signature', async () => {
    const body = JSON.stringify(base);
    expect((await post(body, sign('{}'))).status).toBe(401);
    expect(afterAnswer).toHaveLength(0);
    expect((await post(body, null)).status).toBe(401);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it('answers 400 for a signed body that is not a valid event', async () => {
    const body = JSON.stringify({ ...base, model: 'user' });
    expect((await post(body, sign(body))).status).toBe(400);
    expect((await post('not json', sign('not json'))).status).toBe(400);
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it('answers 503 when no secret is configured', async () => {
    delete process.env.REVALIDATE_SECRET;
    resetEnvForTests();
    const body = JSON.stringify(base);
    expect((await post(body, sign(body))).status).toBe(503);
  });
});
