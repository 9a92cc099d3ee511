import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { CommentForm } from '@/components/comments/comment-form.client'
import { CommentList } from '@/components/comments/comment-list'
import { ReportForm } from '@/components/comments/report-form.client'
import { ReaderRating } from '@/components/reviews/reader-rating'
import type { Comment } from '@/lib/cms/comments'
import { type CommentFormState, messages } from '@/lib/comments/form-state'
import { type ReportFormState, reportMessages } from '@/lib/comments/report-state'

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }))

beforeEach(() => {
  globalThis.fetch = jest.fn().mockResolvedValue(undefined)
})

describe('the star rating on the comment form', () => {
  const renderForm = (action: (s: CommentFormState, f: FormData) => Promise<CommentFormState>) =>
    render(<CommentForm action={action} formToken={null} replyTo={null} cancelReplyHref="/reviews/x#respond" permalink="/reviews/x" />)

  it('is a group of real radio buttons, "No rating" chosen first, each star with its own label', () => {
    renderForm(jest.fn())
    const group = screen.getByRole('group', { name: 'Your rating of the film' })
    const radios = within(group).getAllByRole('radio')
    expect(radios.map((radio) => radio.getAttribute('value'))).toEqual(['', '1', '2', '3', '4', '5'])
    expect(screen.getByLabelText('No rating')).toBeChecked()
    expect(screen.getByRole('radio', { name: '1 star' })).not.toBeChecked()
    expect(screen.getByRole('radio', { name: '5 stars' })).toHaveAttribute('name', 'rating')
  })

  it('moves through the stars with the arrow keys and posts the chosen one', async () => {
    const user = userEvent.setup()
    const sent: FormData[] = []
    const action = async (state: CommentFormState, formData: FormData) => {
      sent.push(formData)
      return state
    }
    renderForm(action)
    await user.click(screen.getByLabelText('No rating'))
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}')
    expect(screen.getByRole('radio', { name: '3 stars' })).toBeChecked()
    await user.click(screen.getByRole('button', { name: 'Post Comment' }))
    expect(sent[0]?.get('rating')).toBe('3')
  })

  it('keeps the reader\'s stars after a failed post, and names a rating error in the summary', async () => {
    const user = userEvent.setup()
    const action = async (_s: CommentFormState, f: FormData): Promise<CommentFormState> => ({
      status: 'error',
      message: messages.fixErrors,
      fieldErrors: { rating: messages.ratingInvalid },
      values: { name: '', email: '', website: '', comment: '', rating: String(f.get('rating')) },
      submittedAt: 2,
    })
    renderForm(action)
    await user.click(screen.getByRole('radio', { name: '4 stars' }))
    await user.click(screen.getByRole('button', { name: 'Post Comment' }))
    expect(await screen.findByRole('link', { name: `Your rating: ${messages.ratingInvalid}` })).toHaveAttribute('href', '#rating')
    expect(screen.getByRole('radio', { name: '4 stars' })).toBeChecked()
  })
})

describe('the readers\' score', () => {
  it('reads "Readers: 4.2 out of 5 from 37 ratings"', () => {
    render(<ReaderRating rating={{ average: 4.2, count: 37 }} />)
    expect(screen.getByTestId('reader-rating')).toHaveTextContent('Readers:★4.2 out of 5 from 37 ratings')
  })

  it('shows nothing when the CMS gives no score (below the minimum)', () => {
    const { container } = render(<ReaderRating rating={null} />)
    expect(container).toBeEmptyDOMElement()
  })
})

describe('each comment in the thread', () => {
  const thread: Comment[] = [
    { id: 'c1', authorName: 'Ada', website: null, body: 'Loved it', createdAt: '2026-11-24T20:39:42.114Z', depth: 1, rating: 4, replies: [] },
    { id: 'c2', authorName: 'Bea', website: null, body: 'Meh', createdAt: '2026-11-24T20:40:42.114Z', depth: 1, rating: null, replies: [] },
  ]

  it('shows its own stars as text, and links to a report page for it', () => {
    render(<CommentList comments={thread} reviewSlug="heat-review" commentsOpen />)
    expect(screen.getByText('Rated the film 4 out of 5')).toHaveClass('sr-only')
    expect(screen.queryAllByText(/Rated the film/)).toHaveLength(1)
    expect(screen.getByRole('link', { name: 'Report the comment by Ada' })).toHaveAttribute('href', '/reviews/heat-review/report/c1')
    expect(screen.getByRole('link', { name: 'Report the comment by Bea' })).toHaveAttribute('href', '/reviews/heat-review/report/c2')
  })

  it('can be reported even when comments are closed', () => {
    render(<CommentList comments={thread} reviewSlug="heat-review" commentsOpen={false} />)
    expect(screen.queryByRole('link', { name: /^Reply/ })).toBeNull()
    expect(screen.getAllByRole('link', { name: /^Report the comment/ })).toHaveLength(2)
  })
})

describe('the report form', () => {
  it('offers the reasons as radio buttons and keeps the note after an error', async () => {
    const user = userEvent.setup()
    const action = async (_s: ReportFormState, f: FormData): Promise<ReportFormState> => ({
      status: 'error',
      message: reportMessages.fixErrors,
      fieldErrors: { reason: reportMessages.reasonRequired },
      values: { reason: String(f.get('reason') ?? ''), note: String(f.get('note')) },
      submittedAt: 1,
    })
    render(<ReportForm action={action} permalink="/reviews/x/report/c1" />)
    const reasons = within(screen.getByRole('group', { name: /Why should a moderator look/ })).getAllByRole('radio')
    expect(reasons.map((radio) => radio.getAttribute('value'))).toEqual(['spam', 'abuse', 'off-topic', 'spoiler', 'other'])
    await user.type(screen.getByLabelText(/^Note for the moderator/), 'Spoils the end')
    await user.click(screen.getByRole('button', { name: 'Send report' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(reportMessages.fixErrors)
    expect(screen.getByText(reportMessages.reasonRequired)).toBeInTheDocument()
    expect(screen.getByLabelText(/^Note for the moderator/)).toHaveValue('Spoils the end')
  })
})
