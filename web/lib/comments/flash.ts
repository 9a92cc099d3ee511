import 'server-only';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { sharedStore, type SharedStore } from '@/lib/shared-store';
import { FLASH_COOKIE } from './cookies';
import type { CommentFormState, Field } from './form';

/**
 * The form's answer for a reader without JavaScript, across the post/redirect/get. The cookie (path-scoped to the
 * review, see ./cookies.ts) holds only a random id, signed (./signed-cookie.ts); the answer, with what the reader typed (up to 5,000
 * characters, more than a cookie can carry), sits in the shared store for a few minutes, so any web replica
 * can show it. While the cookie is held, the reader's requests for that review are rendered for them alone.
 */
export { FLASH_COOKIE };
export const FLASH_TTL_S = 300;
/** A render may read twice (metadata and page); after that the answer is gone, so a reload shows a fresh form. */
const REREAD_WINDOW_MS = 5000;
const ID = /^[0-9a-f-]{36}$/;

const fieldText = z.object({
  name: z.string(),
  email: z.string(),
  website: z.string(),
  comment: z.string(),
  rating: z.string(),
}) satisfies z.ZodType<Record<Field, string>>;

const entrySchema = z.object({
  reviewId: z.string(),
  firstReadAt: z.number().nullable(),
  state: z.object({
    status: z.enum(['idle', 'error', 'success']),
    message: z.string().nullable(),
    fieldErrors: fieldText.partial(),
    // An answer stored by a replica from before the star rating has none.
    values: fieldText.extend({
      rating: z.string().default(''),
      notifyReplies: z.boolean().optional(),
      notifyApproval: z.boolean().optional(),
    }),
    submittedAt: z.number(),
  }),
});
type Entry = z.infer<typeof entrySchema>;

const key = (id: string) => `flash:${id}`;

export async function saveFlash(
  reviewId: string,
  state: CommentFormState,
  store: SharedStore = sharedStore(),
): Promise<string> {
  const id = randomUUID();
  const entry: Entry = { state, reviewId, firstReadAt: null };
  await store.set(key(id), JSON.stringify(entry), FLASH_TTL_S);
  return id;
}

function parseEntry(raw: string): Entry | null {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Null when unknown, expired, for another review, or already shown a while ago. A store outage is "nothing to show". */
export async function readFlash(
  id: string | undefined,
  reviewId: string,
  now = Date.now(),
  store: SharedStore = sharedStore(),
): Promise<CommentFormState | null> {
  if (!id || !ID.test(id)) return null;
  try {
    const raw = await store.get(key(id));
    const entry = raw ? parseEntry(raw) : null;
    if (!entry || entry.reviewId !== reviewId) return null;
    if (entry.firstReadAt === null) {
      await store.set(key(id), JSON.stringify({ ...entry, firstReadAt: now }), FLASH_TTL_S);
    } else if (now - entry.firstReadAt > REREAD_WINDOW_MS) {
      await store.delete(key(id));
      return null;
    }
    return entry.state;
  } catch (error) {
    console.error('Comment answer could not be read:', error instanceof Error ? error.message : error);
    return null;
  }
}
