'use client'

import { BlocksRenderer, type BlocksContent } from '@strapi/blocks-react-renderer'

/**
 * Strapi blocks rendered as React elements (never raw HTML). Headings are shifted below the section's
 * own heading so a page keeps one h1 and a sane outline.
 */
export function RichText({ content, headingOffset = 2 }: { content: BlocksContent; headingOffset?: number }) {
  return (
    <div className="prose">
      <BlocksRenderer
        content={content}
        blocks={{
          heading: ({ children, level }) => {
            const shifted = Math.min(level + headingOffset, 6)
            const Tag = shifted <= 3 ? 'h3' : shifted === 4 ? 'h4' : shifted === 5 ? 'h5' : 'h6'
            return <Tag>{children}</Tag>
          },
          link: ({ children, url }) => {
            const external = /^https?:/i.test(url)
            return (
              <a href={url} {...(external ? { rel: 'noopener noreferrer' } : {})}>
                {children}
              </a>
            )
          },
          image: ({ image }) =>
            image.url ? (
              <figure>
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={image.url} alt={image.alternativeText ?? ''} width={image.width || undefined} height={image.height || undefined} loading="lazy" />
                {image.caption ? <figcaption>{image.caption}</figcaption> : null}
              </figure>
            ) : null,
        }}
      />
    </div>
  )
}
