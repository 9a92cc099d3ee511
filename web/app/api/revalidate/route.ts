import { after } from 'next/server';
import { cmsEventSchema, revalidateCmsEvent, verifySignature } from '@/lib/cms/revalidate';
import { env } from '@/lib/env';
import { pathsForEvent, refreshProxy } from '@/lib/proxy-refresh';

const MAX_BODY_BYTES = 16 * 1024;

export async function POST(request: Request): Promise<Response> {
  const secret = env().REVALIDATE_SECRET;
  if (!secret) return Response.json({ error: 'Revalidation is not configured' }, { status: 503 });

  const raw = await request.text();
  if (raw.length > MAX_BODY_BYTES) return Response.json({ error: 'Body too large' }, { status: 413 });
  if (!verifySignature(raw, request.headers.get('x-marquee-signature'), secret)) {
    return Response.json({ error: 'Invalid signature' }, { status: 401 });
  }

  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return Response.json({ error: 'Body is not JSON' }, { status: 400 });
  }
  const event = cmsEventSchema.safeParse(json);
  if (!event.success) return Response.json({ error: 'Invalid event', issues: event.error.issues }, { status: 400 });

  const revalidated = revalidateCmsEvent(event.data);
  // Once this answer is sent, and the tags it expired are recorded for every replica.
  after(() => refreshProxy(pathsForEvent(event.data)));
  return Response.json({ revalidated });
}
