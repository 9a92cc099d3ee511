import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { bootStrapi, type TestApp } from '../helpers/strapi';
import { unique } from '../helpers/fixtures';

let app: TestApp;
let editorJwt = '';
let apiToken = '';
const PASSWORD = 'Upload-Passw0rd!';

const image = (format: 'png' | 'jpeg' | 'webp' | 'avif' | 'gif') =>
  sharp({ create: { width: 8, height: 6, channels: 3, background: '#c0392b' } })
    [format]()
    .toBuffer();

const SCRIPT = Buffer.from("fetch('/admin/users', { method: 'POST', credentials: 'include' });\n");
const PAGE = Buffer.from('<!doctype html><html><body><script src="/uploads/steal.js"></script></body></html>\n');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>\n');

beforeAll(async () => {
  app = await bootStrapi();
  const role = await app.strapi.db.query('admin::role').findOne({ where: { code: 'strapi-editor' } });
  const email = `${unique('editor')}@marquee.test`;
  await (
    app.strapi.service('admin::user') as unknown as { create(attributes: Record<string, unknown>): Promise<unknown> }
  ).create({
    email,
    firstname: 'Eddie',
    lastname: 'Editor',
    password: PASSWORD,
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  editorJwt = String(
    (await app.api().post('/admin/login').send({ email, password: PASSWORD }).expect(200)).body.data.token,
  );
  const tokens = app.strapi.service('admin::api-token-content-api') as unknown as {
    create(attributes: Record<string, unknown>): Promise<{ accessKey: string }>;
  };
  apiToken = (await tokens.create({ name: unique('uploader'), type: 'full-access', lifespan: null })).accessKey;
});

afterAll(() => app.stop());

const uploadsDir = () => path.join(app.database.env.PUBLIC_DIR ?? '', 'uploads');
const storedFiles = () => app.strapi.db.query('plugin::upload.file').count();

const ROUTES = [
  { through: 'the admin panel as an Editor', path: '/upload', auth: () => `Bearer ${editorJwt}` },
  { through: 'the content API', path: '/api/upload', auth: () => `Bearer ${apiToken}` },
];

const send = (route: (typeof ROUTES)[number], bytes: Buffer, filename: string, contentType: string) =>
  app.api().post(route.path).set('Authorization', route.auth()).attach('files', bytes, { filename, contentType });

describe.each(ROUTES)('uploading through $through', (route) => {
  const refused: [string, () => Buffer | Promise<Buffer>, string, string, string][] = [
    [
      'a script',
      () => SCRIPT,
      'steal.js',
      'application/javascript',
      "File type 'application/javascript' is not allowed",
    ],
    ['an HTML page', () => PAGE, 'page.html', 'text/html', "File type 'text/html' is not allowed"],
    ['an SVG with script', () => SVG, 'drawing.svg', 'image/svg+xml', "File type 'image/svg+xml' is not allowed"],
    [
      'an HTML page named .png and declared image/png',
      () => PAGE,
      'photo.png',
      'image/png',
      '"photo.png" is not a PNG, JPEG, WebP, AVIF or GIF image; the media library accepts only those.',
    ],
    ['a PNG named .html', () => image('png'), 'poster.html', 'text/html', "File type 'text/html' is not allowed"],
    [
      'a PNG named .jpg',
      () => image('png'),
      'poster.jpg',
      'image/jpeg',
      '"poster.jpg" holds a PNG image but is named .jpg; rename it .png.',
    ],
  ];

  it.each(refused)('refuses %s with 400 and stores nothing', async (_what, bytes, filename, contentType, message) => {
    const before = await storedFiles();
    const response = await send(route, await bytes(), filename, contentType);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
    expect(await storedFiles()).toBe(before);
    expect(readdirSync(uploadsDir()).filter((name) => !/\.(png|jpe?g|webp|avif|gif)$/.test(name))).toEqual([]);
  });

  it.each([
    ['png', 'poster.png', 'image/png'],
    ['jpeg', 'still.jpg', 'image/jpeg'],
    ['webp', 'cover.webp', 'image/webp'],
    ['avif', 'cover.avif', 'image/avif'],
    ['gif', 'banner.gif', 'image/gif'],
  ] as const)('accepts a real %s image', async (format, filename, contentType) => {
    const response = await send(route, await image(format), filename, contentType).expect(201);
    const [file] = response.body;
    expect(file.mime).toBe(contentType);
    expect(file.ext).toBe(path.extname(filename));
  });
});

describe('serving /uploads from the CMS', () => {
  it('serves an image inline, sandboxed and never sniffed', async () => {
    const [file] = (await send(ROUTES[0]!, await image('png'), 'served.png', 'image/png').expect(201)).body;
    const response = await app.api().get(file.url).expect(200);
    expect(response.headers['content-type']).toBe('image/png');
    expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBeUndefined();
  });

  it('serves a file that is not an image (an older upload) as a sandboxed download', async () => {
    writeFileSync(path.join(uploadsDir(), 'older-page.html'), PAGE);
    const response = await app.api().get('/uploads/older-page.html').expect(200);
    expect(response.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-disposition']).toBe('attachment');
  });
});
