import type { Metadata } from 'next';
import { PARAM_PLACEHOLDER } from '@/lib/static-params';
import { ReplyPage, replyPageMetadata } from '@/views/reply-page';
import { submitComment } from '../../actions';

/** A reply to a comment on the review's first comment page, without JavaScript (views/reply-page.tsx). */
export async function generateStaticParams() {
  return [{ slug: PARAM_PLACEHOLDER, comment: PARAM_PLACEHOLDER }];
}

export const ensureStatic = 'navigation';

export async function generateMetadata({ params }: PageProps<'/reviews/[slug]/reply/[comment]'>): Promise<Metadata> {
  return replyPageMetadata(params);
}

export default async function Page({ params }: PageProps<'/reviews/[slug]/reply/[comment]'>) {
  return <ReplyPage params={params} submit={submitComment} />;
}
