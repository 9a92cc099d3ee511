/** @jest-environment node */
import { createHmac } from 'node:crypto'
import { FORM_TOKEN_PATTERN, createFormToken } from '@/lib/comments/form-token'
import { commentInputSchema } from '@/lib/comments/form'
import { decodePending, encodePending } from '@/lib/comments/pending'

const SECRET = 'cookie-secret-for-tests-000'

describe('createFormToken', () => {
  it('is "<ms>.<hex HMAC-SHA256(secret, ms)>"', () => {
    const token = createFormToken('form-secret-form-secret', 1764000000123)
    expect(token).toBe(`1764000000123.${createHmac('sha256', 'form-secret-form-secret').update('1764000000123').digest('hex')}`)
    expect(token).toMatch(FORM_TOKEN_PATTERN)
  })
})

describe('pending comment cookie', () => {
  const pending = { reviewId: 'rv1', id: 'c1', name: 'Ada', body: 'Hello\n\nWorld', createdAt: '2026-11-24T21:00:00.000Z', parent: null }

  it('round-trips a signed comment', () => {
    expect(decodePending(SECRET, encodePending(SECRET, pending), 'rv1')).toEqual(pending)
  })

  it('rejects a tampered payload, a wrong secret and garbage', () => {
    const value = encodePending(SECRET, pending)
    const [payload, exp, sig] = value.split('.')
    const forged = Buffer.from(JSON.stringify({ ...pending, body: 'forged' })).toString('base64url')
    expect(decodePending(SECRET, `${forged}.${exp}.${sig}`, 'rv1')).toBeNull()
    expect(decodePending(SECRET, `${payload}.${Number(exp) + 1}.${sig}`, 'rv1')).toBeNull()
    expect(decodePending('another-secret-another-secret', value, 'rv1')).toBeNull()
    expect(decodePending(SECRET, `${payload}`, 'rv1')).toBeNull()
    expect(decodePending(SECRET, undefined, 'rv1')).toBeNull()
  })

  it('expires a week after it was written', () => {
    const writtenAt = Date.parse('2026-11-24T21:00:00.000Z')
    const value = encodePending(SECRET, pending, writtenAt)
    expect(decodePending(SECRET, value, 'rv1', writtenAt + 6 * 86_400_000)).toEqual(pending)
    expect(decodePending(SECRET, value, 'rv1', writtenAt + 7 * 86_400_000)).toBeNull()
  })

  it("is only ever read for its own review", () => {
    expect(decodePending(SECRET, encodePending(SECRET, pending), 'rv2')).toBeNull()
  })

  it('keeps the cookie under the browser size limit for a long comment', () => {
    const value = encodePending(SECRET, { ...pending, body: 'é'.repeat(5000) })
    expect(value.length).toBeLessThan(4000)
  })

})

describe('commentInputSchema', () => {
  it('requires name, email and comment, and explains each', () => {
    const result = commentInputSchema.safeParse({ name: ' ', email: '', website: '', comment: '' })
    expect(result.success).toBe(false)
    const fields = result.error?.issues.map((i) => i.path[0])
    expect(fields).toEqual(expect.arrayContaining(['name', 'email', 'comment']))
    expect(fields).not.toContain('website')
  })

  it('accepts an empty website and adds https:// to a bare domain', () => {
    expect(commentInputSchema.parse({ name: 'A', email: 'a@b.co', website: '', comment: 'x' }).website).toBe('')
    expect(commentInputSchema.parse({ name: 'A', email: 'a@b.co', website: 'ada.example.org', comment: 'x' }).website).toBe('https://ada.example.org')
  })

  it('rejects a website that is not http(s)', () => {
    expect(commentInputSchema.safeParse({ name: 'A', email: 'a@b.co', website: 'javascript:alert(1)', comment: 'x' }).success).toBe(false)
  })
})
