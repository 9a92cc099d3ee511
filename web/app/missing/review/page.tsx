import { notFound } from 'next/navigation'

/** Where proxy.ts sends an unknown review (see ../page.tsx); its not-found.tsx helps the reader on. */
export default function MissingReview(): never {
  notFound()
}
