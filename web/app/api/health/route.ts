import { connection } from 'next/server';

/** Liveness for the container healthcheck: the web process answers. Deliberately does not call the CMS. */
export async function GET(): Promise<Response> {
  await connection();
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
