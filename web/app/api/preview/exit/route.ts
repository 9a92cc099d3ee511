import { cookies, draftMode } from 'next/headers';
import { DRAFT_PASS_COOKIE } from '@/lib/comments/cookies';
import { redirect } from 'next/navigation';

const SLUG = /^[a-z0-9][a-z0-9-]{0,199}$/i;

export async function GET(request: Request): Promise<Response> {
  (await draftMode()).disable();
  (await cookies()).delete(DRAFT_PASS_COOKIE);
  const slug = new URL(request.url).searchParams.get('slug') ?? '';
  redirect(SLUG.test(slug) ? `/reviews/${slug}` : '/');
}
