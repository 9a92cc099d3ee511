import { createReadStream } from 'node:fs';
import path from 'node:path';
import { SaxesParser, type SaxesTag } from 'saxes';

/** One wp:author of the export. */
export interface WxrAuthor {
  login: string;
  email: string;
  displayName: string;
}

/** One wp:category (a post category; tags and other taxonomies are not genres). */
export interface WxrCategory {
  nicename: string;
  name: string;
}

export interface WxrComment {
  id: string;
  author: string;
  email: string;
  url: string;
  ip: string;
  dateGmt: string;
  date: string;
  content: string;
  /** 1, 0, spam, trash (and post-trashed) as WordPress stores it */
  approved: string;
  /** '' or comment for a comment; pingback, trackback; or a plugin's own type */
  type: string;
  parent: string;
  userId: string;
}

export interface WxrItem {
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  postId: string;
  postDate: string;
  postDateGmt: string;
  postName: string;
  status: string;
  postType: string;
  password: string;
  /** open or closed */
  commentStatus: string;
  attachmentUrl: string;
  categories: { domain: string; nicename: string; name: string }[];
  meta: Map<string, string>;
  comments: WxrComment[];
}

export interface WxrChannel {
  title: string;
  link: string;
  version: string;
}

export type WxrEntry =
  | { kind: 'channel'; channel: WxrChannel }
  | { kind: 'author'; author: WxrAuthor }
  | { kind: 'category'; category: WxrCategory }
  | { kind: 'item'; item: WxrItem };

/** The file cannot be read as a WordPress export; `where` is file:line:column when the parser knows it. */
export class WxrError extends Error {
  constructor(
    message: string,
    readonly where: string,
  ) {
    super(`${where}: ${message}`);
    this.name = 'WxrError';
  }
}

const WXR_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/1\.[0-2]\/$/;

const emptyItem = (): WxrItem => ({
  title: '',
  link: '',
  creator: '',
  content: '',
  excerpt: '',
  postId: '',
  postDate: '',
  postDateGmt: '',
  postName: '',
  status: '',
  postType: '',
  password: '',
  commentStatus: '',
  attachmentUrl: '',
  categories: [],
  meta: new Map(),
  comments: [],
});

const emptyComment = (): WxrComment => ({
  id: '',
  author: '',
  email: '',
  url: '',
  ip: '',
  dateGmt: '',
  date: '',
  content: '',
  approved: '',
  type: '',
  parent: '0',
  userId: '0',
});

const ITEM_FIELDS: Record<string, keyof WxrItem> = {
  title: 'title',
  link: 'link',
  'dc:creator': 'creator',
  'content:encoded': 'content',
  'excerpt:encoded': 'excerpt',
  'wp:post_id': 'postId',
  'wp:post_date': 'postDate',
  'wp:post_date_gmt': 'postDateGmt',
  'wp:post_name': 'postName',
  'wp:status': 'status',
  'wp:post_type': 'postType',
  'wp:post_password': 'password',
  'wp:comment_status': 'commentStatus',
  'wp:attachment_url': 'attachmentUrl',
};

const COMMENT_FIELDS: Record<string, keyof WxrComment> = {
  'wp:comment_id': 'id',
  'wp:comment_author': 'author',
  'wp:comment_author_email': 'email',
  'wp:comment_author_url': 'url',
  'wp:comment_author_IP': 'ip',
  'wp:comment_date': 'date',
  'wp:comment_date_gmt': 'dateGmt',
  'wp:comment_content': 'content',
  'wp:comment_approved': 'approved',
  'wp:comment_type': 'type',
  'wp:comment_parent': 'parent',
  'wp:comment_user_id': 'userId',
};

/** Text fields whose surrounding whitespace is markup, not data (WordPress.com pretty-prints its exports). */
const KEEP_WHITESPACE = new Set(['content:encoded', 'excerpt:encoded', 'wp:comment_content']);

/**
 * Reads a WXR file as a stream of channel facts, authors, categories and items, one item in memory at a time.
 * The parser refuses a DOCTYPE outright: an export never has one, and refusing it is what keeps external entities
 * (XXE) and entity expansion (billion laughs) out, whatever the parser would otherwise do with them.
 * @throws WxrError for a file that is not well-formed XML or not a WordPress export, with where it went wrong.
 */
