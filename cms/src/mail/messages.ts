/** Every text the mail API answers, in one place. */
export const mailMessages = {
  tokenInvalid: 'This link is not valid. Copy the whole link from the email, or use the link in a newer email.',
  tokenExpired: 'This confirmation link has expired. Post with the box ticked again to get a new one.',
  webOnly: 'Only the site may call this endpoint.',
} as const;
