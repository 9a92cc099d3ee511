import { CmsError, fetchUpload } from '@/lib/cms/client';

/** Strapi's uploads served same-origin, so pages and the CSP never name the CMS origin. */
export async function GET(_request: Request, { params }: RouteContext<'/uploads/[...path]'>): Promise<Response> {
  const { path } = await params;
  let upstream: Response | null;
  try {
    upstream = await fetchUpload(`/uploads/${path.map(encodeURIComponent).join('/')}`);
  } catch (error) {
    if (error instanceof CmsError) return new Response('Media unavailable', { status: 503 });
    throw error;
  }
  if (!upstream) return new Response('Not found', { status: 404 });
  const headers = new Headers({
    'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream',
    'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  });
  const length = upstream.headers.get('content-length');
  if (length) headers.set('Content-Length', length);
  return new Response(upstream.body, { status: 200, headers });
}
