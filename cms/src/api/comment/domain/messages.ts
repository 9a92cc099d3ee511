import { MAX_PAGE } from '../../../utils/query-guard';

/** Every text a reader or the web can get back from the comment API, in one place. */
export const messages = {
  invalid: 'Your comment could not be posted: check the fields named in details.',
  nameRequired: 'Please enter your name.',
  nameTooLong: 'Your name must be at most 100 characters.',
  emailRequired: 'Please enter your email address.',
  emailInvalid: 'Please enter a valid email address.',
  emailTooLong: 'Your email address must be at most 254 characters.',
  websiteInvalid: 'The website must be an http:// or https:// address.',
  websiteTooLong: 'The website address must be at most 200 characters.',
  bodyRequired: 'Please write a comment.',
  bodyTooLong: 'Your comment must be at most 5,000 characters.',
  ratingInvalid: 'A rating must be a whole number of stars from 1 to 5, or no rating.',
  reviewRequired: 'The review to comment on is missing.',
  unknownField: 'This field cannot be set.',
  reviewNotFound: 'This review does not exist or is not published.',
  commentsClosed: 'Comments are closed on this review.',
  parentNotFound: 'The comment you are replying to does not exist or is not visible.',
  commentNotShown: 'This comment is not shown on this review.',
  parentOtherReview: 'The comment you are replying to belongs to another review.',
  tooDeep: 'Replies can only be nested 3 levels deep.',
  duplicate: 'Duplicate comment detected; it looks as though you have already said that.',
  flood: 'You are posting comments too quickly. Please wait a moment and try again.',
  unavailable: 'Your comment could not be saved just now. Please try again in a minute.',
  pageInvalid: `page must be a whole number from 1 to ${MAX_PAGE}.`,
  pageSizeInvalid: 'pageSize must be a whole number from 1.',
} as const;

/** Why a comment was held or sent to spam, shown to moderators in the admin panel. */
export const heldReasons = {
  links: (count: number) => `Contains ${count} links`,
  heldWord: (word: string) => `Contains the held word "${word}"`,
  blockedWord: (word: string) => `Contains the blocked word "${word}"`,
  firstTime: 'First-time commenter',
  staffIdentity: "Uses a staff member's email or name",
  honeypot: 'Honeypot field was filled in',
  tooFast: 'Submitted faster than a person could type',
  badFormToken: 'Form signature missing or invalid',
} as const;
