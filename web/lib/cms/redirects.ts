import 'server-only';
import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { cmsGet } from './client';

const resolutionSchema = z.object({
  data: z.union([
    z.object({ status: z.union([z.literal(301), z.literal(302)]), location: z.string().min(1) }),
    z.object({ status: z.literal(410) }),
  ]),
});

export type Redirect = z.output<typeof resolutionSchema>['data'];

/**
 * Answers are kept a second on each replica: a renamed review's old URL redirects within the freshness readers are
 * promised, and a page that is no redirect (nearly all) costs the CMS one question a second at most.
 */
const answers = new LRUCache<string, { redirect: Redirect | null }>({ max: 5000, ttl: 1000 });

/**
 * Where an old path of the site leads now (a renamed review, a hand-made or imported redirect), 410 for a deleted
 * review, or null. A CMS that cannot answer is no redirect: the page answers as it would.
 */
export async function findRedirect(path: string): Promise<Redirect | null> {
  const known = answers.get(path);
  if (known) return known.redirect;
  let redirect: Redirect | null;
  try {
    redirect = (await cmsGet('/redirects/resolve', resolutionSchema, { query: { path } }))?.data ?? null;
  } catch {
    return null;
  }
  answers.set(path, { redirect });
  return redirect;
}
