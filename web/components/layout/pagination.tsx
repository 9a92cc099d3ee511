import Link from 'next/link'
import type { Pagination as PaginationData } from '@/lib/cms/strapi'

/** Previous/next links that keep the other query parameters (e.g. the search term). */
export function Pagination({ pagination, basePath, params = {} }: { pagination: PaginationData; basePath: string; params?: Record<string, string> }) {
  const { page, pageCount } = pagination
  if (pageCount <= 1) return null
  const href = (p: number) => {
    const query = new URLSearchParams(params)
    if (p > 1) query.set('page', String(p))
    const qs = query.toString()
    return qs ? `${basePath}?${qs}` : basePath
  }
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? <Link prefetch={false} href={href(page - 1)} rel="prev">← Newer</Link> : <span />}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? <Link prefetch={false} href={href(page + 1)} rel="next">Older →</Link> : <span />}
    </nav>
  )
}
