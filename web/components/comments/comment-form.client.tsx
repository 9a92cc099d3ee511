'use client'

import Link from 'next/link'
import { useActionState, useEffect, useRef } from 'react'
import { type CommentFormState, type Field, HONEYPOT_FIELD, initialCommentFormState } from '@/lib/comments/form-state'

export const SAVED_DETAILS_KEY = 'marquee:commenter'

type SavedDetails = { name: string; email: string; website: string }

function readSaved(): SavedDetails | null {
  try {
    const raw = window.localStorage.getItem(SAVED_DETAILS_KEY)
    if (!raw) return null
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null) return null
    const pick = (k: string) => (k in value ? String(Reflect.get(value, k) ?? '') : '')
    return { name: pick('name'), email: pick('email'), website: pick('website') }
  } catch {
    return null
  }
}

const LABELS: Record<Field, string> = { name: 'Name', email: 'Email', website: 'Website', comment: 'Comment' }
const ORDER: Field[] = ['comment', 'name', 'email', 'website']

export type CommentFormProps = {
  action: (state: CommentFormState, formData: FormData) => Promise<CommentFormState>
  formToken: string
  replyTo: { id: string; authorName: string } | null
  cancelReplyHref: string
  /** The answer to a post made without JavaScript, carried across the redirect back here. */
  initialState?: CommentFormState
}

export function CommentForm({ action, formToken, replyTo, cancelReplyHref, initialState = initialCommentFormState }: CommentFormProps) {
  const [state, formAction, pending] = useActionState(action, initialState)
  const formRef = useRef<HTMLFormElement>(null)
  const summaryRef = useRef<HTMLDivElement>(null)
  const errorFields = ORDER.filter((f) => state.fieldErrors[f])

  // Restores the reader's saved details (only ever saved when they ticked the box).
  useEffect(() => {
    const saved = readSaved()
    const form = formRef.current
    if (!saved || !form) return
    for (const key of ['name', 'email', 'website'] as const) {
      const input = form.elements.namedItem(key)
      if (input instanceof HTMLInputElement && input.value === '') input.value = saved[key]
    }
    const box = form.elements.namedItem('saveDetails')
    if (box instanceof HTMLInputElement) box.checked = true
  }, [state.submittedAt])

  useEffect(() => {
    if (state.status === 'error') summaryRef.current?.focus()
  }, [state.status, state.submittedAt])

  function rememberDetails(event: React.FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget)
    try {
      if (data.get('saveDetails') === 'on') {
        const text = (k: string) => {
          const v = data.get(k)
          return typeof v === 'string' ? v : ''
        }
        window.localStorage.setItem(SAVED_DETAILS_KEY, JSON.stringify({ name: text('name'), email: text('email'), website: text('website') }))
      } else {
        window.localStorage.removeItem(SAVED_DETAILS_KEY)
      }
    } catch {
      // Storage can be disabled; posting must not depend on it.
    }
  }

  const describedBy = (field: Field, extra?: string) =>
    [extra, state.fieldErrors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined

  return (
    <div id="respond" className="respond">
      <h2 id="reply-title">
        {replyTo ? <>Reply to {replyTo.authorName}</> : 'Leave a Reply'}
        {replyTo ? (
          <small>
            {' '}
            <Link href={cancelReplyHref} scroll={false}>Cancel reply</Link>
          </small>
        ) : null}
      </h2>

      <div role="status" aria-live="polite" className={state.status === 'success' ? 'notice notice-success' : 'sr-only'}>
        {state.status === 'success' ? state.message : ''}
      </div>

      {state.status === 'error' ? (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="notice notice-error" aria-labelledby="error-summary-title">
          <p id="error-summary-title">{state.message}</p>
          {errorFields.length > 0 ? (
            <ul>
              {errorFields.map((f) => (
                <li key={f}>
                  <a href={`#${f}`}>
                    {LABELS[f]}: {state.fieldErrors[f]}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      <form ref={formRef} action={formAction} onSubmit={rememberDetails} noValidate className="comment-form" aria-labelledby="reply-title" aria-describedby="comment-notes">
        <p id="comment-notes" className="comment-notes">
          <span id="email-notes">Your email address will not be published.</span> Required fields are marked{' '}
          <span className="required" aria-hidden="true">*</span>
          <span className="sr-only">as required</span>.
        </p>
        <input type="hidden" name="formToken" value={formToken} />
        <div className="hp" aria-hidden="true">
          <label htmlFor={HONEYPOT_FIELD}>Leave this field empty</label>
          <input id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <p className="field">
          <label htmlFor="comment">
            Comment <span className="required" aria-hidden="true">*</span>
          </label>
          <textarea
            id="comment"
            name="comment"
            rows={8}
            maxLength={5000}
            required
            aria-required="true"
            aria-invalid={state.fieldErrors.comment ? true : undefined}
            aria-describedby={describedBy('comment')}
            defaultValue={state.values.comment}
            key={`comment-${state.submittedAt}`}
          />
          {state.fieldErrors.comment ? <span id="comment-error" className="field-error">{state.fieldErrors.comment}</span> : null}
        </p>

        <p className="field">
          <label htmlFor="name">
            Name <span className="required" aria-hidden="true">*</span>
          </label>
          <input
            id="name"
            name="name"
            type="text"
            autoComplete="name"
            maxLength={100}
            required
            aria-required="true"
            aria-invalid={state.fieldErrors.name ? true : undefined}
            aria-describedby={describedBy('name')}
            defaultValue={state.values.name}
            key={`name-${state.submittedAt}`}
          />
          {state.fieldErrors.name ? <span id="name-error" className="field-error">{state.fieldErrors.name}</span> : null}
        </p>

        <p className="field">
          <label htmlFor="email">
            Email <span className="required" aria-hidden="true">*</span>
          </label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="email"
            maxLength={254}
            required
            aria-required="true"
            aria-invalid={state.fieldErrors.email ? true : undefined}
            aria-describedby={describedBy('email', 'email-notes')}
            defaultValue={state.values.email}
            key={`email-${state.submittedAt}`}
          />
          {state.fieldErrors.email ? <span id="email-error" className="field-error">{state.fieldErrors.email}</span> : null}
        </p>

        <p className="field">
          <label htmlFor="website">Website</label>
          <input
            id="website"
            name="website"
            type="url"
            inputMode="url"
            autoComplete="url"
            maxLength={200}
            aria-invalid={state.fieldErrors.website ? true : undefined}
            aria-describedby={describedBy('website')}
            defaultValue={state.values.website}
            key={`website-${state.submittedAt}`}
          />
          {state.fieldErrors.website ? <span id="website-error" className="field-error">{state.fieldErrors.website}</span> : null}
        </p>

        <p className="field field-checkbox">
          <input id="saveDetails" name="saveDetails" type="checkbox" />
          <label htmlFor="saveDetails">Save my name, email and website in this browser for the next time I comment.</label>
        </p>

        <p className="form-submit">
          <button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? 'Posting…' : 'Post Comment'}
          </button>
        </p>
      </form>
    </div>
  )
}
