/** @jest-environment node */
import { createServer, ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeLargeStringBodies, LARGE_BODY } from '@/lib/utf8-bodies';

let server: Server;
let url: string;
/** What the route answers, and with which arguments to end(). */
let answer: (res: ServerResponse) => void;
/** Each call to the original end(): the type of its first argument. */
const ends: string[] = [];
const pristine = ServerResponse.prototype.end;

beforeAll(async () => {
  const original = pristine;
  // Records what reaches Node's own end() once the patch sits in front of it.
  ServerResponse.prototype.end = function recordingEnd(this: ServerResponse, ...args: unknown[]) {
    ends.push(Buffer.isBuffer(args[0]) ? 'buffer' : typeof args[0]);
    return Reflect.apply(original, this, args);
  } as typeof original;
  encodeLargeStringBodies();
  encodeLargeStringBodies(); // a second call must not wrap twice
  server = createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  // Node's http is shared by the worker's later test files: they get it back as it was.
  ServerResponse.prototype.end = pristine;
  Reflect.deleteProperty(ServerResponse.prototype, Symbol.for('marquee.utf8-bodies'));
});

beforeEach(() => {
  ends.length = 0;
});

// A page as Next renders it: mostly ASCII, with characters past Latin-1 that make V8 hold it as two-byte.
const page = (length: number) => {
  const text = `<p>Review › Drama · “a film” — ★★★★☆ ${'x'.repeat(length)}</p>`;
  return text.slice(0, length);
};

describe('encodeLargeStringBodies', () => {
  it('sends a large string body as its UTF-8 bytes, whole, with the Content-Length set for the string', async () => {
    const html = page(LARGE_BODY * 4);
    answer = (res) => {
      res.setHeader('Content-Length', Buffer.byteLength(html));
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(html);
    };
    const response = await fetch(url);
    expect(await response.text()).toBe(html);
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(html)));
    expect(ends).toEqual(['buffer']);
  });

  it('keeps the callback, with or without an encoding', async () => {
    const html = page(LARGE_BODY);
    const done = jest.fn();
    answer = (res) => res.end(html, 'utf8', done);
    expect(await (await fetch(url)).text()).toBe(html);
    answer = (res) => res.end(html, done);
    expect(await (await fetch(url)).text()).toBe(html);
    expect(done).toHaveBeenCalledTimes(2);
    expect(ends).toEqual(['buffer', 'buffer']);
  });

  it('leaves small bodies, other encodings and empty ends to Node', async () => {
    answer = (res) => res.end('short › body');
    expect(await (await fetch(url)).text()).toBe('short › body');
    const latin1 = 'é'.repeat(LARGE_BODY);
    answer = (res) => res.end(latin1, 'latin1');
    expect(Buffer.from(await (await fetch(url)).arrayBuffer())).toEqual(Buffer.from(latin1, 'latin1'));
    answer = (res) => {
      res.write('streamed');
      res.end();
    };
    expect(await (await fetch(url)).text()).toBe('streamed');
    expect(ends).toEqual(['string', 'string', 'undefined']);
  });
});
