import { NextResponse, type NextRequest } from 'next/server'
import { slugExists, type SlugKind } from '@/lib/cms/exists'
import { PERSONAL_COOKIES } from '@/lib/comments/cookies'

/**
 * Runs before a review, genre or author page renders, for two decisions a cached page cannot make itself:
 * - an unknown slug answers a real 404 (a page streamed from the cache has already said 200);
 * - a review requested by a reader who holds one of their own cookies (a comment awaiting moderation, the answer
 *   to a post without JavaScript, an editor's preview) or who asks to reply to a comment without JavaScript
 *   (`?replyTo=`) is rendered for them alone, from /reviews/[slug]/personal. Everyone else gets the shared page.
 */
export const config = {
  matcher: ['/reviews/:slug', '/reviews/:slug/comments/:page', '/genres/:slug', '/authors/:slug'],
}

const MISSING: Record<SlugKind, string> = { reviews: '/missing/review', genres: '/missing', authors: '/missing' }

function isPersonal(request: NextRequest): boolean {
  return PERSONAL_COOKIES.some((name) => request.cookies.has(name)) || request.nextUrl.searchParams.has('replyTo')
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const [, kind, rawSlug = '', sub, page] = request.nextUrl.pathname.split('/')
  if (kind !== 'reviews' && kind !== 'genres' && kind !== 'authors') return NextResponse.next()
  let slug: string
  try {
    slug = decodeURIComponent(rawSlug)
  } catch {
    slug = ''
  }

  if ((await slugExists(kind, slug)) === false) {
    return NextResponse.rewrite(new URL(MISSING[kind], request.url), { status: 404 })
  }

  if (kind === 'reviews' && request.method === 'GET' && isPersonal(request)) {
    const url = request.nextUrl.clone()
    url.pathname = `/reviews/${rawSlug}/personal`
    if (sub === 'comments' && page) url.searchParams.set('cpage', page)
    return NextResponse.rewrite(url)
  }
  return NextResponse.next()
}
