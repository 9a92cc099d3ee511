/**
 * The comment form's state, field names, limits and messages, shared by the server action and the form.
 * Free of zod on purpose: the client form imports this, and zod (~110 KiB) must not ride along to the browser.
 * The validation schema lives in ./form.ts, on the server.
 */
export const FIELDS = ['name', 'email', 'website', 'comment', 'rating'] as const;
export type Field = (typeof FIELDS)[number];
/** The notification boxes: ticked or not, kept across a failed post like the text fields. */
export const NOTIFY_FIELDS = ['notifyReplies', 'notifyApproval'] as const;
export type NotifyField = (typeof NOTIFY_FIELDS)[number];
export type CommentFormValues = Record<Field, string> & Partial<Record<NotifyField, boolean>>;

export const HONEYPOT_FIELD = 'phone_number';

export const messages = {
  nameRequired: 'Please enter your name.',
  nameTooLong: 'Your name can be at most 100 characters.',
  emailRequired: 'Please enter your email address.',
  emailInvalid: 'Please enter a valid email address, like name@example.com.',
  websiteInvalid: 'Please enter a web address starting with http:// or https://, or leave it empty.',
  commentRequired: 'Please write a comment.',
  commentTooLong: 'Your comment can be at most 5,000 characters.',
  ratingInvalid: 'Please choose from 1 to 5 stars, or no rating.',
  fixErrors: 'Your comment was not posted. Please fix the errors below; what you wrote is still here.',
  formExpired: 'This form has expired. Please post again: what you wrote is still here.',
  closed: 'Comments are closed on this review.',
  notFound: 'This review, or the comment you are replying to, is no longer available.',
  duplicate: 'It looks as though you have already said that.',
  tooFast: 'You are posting comments too quickly. Please wait a minute and try again.',
  unavailable: 'We could not post your comment just now. Please try again in a moment: what you wrote is still here.',
  wrongOrigin: 'Comments can only be posted from this site’s own pages.',
  awaitingModeration: 'Thank you! Your comment is awaiting moderation.',
  published: 'Thank you! Your comment has been published.',
} as const;

export const CMS_FIELD_TO_FORM: Record<string, Field> = {
  authorName: 'name',
  authorEmail: 'email',
  authorWebsite: 'website',
  body: 'comment',
  rating: 'rating',
};

export type CommentFormState = {
  status: 'idle' | 'error' | 'success';
  message: string | null;
  fieldErrors: Partial<Record<Field, string>>;
  /** What the reader typed, sent back on every failure so nothing is lost. Empty after a success. */
  values: CommentFormValues;
  /** Changes on every answer, so the form can react to two identical errors in a row. */
  submittedAt: number;
};

export const emptyValues: CommentFormValues = { name: '', email: '', website: '', comment: '', rating: '' };

export const initialCommentFormState: CommentFormState = {
  status: 'idle',
  message: null,
  fieldErrors: {},
  values: emptyValues,
  submittedAt: 0,
};

export function readValues(formData: FormData): CommentFormValues {
  const get = (key: string) => {
    const v = formData.get(key);
    return typeof v === 'string' ? v : '';
  };
  const ticked = (key: NotifyField) => (formData.get(key) === 'on' ? { [key]: true } : {});
  return {
    name: get('name'),
    email: get('email'),
    website: get('website'),
    comment: get('comment'),
    rating: get('rating'),
    ...ticked('notifyReplies'),
    ...ticked('notifyApproval'),
  };
}

/** Which review (and comment) a post answers; bound into the action by the page that renders the form. */
export type CommentTarget = { reviewId: string; reviewSlug: string; parentId: string | null };
/** The comment server action, as pages pass it down to the comment section. */
export type SubmitComment = (
  target: CommentTarget,
  previous: CommentFormState,
  formData: FormData,
) => Promise<CommentFormState>;
