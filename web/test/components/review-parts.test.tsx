import { render, screen, within } from '@testing-library/react'
import { CommentList } from '@/components/comments/comment-list'
import { RatingStars } from '@/components/reviews/rating-stars'
import { ReviewSections } from '@/components/reviews/review-body'
import type { Comment } from '@/lib/cms/comments'

const thread: Comment[] = [
  { id: 'c1', authorName: 'Priya', website: 'https://priya.example.org/', body: '<img src=x onerror=alert(1)> first\n\nsecond', createdAt: '2026-11-24T20:39:42.114Z', depth: 1, rating: 4, replies: [
    { id: 'c2', authorName: 'Tomás', website: null, body: 'reply', createdAt: '2026-11-24T20:40:42.114Z', depth: 2, rating: null, replies: [] },
  ] },
]

it('reads a rating as "4 out of 5" to assistive technology', () => {
  render(<RatingStars rating={{ value: 4, best: 5, worst: 1 }} />)
  expect(screen.getByText('4 out of 5')).toHaveClass('sr-only')
})

it('renders comments as text, threaded, with dates, reply links and nofollow ugc websites', () => {
  const { container } = render(<CommentList comments={thread} reviewSlug="heat-review" commentsOpen />)
  expect(container.querySelector('img')).toBeNull()
  expect(screen.getByText(/<img src=x onerror=alert\(1\)> first/)).toBeInTheDocument()
  expect(screen.getByRole('link', { name: 'Priya' })).toHaveAttribute('rel', expect.stringContaining('nofollow ugc'))
  expect(screen.getByRole('link', { name: 'Reply to Priya' })).toHaveAttribute('href', '/reviews/heat-review/reply/c1#respond')
  const reply = container.querySelector('#comment-c2')
  expect(reply?.closest('ol.children')).not.toBeNull()
  const first = container.querySelector<HTMLElement>('#comment-c1')
  if (!first) throw new Error('comment c1 not rendered')
  expect(within(first).getAllByRole('time')[0]).toHaveAttribute('dateTime', '2026-11-24T20:39:42.114Z')
})

it('offers no reply links when comments are closed', () => {
  render(<CommentList comments={thread} reviewSlug="heat-review" commentsOpen={false} />)
  expect(screen.queryByRole('link', { name: /Reply to/ })).toBeNull()
})

it('keeps spoiler sections closed in <details> until opened', () => {
  const { container } = render(
    <ReviewSections
      sections={[
        { anchor: 'plot-1', heading: 'Plot', spoiler: false, body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Open text' }] }] },
        { anchor: 'ending-2', heading: 'Ending', spoiler: true, body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hidden twist' }] }] },
      ]}
    />,
  )
  const details = container.querySelector<HTMLElement>('#ending-2 details')
  if (!details) throw new Error('spoiler section has no <details>')
  expect(details).not.toHaveAttribute('open')
  expect(within(details).getByText('Hidden twist')).toBeInTheDocument()
  expect(container.querySelector('#plot-1 details')).toBeNull()
  expect(screen.getByRole('heading', { level: 2, name: 'Ending' })).toBeInTheDocument()
})
