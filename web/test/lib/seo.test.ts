/** @jest-environment node */
import { reviewSchema } from '@/lib/cms/reviews';
import { reviewJsonLd, reviewMetadata, serializeJsonLd } from '@/lib/seo';
import { fixture } from '../support/fixtures';

function heat() {
  const raw = fixture('contract/review-full');
  const data = typeof raw === 'object' && raw !== null && 'data' in raw && Array.isArray(raw.data) ? raw.data[0] : null;
  return reviewSchema.parse(data);
}

const comments = [
  {
    id: 'c1',
    authorName: 'Hana</script><script>alert(1)</script>',
    website: 'https://hana.example/',
    body: 'Great',
    createdAt: '2026-11-24T20:39:42.114Z',
    depth: 1,
    rating: 5,
    replies: [
      {
        id: 'c2',
        authorName: 'Tomás',
        website: null,
        body: 'Agreed',
        createdAt: '2026-11-24T20:40:42.114Z',
        depth: 2,
        rating: null,
        replies: [],
      },
    ],
  },
];

describe('serializeJsonLd', () => {
  it('escapes < so no CMS or reader text can close the script element', () => {
    const out = serializeJsonLd({ a: '</script><script>alert(1)</script>', b: 'x & y' });
    expect(out).not.toContain('<');
    expect(out).not.toContain('>');
    expect(JSON.parse(out)).toEqual({ a: '</script><script>alert(1)</script>', b: 'x & y' });
  });
});

it('never says a review was modified before it was published (Strapi keeps the draft updatedAt on publish)', () => {
  const published = { ...heat(), publishedAt: '2026-11-20T10:00:00.500Z', updatedAt: '2026-11-20T10:00:00.480Z' };
  const [graph] = reviewJsonLd(published, [], 'https://marquee.example', 'Marquee');
  expect(graph).toMatchObject({ datePublished: '2026-11-20T10:00:00.500Z', dateModified: '2026-11-20T10:00:00.500Z' });
  const edited = { ...published, updatedAt: '2026-11-21T09:00:00.000Z' };
  expect(reviewJsonLd(edited, [], 'https://marquee.example', 'Marquee')[0]).toMatchObject({
    dateModified: '2026-11-21T09:00:00.000Z',
  });
});

it("gives a review without a critic's rating no reviewRating", () => {
  const raw = fixture('contract/review-full');
  const data = typeof raw === 'object' && raw !== null && 'data' in raw && Array.isArray(raw.data) ? raw.data[0] : null;
  const essay = reviewSchema.parse({ ...data, rating: null });
  expect(essay.rating).toBeNull();
  const [graph] = reviewJsonLd(essay, [], 'https://marquee.example', 'Marquee');
  expect(graph).toMatchObject({ '@type': 'Review', name: 'Heat review: two professionals, one coffee' });
  expect(graph).not.toHaveProperty('reviewRating');
});

describe('reviewJsonLd', () => {
  const [review, breadcrumbs, faq] = reviewJsonLd(heat(), comments, 'https://marquee.example', 'Marquee');

  it('describes a Review of a Movie with author, rating bounds and publication date', () => {
    expect(review).toMatchObject({
      '@type': 'Review',
      author: { '@type': 'Person', name: 'Mara Ellison', url: 'https://marquee.example/authors/mara-ellison' },
      reviewRating: { '@type': 'Rating', ratingValue: 4.5, bestRating: 5, worstRating: 1 },
      datePublished: '2026-11-21T10:00:00.000Z',
      itemReviewed: {
        '@type': 'Movie',
        name: 'Heat',
        director: [{ '@type': 'Person', name: 'Michael Mann' }],
        duration: 'PT170M',
      },
    });
  });

  it('lists every approved comment, replies included, as a Comment', () => {
    expect(review).toMatchObject({
      commentCount: 2,
      comment: [
        { '@type': 'Comment', text: 'Great' },
        { '@type': 'Comment', text: 'Agreed', author: { name: 'Tomás' } },
      ],
    });
  });

  it('adds a BreadcrumbList and an FAQPage', () => {
    expect(breadcrumbs).toMatchObject({
      '@type': 'BreadcrumbList',
      itemListElement: [
        { position: 1, name: 'Reviews' },
        { position: 2, name: 'Crime' },
        { position: 3, item: 'https://marquee.example/reviews/heat-review' },
      ],
    });
    expect(faq).toMatchObject({
      '@type': 'FAQPage',
      mainEntity: [
        {
          '@type': 'Question',
          name: 'Is the diner scene improvised?',
          acceptedAnswer: { text: 'No, it was </script> scripted.' },
        },
        { name: 'Second question?' },
      ],
    });
  });
});

describe("the readers' rating in JSON-LD", () => {
  it("puts the readers' AggregateRating on the Movie, and leaves the critic's Review rating as it is", () => {
    const [graph] = reviewJsonLd(heat(), comments, 'https://marquee.example', 'Marquee', { average: 4.2, count: 37 });
    expect(graph).toMatchObject({
      '@type': 'Review',
      reviewRating: { '@type': 'Rating', ratingValue: 4.5, bestRating: 5, worstRating: 1 },
      itemReviewed: {
        '@type': 'Movie',
        aggregateRating: {
          '@type': 'AggregateRating',
          ratingValue: 4.2,
          ratingCount: 37,
          bestRating: 5,
          worstRating: 1,
        },
      },
    });
    expect(graph).not.toHaveProperty('aggregateRating');
  });

  it('has no AggregateRating when the CMS reports none (below the minimum count)', () => {
    const [graph] = reviewJsonLd(heat(), comments, 'https://marquee.example', 'Marquee', null);
    expect(JSON.stringify(graph)).not.toContain('AggregateRating');
  });
});

describe('reviewMetadata', () => {
  it('uses the SEO component first and builds canonical, Open Graph and Twitter data', () => {
    const meta = reviewMetadata(heat(), 'https://marquee.example', 'Marquee');
    expect(meta.title).toBe('Heat (1995) review');
    expect(meta.description).toBe('Why Heat still matters.');
    expect(meta.alternates?.canonical).toBe('https://marquee.example/reviews/heat-review');
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      url: 'https://marquee.example/reviews/heat-review',
      images: [{ url: 'https://marquee.example/uploads/heat_share.jpg', width: 1200, height: 630 }],
    });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image', title: 'Heat (1995) review' });
  });

  it('falls back to the title, excerpt and cover without an SEO component', () => {
    const meta = reviewMetadata({ ...heat(), seo: null }, 'https://marquee.example', 'Marquee');
    expect(meta.title).toBe('Heat review: two professionals, one coffee');
    expect(meta.description).toBe("Michael Mann's crime epic is built around a single conversation.");
    expect(meta.openGraph).toMatchObject({
      images: [{ url: 'https://marquee.example/uploads/heat_cover_1a2b3c.jpg' }],
    });
  });
});
