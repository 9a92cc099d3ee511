import path from 'node:path';
import { htmlToBlocks, htmlToPlainText } from '../../src/import/wordpress/html';
import {
  itemKind,
  oldPaths,
  parseRating,
  planComments,
  planReview,
  wpDate,
  wpSlug,
} from '../../src/import/wordpress/map';
import { readWxr, WxrError, type WxrComment, type WxrItem } from '../../src/import/wordpress/wxr';

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'wxr', name);

const readAll = async (name: string) => {
  const entries = [];
  for await (const entry of readWxr(fixture(name))) entries.push(entry);
  return entries;
};

const items = async (name: string) =>
  (await readAll(name)).flatMap((entry) => (entry.kind === 'item' ? [entry.item] : []));
const channel = { title: 'Reels', link: 'https://reels.example.com', version: '1.2' };

const wpComment = (id: string, parent: string, extra: Partial<WxrComment> = {}): WxrComment => ({
  id,
  author: `Reader ${id}`,
  email: `r${id}@example.org`,
  url: '',
  ip: '',
  dateGmt: '2024-01-01 00:00:00',
  date: '',
  content: `Comment ${id}`,
  approved: '1',
  type: 'comment',
  parent,
  userId: '0',
  ...extra,
});

describe('reading a WXR file', () => {
  it('streams the Theme Unit Test export: its items, authors and comments', async () => {
    const entries = await readAll('theme-unit-test-data.xml');
    const all = entries.flatMap((entry) => (entry.kind === 'item' ? [entry.item] : []));
    expect(all).toHaveLength(186);
    expect(entries.filter((entry) => entry.kind === 'author')).toHaveLength(2);
    expect(all.filter((item) => item.postType === 'post')).toHaveLength(58);
    expect(all.reduce((sum, item) => sum + item.comments.length, 0)).toBe(33);
    const channelEntry = entries.find((entry) => entry.kind === 'channel');
    expect(channelEntry).toEqual({
      kind: 'channel',
      channel: { title: 'Theme Unit Test Data', link: 'https://wpthemetestdata.wordpress.com', version: '1.2' },
    });
  });

  it('keeps the right-to-left text and emoji of the UTF-8 challenges export', async () => {
    const all = await items('wxr-utf-8-challenges.xml');
    expect(all.length).toBeGreaterThan(0);
    const text = all.map((item) => `${item.title} ${item.content}`).join(' ');
    expect(text).toContain('السلام عليكم');
    expect(text).toMatch(/\p{Extended_Pictographic}/u);
  });

  it('refuses a file that is not well-formed, saying where', async () => {
    await expect(readAll('malformed-simple.xml')).rejects.toThrow(WxrError);
    await expect(readAll('malformed-simple.xml')).rejects.toThrow(/^malformed-simple\.xml:\d+:\d+: /);
  });

  it('refuses well-formed RSS that is not a WordPress export', async () => {
    await expect(readAll('not-wxr.xml')).rejects.toThrow(
      'not-wxr.xml:2:19: the <rss> element does not declare the WordPress export namespace (xmlns:wp): this is not a WordPress export (WXR)',
    );
  });

  it('refuses an external entity (XXE) without reading it', async () => {
    await expect(readAll('xxe.xml')).rejects.toThrow(/xxe\.xml:2:\d+: the file declares a DOCTYPE/);
  });

  it('refuses an entity expansion bomb (billion laughs) without expanding it', async () => {
    const started = Date.now();
    await expect(readAll('billion-laughs.xml')).rejects.toThrow(
      /billion-laughs\.xml:\d+:\d+: the file declares a DOCTYPE/,
    );
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('a post body as blocks', () => {
  it('turns block-editor markup into paragraphs, marks, links, lists, quotes and images', () => {
    const { blocks } = htmlToBlocks(
      '<!-- wp:paragraph --><p>A <strong>bold</strong> and <em>moving</em> <a href="https://example.org/x">link</a>.</p><!-- /wp:paragraph -->' +
        '<ul><li>One</li><li>Two</li></ul><blockquote><p>Quoted.</p></blockquote>' +
        '<figure class="wp-block-image"><img src="https://site.example/wp-content/uploads/a.png" alt="Alt"/><figcaption>Cap</figcaption></figure><h3>Small</h3>',
    );
    expect(blocks).toEqual([
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'A ' },
          { type: 'text', text: 'bold', bold: true },
          { type: 'text', text: ' and ' },
          { type: 'text', text: 'moving', italic: true },
          { type: 'text', text: ' ' },
          { type: 'link', url: 'https://example.org/x', children: [{ type: 'text', text: 'link' }] },
          { type: 'text', text: '.' },
        ],
      },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'One' }] },
          { type: 'list-item', children: [{ type: 'text', text: 'Two' }] },
        ],
      },
      { type: 'quote', children: [{ type: 'text', text: 'Quoted.' }] },
      { type: 'image-ref', src: 'https://site.example/wp-content/uploads/a.png', alt: 'Alt', caption: 'Cap' },
      { type: 'heading', level: 3, children: [{ type: 'text', text: 'Small' }] },
    ]);
  });

  it('reads classic markup, whose paragraphs are blank lines', () => {
    const { blocks } = htmlToBlocks('First line\nstill first.\n\nSecond with <em>style</em>.\n\n\nThird.');
    expect(blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'First line still first.' }] },
      {
        type: 'paragraph',
        children: [
          { type: 'text', text: 'Second with ' },
          { type: 'text', text: 'style', italic: true },
          { type: 'text', text: '.' },
        ],
      },
      { type: 'paragraph', children: [{ type: 'text', text: 'Third.' }] },
    ]);
  });

  it('never keeps scripts, iframes, styles, unknown shortcodes or unsafe links as markup, and counts them', () => {
    const parsed = htmlToBlocks(
      '<p>Before [gallery ids="1,2"] after [sic].</p><script>alert(1)</script><iframe src="https://x"></iframe><style>p{}</style>' +
        '<p><a href="javascript:alert(1)">click</a> [custom]inner[/custom]</p><p onclick="x()">Plain</p>',
    );
    expect(parsed.blocks).toEqual([
      { type: 'paragraph', children: [{ type: 'text', text: 'Before after [sic].' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'click inner' }] },
      { type: 'paragraph', children: [{ type: 'text', text: 'Plain' }] },
    ]);
    expect(parsed.removed).toEqual({ shortcode: 2, script: 1, iframe: 1, style: 1, 'unsafe-link': 1 });
  });

  it("takes Yoast's and Rank Math's FAQ blocks out of the body as questions", () => {
    const parsed = htmlToBlocks(
      '<p>Body.</p><div class="schema-faq wp-block-yoast-faq-block"><div class="schema-faq-section"><strong class="schema-faq-question">Q one?</strong> <p class="schema-faq-answer">A one.</p></div></div>' +
        '<div class="wp-block-rank-math-faq-block"><div class="rank-math-faq-item"><h3 class="rank-math-question">Q two?</h3><div class="rank-math-answer">A two.</div></div></div>',
    );
    expect(parsed.blocks).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: 'Body.' }] }]);
    expect(parsed.faqs).toEqual([
      { question: 'Q one?', answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'A one.' }] }] },
      { question: 'Q two?', answer: [{ type: 'paragraph', children: [{ type: 'text', text: 'A two.' }] }] },
    ]);
  });
});

