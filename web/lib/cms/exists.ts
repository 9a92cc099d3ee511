import 'server-only'
import { LRUCache } from 'lru-cache'
import { z } from 'zod'
import { cmsGet } from './client'
import { unpaginatedListEnvelope } from './strapi'

/**
 * Does a published review, genre or author have this slug? proxy.ts asks before a page renders, so an unknown one
 * answers a real 404: once a cached page starts streaming its status is fixed at 200 (Next's docs, "Status
 * codes"). Answers are remembered per process: a known slug for a minute, an unknown one for a second (so a
 * review published just now is found on the next request). Only the slug is fetched.
 */
export type SlugKind = 'reviews' | 'genres' | 'authors'

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]{0,199}$/

const KNOWN_TTL_MS = 60_000
const UNKNOWN_TTL_MS = 1_000
/** A cached page must not wait for a slow CMS: past this the answer is "cannot say". */
const ASK_TIMEOUT_MS = 1_500

const slugsSchema = unpaginatedListEnvelope(z.object({ slug: z.string() }))

type Answer = { exists: boolean; checkedAt: number }
const answers = new LRUCache<string, Answer>({ max: 50_000 })
const inFlight = new Map<string, Promise<boolean>>()

function ask(kind: SlugKind, slug: string): Promise<boolean> {
  const key = `${kind}/${slug}`
  let pending = inFlight.get(key)
  if (!pending) {
    pending = cmsGet(`/${kind}`, slugsSchema, {
      query: { 'filters[slug][$eq]': slug, 'fields[0]': 'slug', 'pagination[pageSize]': 1 },
      timeoutMs: ASK_TIMEOUT_MS,
    })
      .then((result) => {
        const exists = (result?.data.length ?? 0) > 0
        answers.set(key, { exists, checkedAt: Date.now() })
        return exists
      })
      .finally(() => inFlight.delete(key))
    inFlight.set(key, pending)
  }
  return pending
}

/**
 * @returns true or false, or null when the CMS cannot say (the page then renders as usual, from its cache).
 * A known slug past its minute is answered at once and checked again in the background.
 */
export async function slugExists(kind: SlugKind, slug: string, now = Date.now()): Promise<boolean | null> {
  if (!SLUG_PATTERN.test(slug)) return false
  const known = answers.get(`${kind}/${slug}`)
  if (known?.exists) {
    if (now - known.checkedAt > KNOWN_TTL_MS) ask(kind, slug).catch(() => undefined)
    return true
  }
  if (known && now - known.checkedAt <= UNKNOWN_TTL_MS) return false
  try {
    return await ask(kind, slug)
  } catch {
    return null
  }
}
