import 'server-only'
import { hmacSha256Hex } from '@/lib/crypto'

/** `<renderedAtMs>.<hex HMAC-SHA256(secret, "<renderedAtMs>")>`; the CMS checks it (age and signature). */
export function createFormToken(secret: string, renderedAtMs: number): string {
  const ms = String(Math.trunc(renderedAtMs))
  return `${ms}.${hmacSha256Hex(secret, ms)}`
}

export const FORM_TOKEN_PATTERN = /^\d{10,16}\.[0-9a-f]{64}$/