describe('a comment body as plain text', () => {
  it('keeps the words and the link targets, never markup', () => {
    expect(
      htmlToPlainText(
        '<p>See <a href="https://example.org/n">my notes</a>.</p><script>alert(1)</script><p><b>Two</b></p>',
      ),
    ).toBe('See my notes (https://example.org/n).\n\nTwo');
  });
});

describe('mapping a post', () => {
  it('splits the film-review post at its h2 headings and turns its FAQ section into questions', async () => {
    const arrival = (await items('film-reviews.xml')).find((item) => item.postId === '101') as WxrItem;
    const plan = planReview(arrival, channel, { ratingMeta: 'rating' });
    expect(plan.sections.map((section) => section.heading)).toEqual(['Arrival', 'The story', 'The verdict']);
    expect(plan.faqs.map((faq) => faq.question)).toEqual(['Is Arrival based on a book?', 'How long is it?']);
    expect(plan.faqs[1]?.answer).toEqual([{ type: 'paragraph', children: [{ type: 'text', text: '116 minutes.' }] }]);
    expect(plan).toMatchObject({
      title: 'Arrival',
      slug: 'arrival-review',
      status: 'published',
      rating: 4.5,
      firstPublishedAt: '2024-05-10T09:00:00.000Z',
      publishAt: null,
      coverAttachmentId: '200',
      genres: [
        { slug: 'science-fiction', name: 'Science Fiction' },
        { slug: 'drama', name: 'Drama' },
      ],
      oldPaths: ['/2024/05/arrival-review/', '/?p=101'],
      removed: { script: 1, iframe: 1, style: 1, shortcode: 1 },
    });
  });

  it('maps each status: future is a scheduled draft, password-protected, private and pending are drafts', async () => {
    const all = await items('film-reviews.xml');
    const plans = all
      .filter((item) => itemKind(item) === 'review')
      .map((item) => planReview(item, channel, { ratingMeta: 'rating' }));
    expect(plans.map((plan) => [plan.wpId, plan.status, plan.publishAt])).toEqual([
      ['101', 'published', null],
      ['102', 'published', null],
      ['103', 'draft', '2027-03-01T10:00:00.000Z'],
      ['104', 'draft', null],
      ['108', 'draft', null],
      ['109', 'draft', null],
      ['110', 'draft', null],
    ]);
    expect(all.map(itemKind)).toEqual([
      'attachment',
      'review',
      'review',
      'review',
      'review',
      'page',
      'menu-item',
      'trash',
      'review',
      'review',
      'review',
    ]);
  });

  it("makes a slug by WordPress's rule when a draft has none", async () => {
    const draft = (await items('film-reviews.xml')).find((item) => item.postId === '104') as WxrItem;
    expect(planReview(draft, channel, { ratingMeta: 'rating' }).slug).toBe('past-lives-a-first-look');
    expect(wpSlug('Amélie & the "Café"')).toBe('amelie-the-cafe');
    expect(wpSlug('%e6%97%a5%e6%9c%ac')).toBe('');
  });

  it('reads the rating from the meta key it is told, on the 5-point scale', async () => {
    const arrival = (await items('film-reviews.xml')).find((item) => item.postId === '101') as WxrItem;
    expect(planReview(arrival, channel, { ratingMeta: 'score' }).rating).toBe(4);
    expect(planReview(arrival, channel, { ratingMeta: 'stars' }).rating).toBeNull();
    expect(parseRating('7')).toEqual({ rating: null, problem: 'rating "7" is not on the 1-5 scale' });
    expect(parseRating('3,5')).toEqual({ rating: 3.5, problem: null });
  });

  it('reads WordPress dates as UTC and its zero date as none', () => {
    expect(wpDate('2024-05-10 09:00:00')).toBe('2024-05-10T09:00:00.000Z');
    expect(wpDate('0000-00-00 00:00:00')).toBeNull();
  });

  it('gives the old paths under a blog in a folder', () => {
    const item = { link: 'https://example.com/blog/2020/01/post/', postId: '7' } as Pick<WxrItem, 'link' | 'postId'>;
    expect(oldPaths({ ...(item as WxrItem) }, { title: '', link: 'https://example.com/blog', version: '1.2' })).toEqual(
      ['/blog/2020/01/post/', '/blog/?p=7'],
    );
  });
});

