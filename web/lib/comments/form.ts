import { z } from 'zod';
import { messages } from './form-state';

/** The comment form's server-side validation; everything the browser also needs is in ./form-state. */
export * from './form-state';

const optionalWebsite = z
  .string()
  .trim()
  .max(200, messages.websiteInvalid)
  .transform((v) => (v !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(v) ? `https://${v}` : v))
  .refine((v) => {
    if (v === '') return true;
    try {
      const url = new URL(v);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
    } catch {
      return false;
    }
  }, messages.websiteInvalid);

export const commentInputSchema = z.object({
  name: z.string().trim().min(1, messages.nameRequired).max(100, messages.nameTooLong),
  email: z
    .string()
    .trim()
    .min(1, messages.emailRequired)
    .pipe(z.email(messages.emailInvalid).max(254, messages.emailInvalid)),
  website: optionalWebsite,
  comment: z.string().trim().min(1, messages.commentRequired).max(5000, messages.commentTooLong),
  // The star radio group: "" is its "no rating" choice.
  rating: z
    .string()
    .regex(/^[1-5]?$/, messages.ratingInvalid)
    .optional()
    .transform((v) => (v ? Number(v) : null)),
});
export type CommentInput = z.output<typeof commentInputSchema>;
