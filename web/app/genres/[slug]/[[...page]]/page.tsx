import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Pagination } from '@/components/layout/pagination';
import { ReviewList } from '@/components/reviews/review-card';
import { JsonLd } from '@/components/seo/json-ld';
import { getGenreBySlug } from '@/lib/cms/genres';
import { listReviewsByGenre } from '@/lib/cms/reviews';
import { env } from '@/lib/env';
import { breadcrumbJsonLd } from '@/lib/seo';
import { CmsUnavailable } from '@/components/layout/cms-unavailable';
import { loadFromCms, metadataFromCms } from '@/lib/cms/unavailable';
import { genrePath } from '@/lib/paths';
import { PARAM_PLACEHOLDER, optionalPageParam } from '@/lib/static-params';

/**
 * One page of a genre's reviews (`/genres/<slug>`, `/genres/<slug>/N`): nothing reads the request, so the whole page
 * is cached after its first render, refreshed by the CMS's change notices (lib/static-params.ts).
 */
export async function generateStaticParams() {
  return [{ slug: PARAM_PLACEHOLDER, page: [PARAM_PLACEHOLDER] }];
}

export const ensureStatic = 'navigation';
async function read(params: PageProps<'/genres/[slug]/[[...page]]'>['params']) {
  const { slug, page } = await params;
  return { slug, page: optionalPageParam(page) };
}

export async function generateMetadata({ params }: PageProps<'/genres/[slug]/[[...page]]'>): Promise<Metadata> {
  const { slug, page } = await read(params);
  return metadataFromCms(
    () => getGenreBySlug(slug),
    (genre): Metadata =>
      genre
        ? {
            title: `${genre.name} film reviews`,
            description: `Every Marquee review of ${genre.name.toLowerCase()} films, newest first.`,
            alternates: { canonical: `${env().SITE_URL}${genrePath(genre.slug, page)}` },
          }
        : { title: 'Genre not found', robots: { index: false } },
    { title: 'Genre' },
  );
}

export default async function GenrePage({ params }: PageProps<'/genres/[slug]/[[...page]]'>) {
  const { slug, page } = await read(params);
  const loaded = await loadFromCms(() => Promise.all([getGenreBySlug(slug), listReviewsByGenre(slug, page)]));
  if (!loaded.ok) return <CmsUnavailable retryHref={genrePath(encodeURIComponent(slug), page)} />;
  const [genre, { reviews, pagination }] = loaded.data;
  // A page past the last is not a page: 404, not an empty list that calls itself canonical.
  if (!genre || (reviews.length === 0 && page > 1)) notFound();
  return (
    <>
      <JsonLd
        data={breadcrumbJsonLd(env().SITE_URL, [
          { name: 'Reviews', path: '/' },
          { name: genre.name, path: genrePath(genre.slug) },
        ])}
      />
      <h1>{genre.name}</h1>
      {reviews.length === 0 ? <p>No {genre.name.toLowerCase()} reviews yet.</p> : <ReviewList reviews={reviews} />}
      <Pagination pagination={pagination} href={(p) => genrePath(genre.slug, p)} />
    </>
  );
}
