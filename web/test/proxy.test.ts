/** @jest-environment node */
import { NextRequest } from 'next/server'
import { proxy } from '@/proxy'

const SITE = 'http://marquee.example'
const SLUG = 'miracle-in-cell-no-7-review'

const get = (path: string, headers: Record<string, string> = {}) => proxy(new NextRequest(`${SITE}${path}`, { headers }))
const post = (path: string, headers: Record<string, string>) =>
  proxy(new NextRequest(`${SITE}${path}`, { method: 'POST', headers: { host: 'marquee.example', 'content-length': '100', 'next-action': 'abc', ...headers }, body: 'x'.repeat(100) }))

/** Where the response sends the request: a rewrite's target path, 'next' to go on, or its own status. */
const outcome = (response: Response) => {
  const rewrite = response.headers.get('x-middleware-rewrite')
  if (rewrite) return `${response.status} → ${new URL(rewrite).pathname}${new URL(rewrite).search}`
  if (response.headers.get('x-middleware-next')) return 'next'
  return String(response.status)
}

describe('proxy.ts', () => {
  it('renders a review and its numbered comment pages for a reader with a cookie of their own', () => {
    expect(outcome(get(`/reviews/${SLUG}`, { cookie: 'mq_pending=x' }))).toBe(`200 → /reviews/${SLUG}/personal`)
    expect(outcome(get(`/reviews/${SLUG}/comments/2`, { cookie: 'mq_pending=x' }))).toBe(`200 → /reviews/${SLUG}/personal?cpage=2`)
  })

  it.each([
    `/x/${SLUG}/%C3%A9`,
    `/reviews/${SLUG}/%C3%A9N`,
    `/reviews/${SLUG}/comments/%C3%A9`,
    '/sitemaps/reviews/%EF%BC%92.xml',
    `/reviews/${SLUG}/report/%C3%A9`,
  ])('never turns %s (a path with a non-ASCII escape) into a review page', (path) => {
    expect(outcome(get(path))).toBe('next')
  })

  it.each([
    ['another site', { origin: 'https://evil.example' }],
    ['a forged forwarded host that is not the Origin', { origin: 'https://evil.example', 'x-forwarded-host': 'marquee.example' }],
    ['an opaque origin', { origin: 'null' }],
  ])('refuses a server action posted from %s with 403', (_from, headers: Record<string, string>) => {
    expect(outcome(post(`/reviews/${SLUG}`, headers))).toBe('403')
  })

  it('lets a server action from the site itself through', () => {
    expect(outcome(post(`/reviews/${SLUG}`, { origin: 'http://marquee.example' }))).toBe('next')
    expect(outcome(post(`/reviews/${SLUG}/report/c1`, { origin: 'https://marquee.example:8080', 'x-forwarded-host': 'marquee.example:8080' }))).toBe('next')
  })
})
