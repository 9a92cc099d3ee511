import Link from 'next/link';
import type { Pagination as PaginationData } from '@/lib/cms/strapi';

/** Previous/next links; `href` gives a page's address (lib/paths.ts). */
export function Pagination({ pagination, href }: { pagination: PaginationData; href: (page: number) => string }) {
  const { page, pageCount } = pagination;
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <Link prefetch={false} href={href(page - 1)} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link prefetch={false} href={href(page + 1)} rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
