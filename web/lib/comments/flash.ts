import 'server-only'
import { randomUUID } from 'node:crypto'
import type { CommentFormState } from './form'

/**
 * The form's answer for a reader without JavaScript. With Cache Components the page after a no-JS post is a
 * resumed prerender, and React's resume does not receive the action's form state, so the action stores it here
 * and redirects back (post/redirect/get). The cookie holds only a random id; the reader's text (up to 5,000
 * characters, more than a cookie can carry) stays in this process for a few minutes.
 * Limitation: one process only. Behind several web instances, route a reader to the same one (or move this to
 * a shared store); with JS on, none of this is used.
 */
export const FLASH_COOKIE = 'mq_comment_flash'
export const FLASH_TTL_S = 300
const MAX_ENTRIES = 1000
/** A render may read twice (metadata and page); after that the answer is gone, so a reload shows a fresh form. */
const REREAD_WINDOW_MS = 5000

type Entry = { state: CommentFormState; reviewId: string; expiresAt: number; firstReadAt: number | null }
const store = new Map<string, Entry>()

function sweep(now: number): void {
  for (const [id, entry] of store) if (entry.expiresAt <= now) store.delete(id)
  while (store.size >= MAX_ENTRIES) {
    const oldest = store.keys().next().value
    if (oldest === undefined) break
    store.delete(oldest)
  }
}

export function saveFlash(reviewId: string, state: CommentFormState, now = Date.now()): string {
  sweep(now)
  const id = randomUUID()
  store.set(id, { state, reviewId, expiresAt: now + FLASH_TTL_S * 1000, firstReadAt: null })
  return id
}

export function readFlash(id: string | undefined, reviewId: string, now = Date.now()): CommentFormState | null {
  if (!id) return null
  const entry = store.get(id)
  if (!entry || entry.reviewId !== reviewId || entry.expiresAt <= now) return null
  if (entry.firstReadAt === null) entry.firstReadAt = now
  else if (now - entry.firstReadAt > REREAD_WINDOW_MS) {
    store.delete(id)
    return null
  }
  return entry.state
}