describe('mapping comments', () => {
  it('maps each state, leaves out trash and pingbacks, and marks staff replies', () => {
    const { comments, skipped } = planComments(
      [
        wpComment('1', '0'),
        wpComment('2', '0', { approved: '0' }),
        wpComment('3', '0', { approved: 'spam' }),
        wpComment('4', '0', { approved: 'trash' }),
        wpComment('5', '0', { type: 'pingback' }),
        wpComment('6', '1', { userId: '3' }),
      ],
      [],
    );
    expect(comments.map((c) => [c.wpId, c.moderationStatus, c.isStaff, c.parentWpId])).toEqual([
      ['1', 'approved', false, null],
      ['2', 'pending', false, null],
      ['3', 'spam', false, null],
      ['6', 'approved', true, '1'],
    ]);
    expect(skipped).toEqual({ trash: 1, pingback: 1 });
  });

  it('attaches a reply deeper than three levels to the deepest allowed parent, parents first', () => {
    const { comments } = planComments(
      [wpComment('5', '4'), wpComment('4', '3'), wpComment('3', '2'), wpComment('2', '1'), wpComment('1', '0')],
      [],
    );
    expect(comments.map((c) => [c.wpId, c.parentWpId])).toEqual([
      ['1', null],
      ['2', '1'],
      ['3', '2'],
      ['4', '2'],
      ['5', '2'],
    ]);
  });

  it('moves a reply to a trashed comment up to the comment above it', () => {
    const { comments } = planComments(
      [wpComment('1', '0'), wpComment('2', '1', { approved: 'trash' }), wpComment('3', '2')],
      [],
    );
    expect(comments.map((c) => [c.wpId, c.parentWpId])).toEqual([
      ['1', null],
      ['3', '1'],
    ]);
  });

  it('files a comment with no address under an address that cannot receive mail', () => {
    const { comments } = planComments([wpComment('1', '0', { email: '', author: '' })], []);
    expect(comments[0]).toMatchObject({ authorEmail: 'unknown@example.invalid', authorName: 'Anonymous' });
  });
});
