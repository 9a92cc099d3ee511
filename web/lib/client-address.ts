import 'server-only'

/**
 * The reader's address as the trusted proxies saw it: with `hops` proxies each writing X-Forwarded-For, the
 * entry `hops` places from the right. Anything further left was written by the client and is never believed.
 */
export function clientAddress(forwardedFor: string | null, hops: number): string | null {
  if (hops === 0 || !forwardedFor) return null
  const entries = forwardedFor.split(',').map((e) => e.trim())
  const address = entries[entries.length - hops]
  return address && /^[0-9A-Fa-f:.]{2,45}$/.test(address) ? address : null
}
