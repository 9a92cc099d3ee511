import { render, screen } from '@testing-library/react'
import { PendingComment } from '@/components/comments/pending-comment'
import type { Comment } from '@/lib/cms/comments'
import { encodePending } from '@/lib/comments/pending'
import { resetEnvForTests } from '@/lib/env'

const SECRET = 'cookie-secret-for-tests-000'
const jar = new Map<string, string>()
jest.mock('next/cache', () => ({ cacheTag: jest.fn(), cacheLife: jest.fn() }))
jest.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}))

const pending = { id: 'p1', name: 'Ada', body: 'My <b>first</b> thought', createdAt: '2026-11-24T21:00:00.000Z', parent: null }

beforeEach(() => {
  process.env.COMMENT_COOKIE_SECRET = SECRET
  resetEnvForTests()
  jar.clear()
})

it("shows the reader's own signed pending comment as text, awaiting moderation", async () => {
  jar.set('mq_pending_rv1', encodePending(SECRET, pending))
  const { container } = render(await PendingComment({ reviewId: 'rv1', approved: [] }))
  expect(screen.getByText('Your comment is awaiting moderation.')).toBeInTheDocument()
  expect(screen.getByText('My <b>first</b> thought')).toBeInTheDocument()
  expect(container.querySelector('b')).toBeNull()
})

it('shows nothing for a forged cookie or for another review', async () => {
  jar.set('mq_pending_rv1', encodePending('some-other-secret-some-other', pending))
  expect(await PendingComment({ reviewId: 'rv1', approved: [] })).toBeNull()
  jar.set('mq_pending_rv2', encodePending(SECRET, pending))
  expect(await PendingComment({ reviewId: 'rv1', approved: [] })).toBeNull()
})

it('stops showing it once the comment is approved and listed', async () => {
  jar.set('mq_pending_rv1', encodePending(SECRET, pending))
  const approved: Comment[] = [{ id: 'p1', authorName: 'Ada', website: null, body: 'x', createdAt: pending.createdAt, depth: 1, replies: [] }]
  expect(await PendingComment({ reviewId: 'rv1', approved })).toBeNull()
})
