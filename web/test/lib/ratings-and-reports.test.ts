/** @jest-environment node */
import { getApprovedComments } from '@/lib/cms/comments'
import { postReport } from '@/lib/cms/comment-reports'
import { commentInputSchema, messages } from '@/lib/comments/form'
import { reportInputSchema, reportMessages, reportSentPath } from '@/lib/comments/report-form'
import { resetEnvForTests } from '@/lib/env'
import { headerOf, jsonResponse, mockFetch } from '../support/fixtures'

jest.mock('next/cache', () => ({ cacheTag: jest.fn(), cacheLife: jest.fn() }))

beforeEach(() => {
  process.env.CMS_URL = 'http://cms.test'
  process.env.CMS_API_TOKEN = 'web-token'
  resetEnvForTests()
})

const comment = { name: 'Ada', email: 'ada@example.com', website: '', comment: 'Loved it.' }

describe('the comment form\'s star rating', () => {
  it.each([['', null], ['1', 1], ['5', 5]])('reads %p as %p', (rating, expected) => {
    expect(commentInputSchema.parse({ ...comment, rating }).rating).toBe(expected)
  })

  it.each([['0'], ['6'], ['4.5'], ['five'], ['44']])('refuses %p with the rating message', (rating) => {
    const result = commentInputSchema.safeParse({ ...comment, rating })
    expect(result.success).toBe(false)
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['rating'], message: messages.ratingInvalid })])
  })
})

describe('the report form', () => {
  it('takes a reason from the short list and a trimmed optional note', () => {
    expect(reportInputSchema.parse({ reason: 'spoiler', note: '  Ending.  ' })).toEqual({ reason: 'spoiler', note: 'Ending.' })
    expect(reportInputSchema.parse({ reason: 'other', note: '' })).toEqual({ reason: 'other', note: '' })
  })

  it('refuses a missing or unknown reason, and a note over 500 characters, with the reader\'s messages', () => {
    const missing = reportInputSchema.safeParse({ reason: '', note: '' })
    expect(missing.error?.issues[0]).toMatchObject({ path: ['reason'], message: reportMessages.reasonRequired })
    expect(reportInputSchema.safeParse({ reason: 'boring', note: '' }).success).toBe(false)
    const long = reportInputSchema.safeParse({ reason: 'spam', note: 'x'.repeat(501) })
    expect(long.error?.issues[0]).toMatchObject({ path: ['note'], message: reportMessages.noteTooLong })
  })

  it('lands a sent report on one plain page per comment', () => {
    expect(reportSentPath({ reviewSlug: 'heat-review', commentId: 'abc123' })).toBe('/reviews/heat-review/report/abc123/sent')
  })

  it('posts the report with the web token and the reader\'s address', async () => {
    const calls = mockFetch(() => jsonResponse({ data: { comment: 'c1', reason: 'spam', note: null }, meta: {} }, 201))
    await expect(postReport({ comment: 'c1', reason: 'spam' }, { ip: '203.0.113.5', userAgent: 'UA/1' })).resolves.toEqual({ comment: 'c1', reason: 'spam' })
    expect(calls[0]?.url.href).toBe('http://cms.test/api/comment-reports')
    expect(headerOf(calls[0], 'authorization')).toBe('Bearer web-token')
    expect(headerOf(calls[0], 'x-marquee-client-ip')).toBe('203.0.113.5')
    expect(JSON.parse(String(calls[0]?.init?.body))).toEqual({ data: { comment: 'c1', reason: 'spam' } })
  })
})

describe('the readers\' score from the thread', () => {
  const thread = (readerRating: unknown, rating: unknown = 4) =>
    jsonResponse({
      data: [{ documentId: 'c1', authorName: 'Bea', authorWebsite: null, body: 'x', createdAt: '2026-11-24T20:39:42.114Z', rating, replies: [] }],
      meta: { pagination: { page: 1, pageSize: 50, pageCount: 1, total: 1 }, readerRating },
    })

  it('reads the average and count, and each comment\'s own stars', async () => {
    mockFetch(() => thread({ average: 4.2, count: 37 }))
    const result = await getApprovedComments('x')
    expect(result?.readerRating).toEqual({ average: 4.2, count: 37 })
    expect(result?.comments[0]?.rating).toBe(4)
  })

  it('reads no score below the minimum (null) or from an older CMS (absent)', async () => {
    mockFetch(() => thread(null, null))
    expect((await getApprovedComments('x'))?.readerRating).toBeNull()
    mockFetch(() => thread(undefined, null))
    expect((await getApprovedComments('y'))?.readerRating).toBeNull()
  })

  it('refuses a malformed score rather than showing it', async () => {
    mockFetch(() => thread({ average: 9, count: 3 }))
    await expect(getApprovedComments('z')).rejects.toThrow()
  })
})
