import { notFound } from 'next/navigation'

/**
 * Where proxy.ts sends an unknown genre or author: prerendered at build, so the 404 status is kept (a page that
 * finds out at request time has already streamed a 200).
 */
export default function Missing(): never {
  notFound()
}
