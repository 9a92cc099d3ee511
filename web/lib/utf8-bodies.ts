import { ServerResponse } from 'node:http';

/** A body this long (UTF-16 code units) or longer is encoded before Node's http sees it. */
export const LARGE_BODY = 8 * 1024;

const ENCODED = Symbol.for('marquee.utf8-bodies');
type Patched = typeof ServerResponse.prototype & { [ENCODED]?: true };

/**
 * Makes the server send a large string body as UTF-8 bytes. Next answers a page from its cache with
 * `res.end(html)`, html a string, and Node's http (OutgoingMessage#_send) joins a string body to the header text
 * before writing: a new string on every response, which V8 flattens, for a page with any character past Latin-1 (a
 * '›', an em dash, a curly quote), into a fresh two-byte copy twice the page's size, in a large-object page of its
 * own, and then encodes to UTF-8. A Buffer is written beside the header instead, which roughly doubles the cached
 * pages Next serves a second (docs/performance.md); Node's own benchmark (benchmark/http/end-vs-write-end.js) shows
 * the same gap between 'utf' and 'buf' bodies.
 *
 * The bytes sent are the same: the header Next set (Content-Length, ETag) still holds. Other encodings, small bodies
 * and streamed responses are left to Node. Called once per process, by instrumentation.ts.
 */
export function encodeLargeStringBodies(): void {
  const prototype: Patched = ServerResponse.prototype;
  if (prototype[ENCODED]) return;
  const end = prototype.end;
  prototype.end = function endWithBytes(this: ServerResponse, ...args: unknown[]) {
    const [chunk, encoding] = args;
    const utf8 =
      encoding === undefined || typeof encoding === 'function' || encoding === 'utf8' || encoding === 'utf-8';
    if (typeof chunk === 'string' && chunk.length >= LARGE_BODY && utf8) {
      const callback = args.find((arg) => typeof arg === 'function');
      return Reflect.apply(end, this, callback ? [Buffer.from(chunk, 'utf8'), callback] : [Buffer.from(chunk, 'utf8')]);
    }
    return Reflect.apply(end, this, args);
  } as typeof prototype.end;
  prototype[ENCODED] = true;
}
