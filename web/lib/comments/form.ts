import { z } from 'zod'

/** Shared by the server action and the form: field names, limits, messages, and the state the action returns. */

export const FIELDS = ['name', 'email', 'website', 'comment'] as const
export type Field = (typeof FIELDS)[number]
export type CommentFormValues = Record<Field, string>

export const HONEYPOT_FIELD = 'phone_number'

export const messages = {
  nameRequired: 'Please enter your name.',
  nameTooLong: 'Your name can be at most 100 characters.',
  emailRequired: 'Please enter your email address.',
  emailInvalid: 'Please enter a valid email address, like name@example.com.',
  websiteInvalid: 'Please enter a web address starting with http:// or https://, or leave it empty.',
  commentRequired: 'Please write a comment.',
  commentTooLong: 'Your comment can be at most 5,000 characters.',
  fixErrors: 'Your comment was not posted. Please fix the errors below; what you wrote is still here.',
  formExpired: 'This form has expired. Please post again: what you wrote is still here.',
  closed: 'Comments are closed on this review.',
  notFound: 'This review, or the comment you are replying to, is no longer available.',
  duplicate: 'It looks as though you have already said that.',
  tooFast: 'You are posting comments too quickly. Please wait a minute and try again.',
  unavailable: 'We could not post your comment just now. Please try again in a moment: what you wrote is still here.',
  awaitingModeration: 'Thank you! Your comment is awaiting moderation.',
  published: 'Thank you! Your comment has been published.',
} as const

export const CMS_FIELD_TO_FORM: Record<string, Field> = {
  authorName: 'name',
  authorEmail: 'email',
  authorWebsite: 'website',
  body: 'comment',
}

const optionalWebsite = z
  .string()
  .trim()
  .max(200, messages.websiteInvalid)
  .transform((v) => (v !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
  .refine((v) => {
    if (v === '') return true
    try {
      const url = new URL(v)
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.')
    } catch {
      return false
    }
  }, messages.websiteInvalid)

export const commentInputSchema = z.object({
  name: z.string().trim().min(1, messages.nameRequired).max(100, messages.nameTooLong),
  email: z.string().trim().min(1, messages.emailRequired).pipe(z.email(messages.emailInvalid).max(254, messages.emailInvalid)),
  website: optionalWebsite,
  comment: z.string().trim().min(1, messages.commentRequired).max(5000, messages.commentTooLong),
})
export type CommentInput = z.output<typeof commentInputSchema>

export type CommentFormState = {
  status: 'idle' | 'error' | 'success'
  message: string | null
  fieldErrors: Partial<Record<Field, string>>
  /** What the reader typed, sent back on every failure so nothing is lost. Empty after a success. */
  values: CommentFormValues
  /** Changes on every answer, so the form can react to two identical errors in a row. */
  submittedAt: number
}

export const emptyValues: CommentFormValues = { name: '', email: '', website: '', comment: '' }

export const initialCommentFormState: CommentFormState = {
  status: 'idle',
  message: null,
  fieldErrors: {},
  values: emptyValues,
  submittedAt: 0,
}

export function readValues(formData: FormData): CommentFormValues {
  const get = (key: string) => {
    const v = formData.get(key)
    return typeof v === 'string' ? v : ''
  }
  return { name: get('name'), email: get('email'), website: get('website'), comment: get('comment') }
}
