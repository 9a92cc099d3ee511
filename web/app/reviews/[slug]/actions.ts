'use server'

import { cookies, headers } from 'next/headers'
import { updateTag } from 'next/cache'
import { redirect } from 'next/navigation'
import { CmsError } from '@/lib/cms/client'
import { postComment } from '@/lib/cms/comments'
import { tags } from '@/lib/cms/tags'
import {
  CMS_FIELD_TO_FORM,
  type CommentFormState,
  type Field,
  HONEYPOT_FIELD,
  commentInputSchema,
  emptyValues,
  messages,
  readValues,
} from '@/lib/comments/form'
import { FLASH_COOKIE, FLASH_TTL_S, saveFlash } from '@/lib/comments/flash'
import { FORM_TOKEN_PATTERN } from '@/lib/comments/form-token'
import { PENDING_MAX_AGE_S, encodePending, pendingCookieName } from '@/lib/comments/pending'
import { env } from '@/lib/env'

export type CommentTarget = { reviewId: string; reviewSlug: string; parentId: string | null }

function text(formData: FormData, key: string): string {
  const v = formData.get(key)
  return typeof v === 'string' ? v : ''
}

/** The reader's address as Next received it: first hop of X-Forwarded-For, else X-Real-IP. */
function clientIp(h: Headers): string | null {
  const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim()
  return forwarded || h.get('x-real-ip')?.trim() || null
}

function failure(values: CommentFormState['values'], message: string, fieldErrors: CommentFormState['fieldErrors'] = {}): CommentFormState {
  return { status: 'error', message, fieldErrors, values, submittedAt: Date.now() }
}

function fromCmsError(error: CmsError, values: CommentFormState['values']): CommentFormState {
  switch (error.status) {
    case 400: {
      const fieldErrors: Partial<Record<Field, string>> = {}
      for (const e of error.fieldErrors) {
        const field = CMS_FIELD_TO_FORM[e.field.split('.').pop() ?? '']
        if (field && !fieldErrors[field]) fieldErrors[field] = e.message
      }
      const tokenRejected = error.fieldErrors.some((e) => e.field.endsWith('formToken'))
      if (tokenRejected) return failure(values, messages.formExpired)
      return Object.keys(fieldErrors).length > 0 ? failure(values, messages.fixErrors, fieldErrors) : failure(values, messages.unavailable)
    }
    case 403:
      return failure(values, messages.closed)
    case 404:
      return failure(values, messages.notFound)
    case 409:
      return failure(values, messages.duplicate)
    case 429:
      return failure(values, messages.tooFast)
    default:
      return failure(values, messages.unavailable)
  }
}

/**
 * "Leave a Reply": validates, posts to the CMS, and remembers the reader's pending comment in a signed cookie.
 * With JavaScript the state goes back to useActionState; without it (no `Next-Action` header) the state is
 * stashed and the reader is redirected back to the form (see lib/comments/flash.ts for why).
 */
export async function submitComment(target: CommentTarget, previous: CommentFormState, formData: FormData): Promise<CommentFormState> {
  const h = await headers()
  const state = await handle(target, previous, formData, h)
  if (h.get('next-action')) return state

  const jar = await cookies()
  jar.set(FLASH_COOKIE, saveFlash(target.reviewId, state), { httpOnly: true, sameSite: 'lax', secure: env().SITE_URL.startsWith('https:'), path: '/', maxAge: FLASH_TTL_S })
  const back = `/reviews/${encodeURIComponent(target.reviewSlug)}`
  if (state.status === 'success') redirect(`${back}#comments`)
  redirect(`${back}${target.parentId ? `?replyTo=${encodeURIComponent(target.parentId)}` : ''}#respond`)
}

async function handle(target: CommentTarget, _previous: CommentFormState, formData: FormData, h: Headers): Promise<CommentFormState> {
  const values = readValues(formData)
  const parsed = commentInputSchema.safeParse(values)
  if (!parsed.success) {
    const fieldErrors: Partial<Record<Field, string>> = {}
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      if ((field === 'name' || field === 'email' || field === 'website' || field === 'comment') && !fieldErrors[field]) {
        fieldErrors[field] = issue.message
      }
    }
    return failure(values, messages.fixErrors, fieldErrors)
  }

  const formToken = text(formData, 'formToken')
  if (!FORM_TOKEN_PATTERN.test(formToken)) return failure(values, messages.formExpired)

  const input = parsed.data
  let created
  try {
    created = await postComment(
      {
        authorName: input.name,
        authorEmail: input.email,
        ...(input.website ? { authorWebsite: input.website } : {}),
        body: input.comment,
        review: target.reviewId,
        ...(target.parentId ? { parent: target.parentId } : {}),
        honeypot: text(formData, HONEYPOT_FIELD),
        formToken,
      },
      { ip: clientIp(h), userAgent: h.get('user-agent') },
    )
  } catch (error) {
    if (error instanceof CmsError) return fromCmsError(error, values)
    throw error
  }

  if (created.moderationStatus === 'approved') {
    updateTag(tags.reviewComments(target.reviewSlug))
    return { status: 'success', message: messages.published, fieldErrors: {}, values: emptyValues, submittedAt: Date.now() }
  }

  const { COMMENT_COOKIE_SECRET, SITE_URL } = env()
  if (COMMENT_COOKIE_SECRET) {
    const jar = await cookies()
    jar.set(pendingCookieName(target.reviewId), encodePending(COMMENT_COOKIE_SECRET, {
      id: created.id,
      name: created.authorName,
      body: created.body,
      createdAt: created.createdAt,
      parent: created.parent,
    }), {
      httpOnly: true,
      sameSite: 'lax',
      secure: SITE_URL.startsWith('https:'),
      path: '/',
      maxAge: PENDING_MAX_AGE_S,
    })
  }
  return { status: 'success', message: messages.awaitingModeration, fieldErrors: {}, values: emptyValues, submittedAt: Date.now() }
}
