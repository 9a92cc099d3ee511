'use server';

import { cookies, headers } from 'next/headers';
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { CmsError } from '@/lib/cms/client';
import { postComment } from '@/lib/cms/comments';
import { tags } from '@/lib/cms/tags';
import {
  CMS_FIELD_TO_FORM,
  type CommentFormState,
  type CommentTarget,
  type Field,
  HONEYPOT_FIELD,
  commentInputSchema,
  emptyValues,
  messages,
  readValues,
} from '@/lib/comments/form';
import { clientAddress } from '@/lib/client-address';
import { PENDING_COOKIE, reviewCookiePath } from '@/lib/comments/cookies';
import { FLASH_COOKIE, FLASH_TTL_S, saveFlash } from '@/lib/comments/flash';
import { FORM_STAMP_COOKIE, FORM_TOKEN_PATTERN, readFormStamp } from '@/lib/comments/form-token';
import { PENDING_MAX_AGE_S, encodePending } from '@/lib/comments/pending';
import { signCookie } from '@/lib/comments/signed-cookie';
import { env } from '@/lib/env';

function text(formData: FormData, key: string): string {
  const v = formData.get(key);
  return typeof v === 'string' ? v : '';
}

function failure(
  values: CommentFormState['values'],
  message: string,
  fieldErrors: CommentFormState['fieldErrors'] = {},
): CommentFormState {
  return { status: 'error', message, fieldErrors, values, submittedAt: Date.now() };
}

function fromCmsError(error: CmsError, values: CommentFormState['values']): CommentFormState {
  switch (error.status) {
    case 400: {
      const fieldErrors: Partial<Record<Field, string>> = {};
      for (const e of error.fieldErrors) {
        const field = CMS_FIELD_TO_FORM[e.field.split('.').pop() ?? ''];
        if (field && !fieldErrors[field]) fieldErrors[field] = e.message;
      }
      const tokenRejected = error.fieldErrors.some((e) => e.field.endsWith('formToken'));
      if (tokenRejected) return failure(values, messages.formExpired);
      return Object.keys(fieldErrors).length > 0
        ? failure(values, messages.fixErrors, fieldErrors)
        : failure(values, messages.unavailable);
    }
    case 403:
      return failure(values, messages.closed);
    case 404:
      return failure(values, messages.notFound);
    case 409:
      return failure(values, messages.duplicate);
    case 429:
      return failure(values, messages.tooFast);
    default:
      return failure(values, messages.unavailable);
  }
}

/**
 * "Leave a Reply": validates, posts to the CMS, and remembers the reader's pending comment in a signed cookie.
 * With JavaScript the state goes back to useActionState; without it (no `Next-Action` header) the state is
 * stashed and the reader is redirected back to the form (see lib/comments/flash.ts for why).
 */
export async function submitComment(
  target: CommentTarget,
  previous: CommentFormState,
  formData: FormData,
): Promise<CommentFormState> {
  const h = await headers();
  // Next lets an action run when Origin matches Host or X-Forwarded-Host, both of which a client can write when it
  // reaches the server directly; the site's own origin is the one that may post.
  const origin = h.get('origin');
  if (origin !== null && origin !== new URL(env().SITE_URL).origin) {
    return failure(readValues(formData), messages.wrongOrigin);
  }
  const state = await handle(target, previous, formData, h);
  if (h.get('next-action')) return state;

  const jar = await cookies();
  const flash = await saveFlash(target.reviewId, state).catch((error: unknown) => {
    console.error(
      'The comment answer could not be kept for the redirect:',
      error instanceof Error ? error.message : error,
    );
    return null;
  });
  const cookieSecret = env().COMMENT_COOKIE_SECRET;
  if (flash && cookieSecret) {
    jar.set(FLASH_COOKIE, signCookie(cookieSecret, FLASH_COOKIE, flash, Date.now() / 1000 + FLASH_TTL_S), {
      httpOnly: true,
      sameSite: 'lax',
      secure: env().SITE_URL.startsWith('https:'),
      path: reviewCookiePath(target.reviewSlug),
      maxAge: FLASH_TTL_S,
    });
  }
  const back = `/reviews/${encodeURIComponent(target.reviewSlug)}`;
  if (state.status === 'success') redirect(`${back}#comments`);
  redirect(`${back}${target.parentId ? `/reply/${encodeURIComponent(target.parentId)}` : ''}#respond`);
}

async function handle(
  target: CommentTarget,
  _previous: CommentFormState,
  formData: FormData,
  h: Headers,
): Promise<CommentFormState> {
  const values = readValues(formData);
  const parsed = commentInputSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors: Partial<Record<Field, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (
        (field === 'name' || field === 'email' || field === 'website' || field === 'comment' || field === 'rating') &&
        !fieldErrors[field]
      ) {
        fieldErrors[field] = issue.message;
      }
    }
    return failure(values, messages.fixErrors, fieldErrors);
  }

  // The reader's own stamp (see lib/comments/form-token.ts), else the token of a form rendered for them alone.
  const secret = env().COMMENT_FORM_SECRET;
  const stamped = secret ? readFormStamp(secret, (await cookies()).get(FORM_STAMP_COOKIE)?.value) : null;
  const formToken = stamped ?? text(formData, 'formToken');
  if (!FORM_TOKEN_PATTERN.test(formToken)) return failure(values, messages.formExpired);

  const input = parsed.data;
  let created;
  try {
    created = await postComment(
      {
        authorName: input.name,
        authorEmail: input.email,
        ...(input.website ? { authorWebsite: input.website } : {}),
        body: input.comment,
        review: target.reviewId,
        ...(target.parentId ? { parent: target.parentId } : {}),
        ...(input.rating !== null ? { rating: input.rating } : {}),
        honeypot: text(formData, HONEYPOT_FIELD),
        formToken,
        ...(values.notifyReplies ? { notifyReplies: true } : {}),
        ...(values.notifyApproval ? { notifyApproval: true } : {}),
      },
      {
        ip: clientAddress(h, { hops: env().TRUSTED_PROXY_HOPS, secret: env().TRUSTED_PROXY_SECRET }),
        userAgent: h.get('user-agent'),
      },
    );
  } catch (error) {
    if (error instanceof CmsError) return fromCmsError(error, values);
    throw error;
  }

  if (created.moderationStatus === 'approved') {
    updateTag(tags.reviewComments(target.reviewSlug));
    return {
      status: 'success',
      message: messages.published,
      fieldErrors: {},
      values: emptyValues,
      submittedAt: Date.now(),
    };
  }

  const { COMMENT_COOKIE_SECRET, SITE_URL } = env();
  if (COMMENT_COOKIE_SECRET) {
    const jar = await cookies();
    jar.set(
      PENDING_COOKIE,
      encodePending(COMMENT_COOKIE_SECRET, {
        reviewId: target.reviewId,
        id: created.id,
        name: created.authorName,
        body: created.body,
        createdAt: created.createdAt,
        parent: created.parent,
      }),
      {
        httpOnly: true,
        sameSite: 'lax',
        secure: SITE_URL.startsWith('https:'),
        path: reviewCookiePath(target.reviewSlug),
        maxAge: PENDING_MAX_AGE_S,
      },
    );
  }
  return {
    status: 'success',
    message: messages.awaitingModeration,
    fieldErrors: {},
    values: emptyValues,
    submittedAt: Date.now(),
  };
}
