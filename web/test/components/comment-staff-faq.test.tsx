import { render, screen, within } from '@testing-library/react'
import { CommentList } from '@/components/comments/comment-list'
import { FaqList } from '@/components/reviews/review-body'
import type { Comment } from '@/lib/cms/comments'

const thread: Comment[] = [
  { id: 'q1', authorName: 'Ayşe', website: null, body: 'Is the Turkish remake worth watching?', createdAt: '2026-11-24T20:39:42.114Z', depth: 1, rating: null, faqId: 'faq1', replies: [
    { id: 's1', authorName: 'Mo Desk', website: null, body: 'We answered it below.', createdAt: '2026-11-24T20:40:42.114Z', depth: 2, rating: null, isStaff: true, replies: [] },
  ] },
  { id: 'r1', authorName: 'Reader', website: null, body: 'Plain comment', createdAt: '2026-11-24T20:41:42.114Z', depth: 1, rating: null, isStaff: false, faqId: null, replies: [] },
]

it('marks a staff reply with a Staff badge, and nobody else', () => {
  const { container } = render(<CommentList comments={thread} reviewSlug="heat-review" commentsOpen />)
  const staff = container.querySelector('#comment-s1')
  const reader = container.querySelector('#comment-r1')
  if (!(staff instanceof HTMLElement) || !(reader instanceof HTMLElement)) throw new Error('comments not rendered')
  expect(within(staff).getByText('Staff')).toBeTruthy()
  expect(within(reader).queryByText('Staff')).toBeNull()
  expect(screen.getAllByText('Staff')).toHaveLength(1)
})

it('links a comment answered in the FAQ to that question on the review page', () => {
  const { container } = render(<CommentList comments={thread} reviewSlug="heat-review" commentsOpen />)
  const asked = container.querySelector('#comment-q1')
  if (!(asked instanceof HTMLElement)) throw new Error('comment q1 not rendered')
  const link = within(asked).getAllByRole('link', { name: 'Answered in our FAQ' })[0]
  expect(link?.getAttribute('href')).toBe('/reviews/heat-review#faq-faq1')
  expect(screen.getAllByRole('link', { name: 'Answered in our FAQ' })).toHaveLength(1)
})

it('gives every FAQ item the anchor comments link to', () => {
  const { container } = render(
    <FaqList faqs={[{ id: 'faq1', question: 'Is the Turkish remake worth watching?', order: 1, answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'Yes.' }] }] }]} />,
  )
  expect(container.querySelector('details#faq-faq1 summary')?.textContent).toBe('Is the Turkish remake worth watching?')
})
