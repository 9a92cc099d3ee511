/** @jest-environment node */
import { createHmac } from 'node:crypto';
import { FORM_TOKEN_PATTERN, createFormToken } from '@/lib/comments/form-token';
import { commentInputSchema, messages } from '@/lib/comments/form';
import { decodePending, encodePending } from '@/lib/comments/pending';
import { reportInputSchema, reportMessages, reportSentPath } from '@/lib/comments/report-form';

const SECRET = 'cookie-secret-for-tests-000';

describe('createFormToken', () => {
  it('is "<ms>.<hex HMAC-SHA256(secret, ms)>"', () => {
    const token = createFormToken('form-secret-form-secret', 1764000000123);
    expect(token).toBe(
      `1764000000123.${createHmac('sha256', 'form-secret-form-secret').update('1764000000123').digest('hex')}`,
    );
    expect(token).toMatch(FORM_TOKEN_PATTERN);
  });
});

describe('pending comment cookie', () => {
  const pending = {
    reviewId: 'rv1',
    id: 'c1',
    name: 'Ada',
    body: 'Hello\n\nWorld',
    createdAt: '2026-11-24T21:00:00.000Z',
    parent: null,
  };

  it('round-trips a signed comment', () => {
    expect(decodePending(SECRET, encodePending(SECRET, pending), 'rv1')).toEqual(pending);
  });

  it('rejects a tampered payload, a wrong secret and garbage', () => {
    const value = encodePending(SECRET, pending);
    const [payload, exp, sig] = value.split('.');
    const forged = Buffer.from(JSON.stringify({ ...pending, body: 'forged' })).toString('base64url');
    expect(decodePending(SECRET, `${forged}.${exp}.${sig}`, 'rv1')).toBeNull();
    expect(decodePending(SECRET, `${payload}.${Number(exp) + 1}.${sig}`, 'rv1')).toBeNull();
    expect(decodePending('another-secret-another-secret', value, 'rv1')).toBeNull();
    expect(decodePending(SECRET, `${payload}`, 'rv1')).toBeNull();
    expect(decodePending(SECRET, undefined, 'rv1')).toBeNull();
  });

  it('expires a week after it was written', () => {
    const writtenAt = Date.parse('2026-11-24T21:00:00.000Z');
    const value = encodePending(SECRET, pending, writtenAt);
    expect(decodePending(SECRET, value, 'rv1', writtenAt + 6 * 86_400_000)).toEqual(pending);
    expect(decodePending(SECRET, value, 'rv1', writtenAt + 7 * 86_400_000)).toBeNull();
  });

  it('is only ever read for its own review', () => {
    expect(decodePending(SECRET, encodePending(SECRET, pending), 'rv2')).toBeNull();
  });

  it('keeps the cookie under the browser size limit for a long comment', () => {
    const value = encodePending(SECRET, { ...pending, body: 'é'.repeat(5000) });
    expect(value.length).toBeLessThan(4000);
  });
});

describe('commentInputSchema', () => {
  it('requires name, email and comment, and explains each', () => {
    const result = commentInputSchema.safeParse({ name: ' ', email: '', website: '', comment: '' });
    expect(result.success).toBe(false);
    const fields = result.error?.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'comment']));
    expect(fields).not.toContain('website');
  });

  it('accepts an empty website and adds https:// to a bare domain', () => {
    expect(commentInputSchema.parse({ name: 'A', email: 'a@b.co', website: '', comment: 'x' }).website).toBe('');
    expect(
      commentInputSchema.parse({ name: 'A', email: 'a@b.co', website: 'ada.example.org', comment: 'x' }).website,
    ).toBe('https://ada.example.org');
  });

  it('rejects a website that is not http(s)', () => {
    expect(
      commentInputSchema.safeParse({ name: 'A', email: 'a@b.co', website: 'javascript:alert(1)', comment: 'x' })
        .success,
    ).toBe(false);
  });
});

describe('commentInputSchema: the star rating', () => {
  const comment = { name: 'Ada', email: 'ada@example.com', website: '', comment: 'Loved it.' };

  it.each([
    ['', null],
    ['1', 1],
    ['5', 5],
  ])('reads %p as %p', (rating, expected) => {
    expect(commentInputSchema.parse({ ...comment, rating }).rating).toBe(expected);
  });

  it.each([['0'], ['6'], ['4.5'], ['five'], ['44']])('refuses %p with the rating message', (rating) => {
    const result = commentInputSchema.safeParse({ ...comment, rating });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['rating'], message: messages.ratingInvalid }),
    ]);
  });
});

describe('reportInputSchema and reportSentPath', () => {
  it('takes a reason from the short list and a trimmed optional note', () => {
    expect(reportInputSchema.parse({ reason: 'spoiler', note: '  Ending.  ' })).toEqual({
      reason: 'spoiler',
      note: 'Ending.',
    });
    expect(reportInputSchema.parse({ reason: 'other', note: '' })).toEqual({ reason: 'other', note: '' });
  });

  it("refuses a missing or unknown reason, and a note over 500 characters, with the reader's messages", () => {
    const missing = reportInputSchema.safeParse({ reason: '', note: '' });
    expect(missing.error?.issues[0]).toMatchObject({ path: ['reason'], message: reportMessages.reasonRequired });
    expect(reportInputSchema.safeParse({ reason: 'boring', note: '' }).success).toBe(false);
    const long = reportInputSchema.safeParse({ reason: 'spam', note: 'x'.repeat(501) });
    expect(long.error?.issues[0]).toMatchObject({ path: ['note'], message: reportMessages.noteTooLong });
  });

  it('lands a sent report on one plain page per comment', () => {
    expect(reportSentPath({ reviewSlug: 'heat-review', commentId: 'abc123' })).toBe(
      '/reviews/heat-review/report/abc123/sent',
    );
  });
});