export async function* readWxr(file: string): AsyncGenerator<WxrEntry> {
  const fileName = path.basename(file);
  const parser = new SaxesParser({ fileName, position: true, xmlns: false });
  const queue: WxrEntry[] = [];
  const stack: string[] = [];
  let text = '';
  let item: WxrItem | null = null;
  let comment: WxrComment | null = null;
  let author: WxrAuthor | null = null;
  let category: WxrCategory | null = null;
  let categoryAttributes: { domain: string; nicename: string } | null = null;
  let metaKey = '';
  let metaValue = '';
  const channel: WxrChannel = { title: '', link: '', version: '' };
  let channelSent = false;
  let failure: WxrError | null = null;

  const where = () => `${fileName}:${parser.line}:${parser.column}`;
  const fail = (message: string) => {
    failure ??= new WxrError(message, where());
  };

  parser.on('doctype', () =>
    fail('the file declares a DOCTYPE; a WordPress export has none, and entity declarations are refused'),
  );
  parser.on('error', (error) => {
    failure ??= new WxrError(error.message.replace(/^[^:]*:\d+:\d+: /, ''), where());
  });
  parser.on('opentag', (tag: SaxesTag) => {
    const name = tag.name;
    const parent = stack[stack.length - 1];
    if (stack.length === 0) {
      if (name !== 'rss') fail(`the root element is <${name}>, not <rss>: this is not a WordPress export (WXR)`);
      const namespace = tag.attributes['xmlns:wp'];
      if (typeof namespace !== 'string' || !WXR_NAMESPACE.test(namespace)) {
        fail(
          'the <rss> element does not declare the WordPress export namespace (xmlns:wp): this is not a WordPress export (WXR)',
        );
      }
    }
    stack.push(name);
    text = '';
    if (name === 'item' && parent === 'channel') {
      if (!channelSent) {
        queue.push({ kind: 'channel', channel: { ...channel } });
        channelSent = true;
      }
      item = emptyItem();
    } else if (name === 'wp:comment' && item) comment = emptyComment();
    else if (name === 'wp:author' && parent === 'channel') author = { login: '', email: '', displayName: '' };
    else if (name === 'wp:category' && parent === 'channel') category = { nicename: '', name: '' };
    else if (name === 'category' && item) {
      const { domain, nicename } = tag.attributes;
      categoryAttributes = {
        domain: typeof domain === 'string' ? domain : '',
        nicename: typeof nicename === 'string' ? nicename : '',
      };
    } else if (name === 'wp:postmeta' || name === 'wp:commentmeta') {
      metaKey = '';
      metaValue = '';
    }
  });
  parser.on('text', (chunk) => {
    text += chunk;
  });
  parser.on('cdata', (chunk) => {
    text += chunk;
  });
  parser.on('closetag', (tag) => {
    const name = tag.name;
    stack.pop();
    const parent = stack[stack.length - 1];
    const value = KEEP_WHITESPACE.has(name) ? text : text.trim();
    if (comment) {
      const field = COMMENT_FIELDS[name];
      if (field) comment[field] = value;
      else if (name === 'wp:comment') {
        item?.comments.push(comment);
        comment = null;
      }
    } else if (item) {
      const field = ITEM_FIELDS[name];
      if (field && parent === 'item') (item[field] as string) = value;
      else if (name === 'category' && categoryAttributes) {
        item.categories.push({ ...categoryAttributes, name: value });
        categoryAttributes = null;
      } else if (name === 'wp:meta_key') metaKey = value;
      else if (name === 'wp:meta_value') metaValue = text;
      else if (name === 'wp:postmeta' && metaKey) item.meta.set(metaKey, metaValue);
      else if (name === 'item') {
        queue.push({ kind: 'item', item });
        item = null;
      }
    } else if (author) {
      if (name === 'wp:author_login') author.login = value;
      else if (name === 'wp:author_email') author.email = value;
      else if (name === 'wp:author_display_name') author.displayName = value;
      else if (name === 'wp:author') {
        queue.push({ kind: 'author', author });
        author = null;
      }
    } else if (category) {
      if (name === 'wp:category_nicename') category.nicename = value;
      else if (name === 'wp:cat_name') category.name = value;
      else if (name === 'wp:category') {
        queue.push({ kind: 'category', category });
        category = null;
      }
    } else if (parent === 'channel') {
      if (name === 'title') channel.title = value;
      else if (name === 'link') channel.link = value;
      else if (name === 'wp:wxr_version') channel.version = value;
    }
    text = '';
  });

  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream) {
      parser.write(chunk as string);
      if (failure) throw failure;
      yield* queue.splice(0);
    }
    parser.close();
  } catch (error) {
    if (error instanceof WxrError) throw error;
    if (failure) throw failure;
    throw new WxrError(error instanceof Error ? error.message : String(error), where());
  } finally {
    stream.destroy();
  }
  if (failure) throw failure;
  if (!channel.version)
    throw new WxrError('no <wp:wxr_version> in the channel: this is not a WordPress export (WXR)', where());
  if (!channelSent) queue.push({ kind: 'channel', channel: { ...channel } });
  yield* queue.splice(0);
}
