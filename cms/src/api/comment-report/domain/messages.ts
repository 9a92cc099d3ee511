/** Every text a reader or the web can get back from the comment-report API, in one place. */
export const messages = {
  invalid: 'Your report could not be sent: check the fields named in details.',
  commentRequired: 'The comment to report is missing.',
  reasonInvalid: 'Please choose why you are reporting this comment.',
  noteTooLong: 'Your note must be at most 500 characters.',
  unknownField: 'This field cannot be set.',
  commentNotFound: 'This comment does not exist or is not visible.',
  duplicate: 'You have already reported this comment; a moderator will review it.',
  flood: 'You are sending reports too quickly. Please wait a moment and try again.',
  webOnly: 'Reports are accepted from the Marquee site only.',
} as const;
