import type { Metadata } from 'next';
import { ReviewPage, reviewPageMetadata } from '@/views/review-page';
import { submitComment } from '../../actions';
import { PARAM_PLACEHOLDER, pageParam } from '@/lib/static-params';

/** A later page of a review's comments (`/reviews/<slug>/comments/N`); cached like the review (lib/static-params.ts). */
export async function generateStaticParams() {
  return [{ slug: PARAM_PLACEHOLDER, page: PARAM_PLACEHOLDER }];
}

export const ensureStatic = 'navigation';
async function read(params: PageProps<'/reviews/[slug]/comments/[page]'>['params']) {
  const { slug, page } = await params;
  const commentsPage = pageParam(page);
  return { slug, commentsPage };
}

export async function generateMetadata({ params }: PageProps<'/reviews/[slug]/comments/[page]'>): Promise<Metadata> {
  const { slug, commentsPage } = await read(params);
  return reviewPageMetadata(slug, { commentsPage });
}

export default async function Page({ params }: PageProps<'/reviews/[slug]/comments/[page]'>) {
  const { slug, commentsPage } = await read(params);
  return <ReviewPage slug={slug} commentsPage={commentsPage} submit={submitComment} />;
}
