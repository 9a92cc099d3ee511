import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Pagination } from '@/components/layout/pagination';
import { ReviewList } from '@/components/reviews/review-card';
import { listReviews } from '@/lib/cms/reviews';
import { env } from '@/lib/env';
import { CmsUnavailable } from '@/components/layout/cms-unavailable';
import { loadFromCms } from '@/lib/cms/unavailable';
import { homePath } from '@/lib/paths';
import { PARAM_PLACEHOLDER, pageParam } from '@/lib/static-params';

/**
 * The home page (`/` is rewritten to /latest/1, next.config.ts) and its later pages (`/latest/N`). A dynamic segment
 * on purpose: it renders on its first request, not at build (when the CMS may be absent), and is cached after that,
 * refreshed by the CMS's change notices (lib/static-params.ts).
 */
export async function generateStaticParams() {
  return [{ page: PARAM_PLACEHOLDER }];
}

export const ensureStatic = 'navigation';
async function read(params: PageProps<'/latest/[page]'>['params']) {
  const { page } = await params;
  const n = pageParam(page);
  return n;
}

export async function generateMetadata({ params }: PageProps<'/latest/[page]'>): Promise<Metadata> {
  const page = await read(params);
  const { SITE_URL } = env();
  return {
    title: page > 1 ? `Latest reviews, page ${page}` : { absolute: 'Marquee: film reviews' },
    alternates: { canonical: `${SITE_URL}${homePath(page)}` },
  };
}

export default async function HomePage({ params }: PageProps<'/latest/[page]'>) {
  const page = await read(params);
  const loaded = await loadFromCms(() => listReviews(page));
  if (!loaded.ok) return <CmsUnavailable retryHref={homePath(page)} />;
  const { reviews, pagination } = loaded.data;
  if (reviews.length === 0 && page > 1) notFound();
  return (
    <>
      <h1>{page > 1 ? `Latest reviews, page ${page}` : 'Latest reviews'}</h1>
      {reviews.length === 0 ? <p>No reviews have been published yet.</p> : <ReviewList reviews={reviews} />}
      <Pagination pagination={pagination} href={homePath} />
    </>
  );
}
