import type { Metadata } from 'next';
import { ReviewPage, reviewPageMetadata } from '@/views/review-page';
import { PARAM_PLACEHOLDER } from '@/lib/static-params';
import { submitComment } from './actions';

/**
 * The review every reader gets: nothing here reads the request, so the whole page is cached after its first render
 * (and by shared caches, as its Cache-Control says), refreshed by the CMS's change notices (lib/static-params.ts).
 * A reader with a cookie of their own is sent to ./personal by proxy.ts.
 */
export async function generateStaticParams() {
  return [{ slug: PARAM_PLACEHOLDER }];
}

export const ensureStatic = 'navigation';
export async function generateMetadata({ params }: PageProps<'/reviews/[slug]'>): Promise<Metadata> {
  return reviewPageMetadata((await params).slug);
}

export default async function Page({ params }: PageProps<'/reviews/[slug]'>) {
  return <ReviewPage slug={(await params).slug} commentsPage={1} submit={submitComment} />;
}
