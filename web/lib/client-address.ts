import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';

/** The header the caching proxy sets to its secret on every request it passes on (proxy/nginx.conf). */
export const PROXY_HEADER = 'x-marquee-proxy';

const digest = (value: string) => createHash('sha256').update(value).digest();

interface Trust {
  /** How many proxies each wrote X-Forwarded-For. */
  hops: number;
  /** What the nearest proxy sends as X-Marquee-Proxy; without it no forwarded address is believed. */
  secret: string | undefined;
}

/**
 * The reader's address as the trusted proxies saw it: with `hops` proxies each writing X-Forwarded-For, the
 * entry `hops` places from the right. Anything further left was written by the client and is never believed, and
 * neither is the whole header unless the request carries the proxy's secret.
 */
export function clientAddress(headers: Pick<Headers, 'get'>, { hops, secret }: Trust): string | null {
  const forwardedFor = headers.get('x-forwarded-for');
  const proof = headers.get(PROXY_HEADER);
  if (hops === 0 || !forwardedFor || !secret || !proof || !timingSafeEqual(digest(proof), digest(secret))) return null;
  const entries = forwardedFor.split(',').map((e) => e.trim());
  const address = entries[entries.length - hops];
  return address && /^[0-9A-Fa-f:.]{2,45}$/.test(address) ? address : null;
}
