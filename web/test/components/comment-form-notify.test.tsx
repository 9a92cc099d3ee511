import { render, screen } from '@testing-library/react'
import { CommentForm } from '@/components/comments/comment-form.client'
import { type CommentFormState, emptyValues, messages } from '@/lib/comments/form'

jest.mock('next/navigation', () => ({ useRouter: () => ({ refresh: jest.fn() }) }))

const TOKEN = `1764000000000.${'a'.repeat(64)}`

const renderWith = (state: CommentFormState) => {
  const action = jest.fn(async () => state)
  return render(<CommentForm action={action} formToken={TOKEN} replyTo={null} cancelReplyHref="/reviews/heat-review#respond" permalink="/reviews/heat-review" initialState={state} />)
}

it('offers the two notification boxes, unticked, as plain checkboxes in the form post', () => {
  renderWith({ status: 'idle', message: null, fieldErrors: {}, values: emptyValues, submittedAt: 0 })
  const replies = screen.getByLabelText<HTMLInputElement>('Notify me of follow-up comments by email.')
  const approval = screen.getByLabelText<HTMLInputElement>('Tell me when my comment is approved.')
  expect([replies.type, replies.name, replies.checked]).toEqual(['checkbox', 'notifyReplies', false])
  expect([approval.type, approval.name, approval.checked]).toEqual(['checkbox', 'notifyApproval', false])
  expect(replies.closest('form')).not.toBeNull()
})

it('keeps the boxes ticked after a failed post', () => {
  renderWith({
    status: 'error',
    message: messages.fixErrors,
    fieldErrors: { email: messages.emailInvalid },
    values: { ...emptyValues, email: 'nope', notifyReplies: true, notifyApproval: true },
    submittedAt: 1,
  })
  expect(screen.getByLabelText<HTMLInputElement>('Notify me of follow-up comments by email.').checked).toBe(true)
  expect(screen.getByLabelText<HTMLInputElement>('Tell me when my comment is approved.').checked).toBe(true)
})
