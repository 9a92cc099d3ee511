import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Pagination } from '@/components/layout/pagination';
import { CmsImage } from '@/components/media/cms-image';
import { ReviewList } from '@/components/reviews/review-card';
import { getAuthorBySlug } from '@/lib/cms/authors';
import { listReviewsByAuthor } from '@/lib/cms/reviews';
import { env } from '@/lib/env';
import { CmsUnavailable } from '@/components/layout/cms-unavailable';
import { loadFromCms, metadataFromCms } from '@/lib/cms/unavailable';
import { authorPath } from '@/lib/paths';
import { PARAM_PLACEHOLDER, optionalPageParam } from '@/lib/static-params';

/**
 * One page of an author's reviews (`/authors/<slug>`, `/authors/<slug>/N`): nothing reads the request, so the whole
 * page is cached after its first render, refreshed by the CMS's change notices (lib/static-params.ts).
 */
export async function generateStaticParams() {
  return [{ slug: PARAM_PLACEHOLDER, page: [PARAM_PLACEHOLDER] }];
}

export const ensureStatic = 'navigation';
async function read(params: PageProps<'/authors/[slug]/[[...page]]'>['params']) {
  const { slug, page } = await params;
  return { slug, page: optionalPageParam(page) };
}

export async function generateMetadata({ params }: PageProps<'/authors/[slug]/[[...page]]'>): Promise<Metadata> {
  const { slug, page } = await read(params);
  return metadataFromCms(
    () => getAuthorBySlug(slug),
    (author): Metadata =>
      author
        ? {
            title: `Reviews by ${author.name}`,
            description: author.bio ?? `Film reviews written by ${author.name}.`,
            alternates: { canonical: `${env().SITE_URL}${authorPath(author.slug, page)}` },
          }
        : { title: 'Author not found', robots: { index: false } },
    { title: 'Author' },
  );
}

export default async function AuthorPage({ params }: PageProps<'/authors/[slug]/[[...page]]'>) {
  const { slug, page } = await read(params);
  const loaded = await loadFromCms(() => Promise.all([getAuthorBySlug(slug), listReviewsByAuthor(slug, page)]));
  if (!loaded.ok) return <CmsUnavailable retryHref={authorPath(encodeURIComponent(slug), page)} />;
  const [author, { reviews, pagination }] = loaded.data;
  // A page past the last is not a page: 404, not an empty list that calls itself canonical.
  if (!author || (reviews.length === 0 && page > 1)) notFound();
  return (
    <>
      <header className="author-header">
        {author.avatar ? <CmsImage image={author.avatar} alt="" className="avatar" /> : null}
        <h1>{author.name}</h1>
        {author.bio ? <p>{author.bio}</p> : null}
      </header>
      <h2>Reviews by {author.name}</h2>
      {reviews.length === 0 ? <p>No published reviews yet.</p> : <ReviewList reviews={reviews} headingLevel={3} />}
      <Pagination pagination={pagination} href={(p) => authorPath(author.slug, p)} />
    </>
  );
}
