// `node scripts/generate-wxr.mjs <out.xml> [--posts 10000] [--comments 200000] [--seed 42]`
//
// Writes a WordPress export (WXR 1.2) of a made-up film blog at any size, for measuring `npm run import:wordpress`:
// block-editor posts with five h2 sections and an FAQ section, a rating meta, two categories each; comments spread
// over the posts, threaded up to five deep (deeper than Marquee keeps), 80% approved, 10% pending, 5% spam, 5% trash,
// one in twenty by staff. Streams as it writes, so its own memory stays flat.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import {
  FAQ_QUESTIONS,
  FILM_WORDS,
  FIRST_NAMES,
  GENRES,
  LAST_NAMES,
  SECTION_HEADINGS,
  TITLE_PHRASES,
  VOCABULARY,
} from './scale/words.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    posts: { type: 'string', default: '10000' },
    comments: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '42' },
  },
});
const [out] = positionals;
if (!out) {
  console.error('Usage: node scripts/generate-wxr.mjs <out.xml> [--posts 10000] [--comments 200000] [--seed 42]');
  process.exit(2);
}
const posts = Number(values.posts);
const comments = Number(values.comments);

let seed = Number(values.seed);
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const sentence = () => {
  const words = Array.from({ length: 8 + Math.floor(rand() * 10) }, () => pick(VOCABULARY)).join(' ');
  return `${words[0].toUpperCase()}${words.slice(1)}.`;
};
const paragraph = () => Array.from({ length: 3 }, sentence).join(' ');
const slugify = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const cdata = (text) => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const pad = (n) => String(n).padStart(2, '0');
const wpDate = (ms) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

const stream = createWriteStream(out);
const write = async (text) => {
  if (!stream.write(text)) await once(stream, 'drain');
};

await write(`<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Generated film blog</title>
<link>https://films.example.com</link>
<wp:wxr_version>1.2</wp:wxr_version>
`);
const critics = Array.from({ length: 12 }, (_, i) => ({
  login: `critic${i + 1}`,
  name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[i % LAST_NAMES.length]}`,
}));
for (const critic of critics) {
  await write(
    `<wp:author><wp:author_login>${cdata(critic.login)}</wp:author_login><wp:author_email>${cdata(`${critic.login}@films.example.com`)}</wp:author_email><wp:author_display_name>${cdata(critic.name)}</wp:author_display_name></wp:author>\n`,
  );
}

const START = Date.UTC(2012, 0, 1);
let commentId = 0;
let left = comments;
for (let p = 1; p <= posts; p += 1) {
  const id = 1000 + p;
  const title = `${pick(FILM_WORDS)} ${pick(FILM_WORDS)}: ${pick(TITLE_PHRASES)} (${p})`;
  const slug = slugify(title);
  const date = START + p * 6 * 3600 * 1000;
  const body = [
    `<!-- wp:paragraph -->\n<p>${paragraph()}</p>\n<!-- /wp:paragraph -->`,
    ...SECTION_HEADINGS.slice(0, 5).map(
      (heading) =>
        `<!-- wp:heading -->\n<h2 class="wp-block-heading">${heading}</h2>\n<!-- /wp:heading -->\n\n<!-- wp:paragraph -->\n<p>${paragraph()} <strong>${sentence()}</strong></p>\n<!-- /wp:paragraph -->\n\n<!-- wp:paragraph -->\n<p>${paragraph()}</p>\n<!-- /wp:paragraph -->`,
    ),
    `<!-- wp:heading -->\n<h2>FAQ</h2>\n<!-- /wp:heading -->\n\n<h3>${pick(FAQ_QUESTIONS)}</h3>\n<p>${sentence()}</p>\n<h3>${pick(FAQ_QUESTIONS)} (2)</h3>\n<p>${sentence()}</p>`,
  ].join('\n\n');
  const genres = [pick(GENRES), pick(GENRES)];
  await write(`<item>
<title>${cdata(title)}</title>
<link>https://films.example.com/${new Date(date).getUTCFullYear()}/${pad(new Date(date).getUTCMonth() + 1)}/${slug}/</link>
<dc:creator>${cdata(pick(critics).login)}</dc:creator>
<content:encoded>${cdata(body)}</content:encoded>
<excerpt:encoded>${cdata(sentence())}</excerpt:encoded>
<wp:post_id>${id}</wp:post_id>
<wp:post_date>${cdata(wpDate(date))}</wp:post_date>
<wp:post_date_gmt>${cdata(wpDate(date))}</wp:post_date_gmt>
<wp:comment_status>open</wp:comment_status>
<wp:post_name>${cdata(slug)}</wp:post_name>
<wp:status>${p % 50 === 0 ? 'draft' : 'publish'}</wp:status>
<wp:post_type>post</wp:post_type>
<wp:post_password></wp:post_password>
${genres.map((genre) => `<category domain="category" nicename="${slugify(genre)}">${cdata(genre)}</category>`).join('\n')}
<wp:postmeta><wp:meta_key>rating</wp:meta_key><wp:meta_value>${p % 10 === 0 ? '' : (1 + Math.floor(rand() * 9) / 2).toFixed(1)}</wp:meta_value></wp:postmeta>
`);
  const count = p === posts ? left : Math.min(left, Math.round(comments / posts));
  left -= count;
  const depth = new Map();
  const ids = [];
  for (let c = 0; c < count; c += 1) {
    commentId += 1;
    const parent = ids.length > 0 && rand() < 0.4 ? pick(ids) : 0;
    depth.set(commentId, parent ? depth.get(parent) + 1 : 1);
    if ((depth.get(commentId) ?? 1) < 5) ids.push(commentId);
    const r = rand();
    const approved = r < 0.8 ? '1' : r < 0.9 ? '0' : r < 0.95 ? 'spam' : 'trash';
    const staff = rand() < 0.05;
    const name = staff ? 'Staff' : `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    await write(`<wp:comment>
<wp:comment_id>${commentId}</wp:comment_id>
<wp:comment_author>${cdata(name)}</wp:comment_author>
<wp:comment_author_email>${cdata(`reader${Math.floor(rand() * 50000)}@example.org`)}</wp:comment_author_email>
<wp:comment_author_url></wp:comment_author_url>
<wp:comment_author_IP>${cdata(`10.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`)}</wp:comment_author_IP>
<wp:comment_date_gmt>${cdata(wpDate(date + (c + 1) * 60_000))}</wp:comment_date_gmt>
<wp:comment_content>${cdata(`<p>${sentence()} ${sentence()}</p>`)}</wp:comment_content>
<wp:comment_approved>${cdata(approved)}</wp:comment_approved>
<wp:comment_type>${cdata('comment')}</wp:comment_type>
<wp:comment_parent>${parent}</wp:comment_parent>
<wp:comment_user_id>${staff ? 1 : 0}</wp:comment_user_id>
</wp:comment>
`);
  }
  await write('</item>\n');
}
await write('</channel>\n</rss>\n');
stream.end();
await once(stream, 'finish');
console.log(`${out}: ${posts} posts, ${commentId} comments`);
