'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import { type CommentFormState, type Field, HONEYPOT_FIELD, initialCommentFormState } from '@/lib/comments/form-state';

export const SAVED_DETAILS_KEY = 'marquee:commenter';

type SavedDetails = { name: string; email: string; website: string };

function readSaved(): SavedDetails | null {
  try {
    const raw = window.localStorage.getItem(SAVED_DETAILS_KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const pick = (k: string) => (k in value ? String(Reflect.get(value, k) ?? '') : '');
    return { name: pick('name'), email: pick('email'), website: pick('website') };
  } catch {
    return null;
  }
}

const LABELS: Record<Field, string> = {
  name: 'Name',
  email: 'Email',
  website: 'Website',
  comment: 'Comment',
  rating: 'Your rating',
};
const REQUIRED: Record<Field, boolean> = { name: true, email: true, website: false, comment: true, rating: false };
const ORDER: Field[] = ['comment', 'rating', 'name', 'email', 'website'];
const STARS = ['1', '2', '3', '4', '5'] as const;

/**
 * The reader's stars for the film: a plain radio group (arrow keys, no JavaScript needed) drawn as stars by CSS,
 * with "No rating" first so that rating stays a choice. Each star has a real label ("3 stars").
 */
function StarRating({ value, error, formKey }: { value: string; error: string | undefined; formKey: number }) {
  const chosen = STARS.includes(value as (typeof STARS)[number]) ? value : '';
  return (
    <fieldset
      id="rating"
      className="field star-rating"
      aria-describedby={error ? 'rating-error' : 'rating-notes'}
      key={`rating-${formKey}`}
    >
      <legend>{LABELS.rating} of the film</legend>
      <span id="rating-notes" className="muted small">
        Optional. It counts towards the readers’ score once your comment is approved.
      </span>
      <span className="stars">
        <input type="radio" id="rating-none" name="rating" value="" defaultChecked={chosen === ''} />
        <label htmlFor="rating-none" className="star-none">
          No rating
        </label>
        {STARS.map((n) => (
          <span key={n} className="star">
            {/* The glyph is decoration; the label's words ("3 stars") name the choice for screen readers. */}
            <input type="radio" id={`rating-${n}`} name="rating" value={n} defaultChecked={chosen === n} />
            <label htmlFor={`rating-${n}`}>
              <span aria-hidden="true">★</span>
              <span className="sr-only">{n === '1' ? '1 star' : `${n} stars`}</span>
            </label>
          </span>
        ))}
      </span>
      {error ? (
        <span id="rating-error" className="field-error">
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}

/** One labelled field: its label (with the required marker), its control, and its error, which the control names. */
function FieldRow({ field, error, children }: { field: Field; error: string | undefined; children: React.ReactNode }) {
  return (
    <p className="field">
      <label htmlFor={field}>
        {LABELS[field]}
        {REQUIRED[field] ? (
          <>
            {' '}
            <span className="required" aria-hidden="true">
              *
            </span>
          </>
        ) : null}
      </label>
      {children}
      {error ? (
        <span id={`${field}-error`} className="field-error">
          {error}
        </span>
      ) : null}
    </p>
  );
}

export type CommentAction = (state: CommentFormState, formData: FormData) => Promise<CommentFormState>;

export type CommentFormProps = {
  action: CommentAction;
  /** A token of the reader's own, when the page was rendered for them alone; shared pages carry none. */
  formToken: string | null;
  replyTo: { id: string; authorName: string } | null;
  cancelReplyHref: string;
  /** The review's own address: where the form posts before (or without) JavaScript, instead of an empty action. */
  permalink: string;
  /** The answer to a post made without JavaScript, carried across the redirect back here. */
  initialState?: CommentFormState;
};

export function CommentForm({
  action,
  formToken,
  replyTo,
  cancelReplyHref,
  permalink,
  initialState = initialCommentFormState,
}: CommentFormProps) {
  const [state, formAction, pending] = useActionState(action, initialState, permalink);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const errorFields = ORDER.filter((f) => state.fieldErrors[f]);
  const stamp = useRef<Promise<unknown> | null>(null);
  const router = useRouter();

  // Stamps when this reader began to write (lib/comments/form-token.ts): once, on the form's first focus, and again
  // after an answer, in case the stamp was refused or has run out. A post that beats the stamp's answer (no person
  // writes that fast) is told to post again, with everything kept.
  function stampStart(): Promise<unknown> {
    stamp.current ??= fetch('/api/comment-token', {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
    }).catch(() => {
      stamp.current = null;
    });
    return stamp.current;
  }
  useEffect(() => {
    stamp.current = null;
    // A post that succeeded set the reader's own cookie: fetch the page again, now rendered for them (their
    // comment awaiting moderation, or the thread with it approved).
    if (state.status === 'success') router.refresh();
  }, [state.status, state.submittedAt, router]);

  // Restores the reader's saved details (only ever saved when they ticked the box).
  useEffect(() => {
    const saved = readSaved();
    const form = formRef.current;
    if (!saved || !form) return;
    for (const key of ['name', 'email', 'website'] as const) {
      const input = form.elements.namedItem(key);
      if (input instanceof HTMLInputElement && input.value === '') input.value = saved[key];
    }
    const box = form.elements.namedItem('saveDetails');
    if (box instanceof HTMLInputElement) box.checked = true;
  }, [state.submittedAt]);

  useEffect(() => {
    if (state.status === 'error') summaryRef.current?.focus();
  }, [state.status, state.submittedAt]);

  function rememberDetails(event: React.FormEvent<HTMLFormElement>) {
    const data = new FormData(event.currentTarget);
    try {
      if (data.get('saveDetails') === 'on') {
        const text = (k: string) => {
          const v = data.get(k);
          return typeof v === 'string' ? v : '';
        };
        window.localStorage.setItem(
          SAVED_DETAILS_KEY,
          JSON.stringify({ name: text('name'), email: text('email'), website: text('website') }),
        );
      } else {
        window.localStorage.removeItem(SAVED_DETAILS_KEY);
      }
    } catch {
      // Storage can be disabled; posting must not depend on it.
    }
  }

  const describedBy = (field: Field, extra?: string) =>
    [extra, state.fieldErrors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ') || undefined;

  /** What every field's control shares: its name, its error wiring, and what the reader typed before a failure. */
  const control = (field: Field, extraDescription?: string) => ({
    id: field,
    name: field,
    'aria-invalid': state.fieldErrors[field] ? true : undefined,
    'aria-describedby': describedBy(field, extraDescription),
    defaultValue: state.values[field],
  });

  return (
    <div id="respond" className="respond">
      <h2 id="reply-title">
        {replyTo ? <>Reply to {replyTo.authorName}</> : 'Leave a Reply'}
        {replyTo ? (
          <small>
            {' '}
            <Link prefetch={false} href={cancelReplyHref} scroll={false}>
              Cancel reply
            </Link>
          </small>
        ) : null}
      </h2>

      <div
        role="status"
        aria-live="polite"
        className={state.status === 'success' ? 'notice notice-success' : 'sr-only'}
      >
        {state.status === 'success' ? state.message : ''}
      </div>

      {state.status === 'error' ? (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          className="notice notice-error"
          aria-labelledby="error-summary-title"
        >
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

      <form
        ref={formRef}
        action={formAction}
        onSubmit={rememberDetails}
        onFocus={() => void stampStart()}
        noValidate
        className="comment-form"
        aria-labelledby="reply-title"
        aria-describedby="comment-notes"
      >
        <p id="comment-notes" className="comment-notes">
          <span id="email-notes">Your email address will not be published.</span> Required fields are marked{' '}
          <span className="required" aria-hidden="true">
            *
          </span>
          <span className="sr-only">as required</span>.
        </p>
        {formToken ? <input type="hidden" name="formToken" value={formToken} /> : null}
        <noscript>
          {/* Without JavaScript, loading this image stamps when the reader began to write. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src="/api/comment-token" alt="" width={1} height={1} className="form-stamp" />
        </noscript>
        <div className="hp" aria-hidden="true">
          <label htmlFor={HONEYPOT_FIELD}>Leave this field empty</label>
          <input
            id={HONEYPOT_FIELD}
            name={HONEYPOT_FIELD}
            type="text"
            tabIndex={-1}
            autoComplete="off"
            defaultValue=""
          />
        </div>

        <FieldRow field="comment" error={state.fieldErrors.comment}>
          <textarea {...control('comment')} key={`comment-${state.submittedAt}`} rows={8} maxLength={5000} required />
        </FieldRow>

        <StarRating value={state.values.rating} error={state.fieldErrors.rating} formKey={state.submittedAt} />

        <FieldRow field="name" error={state.fieldErrors.name}>
          <input
            {...control('name')}
            key={`name-${state.submittedAt}`}
            type="text"
            autoComplete="name"
            maxLength={100}
            required
          />
        </FieldRow>

        <FieldRow field="email" error={state.fieldErrors.email}>
          <input
            {...control('email', 'email-notes')}
            key={`email-${state.submittedAt}`}
            type="email"
            autoComplete="email"
            maxLength={254}
            required
          />
        </FieldRow>

        <FieldRow field="website" error={state.fieldErrors.website}>
          <input
            {...control('website')}
            key={`website-${state.submittedAt}`}
            type="url"
            inputMode="url"
            autoComplete="url"
            maxLength={200}
          />
        </FieldRow>

        <p className="field field-checkbox">
          <input
            id="notifyReplies"
            name="notifyReplies"
            type="checkbox"
            key={`notifyReplies-${state.submittedAt}`}
            defaultChecked={state.values.notifyReplies ?? false}
          />
          <label htmlFor="notifyReplies">Notify me of follow-up comments by email.</label>
        </p>
        <p className="field field-checkbox">
          <input
            id="notifyApproval"
            name="notifyApproval"
            type="checkbox"
            key={`notifyApproval-${state.submittedAt}`}
            defaultChecked={state.values.notifyApproval ?? false}
          />
          <label htmlFor="notifyApproval">Tell me when my comment is approved.</label>
        </p>

        <p className="field field-checkbox">
          <input id="saveDetails" name="saveDetails" type="checkbox" />
          <label htmlFor="saveDetails">
            Save my name, email and website in this browser for the next time I comment.
          </label>
        </p>

        <p className="form-submit">
          <button type="submit" disabled={pending} aria-disabled={pending}>
            {pending ? 'Posting…' : 'Post Comment'}
          </button>
        </p>
      </form>
    </div>
  );
}
