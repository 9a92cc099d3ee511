// The caching proxy's behaviour, from proxy/nginx.conf rendered exactly as scripts/scaled.mjs renders it, run by
// the real nginx in front of two small HTTP servers standing in for the web replicas (so each rule is checked in
// seconds, without building Next). `npm test -- proxy` runs it; the browser suite checks the real topology.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { portFree, waitFor } from '../scripts/lib.mjs';
import { startProxy } from '../scripts/scaled.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const REFRESH_SECRET = 'refresh-secret-for-the-proxy-tests';
const FORWARD_SECRET = 'forward-secret-for-the-proxy-tests';
const COOKIE_SECRET = 'cookie-secret-for-the-proxy-tests';

// Per-reader cookies as the web signs them with COOKIE_SECRET (`data.expiresAt.hmac`; web/test/lib/signed-cookie.test.ts
// checks that the web writes exactly these), valid until 2100, and one that expired on 2025-11-24.
const VALID = {
  mq_pending: 'eyJpZCI6ImMxIn0.4102444800.f506aa8f26b4bd00ec052498993b72d67ca455b7516d17a38ae8a386fa5b9c3c',
  mq_flash:
    '0b7f5a52-9a53-4c4e-9d5f-3f2a61b3c0de.4102444800.4216d19eb2e49ab59ee20c4d4e0cf67ff060d6bf9c509b01a08242ae7a5055a4',
  mq_draft: '1.4102444800.bff040f6a2632218bdd60b567f6c484cfdde1f182cd4b783ed8d6a8c6dc41f5b',
};
const EXPIRED_PENDING = 'eyJpZCI6ImMxIn0.1764000000.12f78a8338c8f1ad1569aa7e7585fbb5b227cc74eb34af88283c70e0ad54a2f0';

/** Every request the stand-ins received, in order. */
const seen = [];

/** A stand-in for one web replica: counts requests per path, answers as each path says, records what it saw. */
const fakeWeb = (name) => {
  const state = { mode: 'up', hits: new Map() };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', async () => {
      const url = new URL(req.url, 'http://web');
      const count = (state.hits.get(url.pathname) ?? 0) + 1;
      state.hits.set(url.pathname, count);
      seen.push({
        web: name,
        method: req.method,
        path: url.pathname,
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      });
      if (state.mode === 'hang') return; // never answers
      // A web overwhelmed by readers' own pages: every one of them fails.
      if (url.pathname.startsWith('/flood') && req.headers.cookie) {
        req.socket.destroy();
        return;
      }
      if (state.mode === 'error') {
        res.writeHead(500, { 'Content-Type': 'text/html' }).end('error page');
        return;
      }
      if (url.pathname.startsWith('/slow')) await sleep(300);
      if (url.pathname.startsWith('/gone') || url.pathname === '/__not_found') {
        // Next's answer for a cached page that called notFound(): 404 and an empty shell; for an unmatched path,
        // its complete not-found page.
        const page =
          url.pathname === '/__not_found' ? `<h1>Page not found</h1> ${name}` : '<html id="__next_error__"></html>';
        res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 's-maxage=300' }).end(page);
        return;
      }
      const headers = {
        'Content-Type': req.headers.rsc ? 'text/x-component' : 'text/html; charset=utf-8',
        Vary: 'rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding',
      };
      if (url.pathname.startsWith('/private'))
        headers['Cache-Control'] = 'private, no-cache, no-store, max-age=0, must-revalidate';
      else headers['Cache-Control'] = 's-maxage=300, stale-while-revalidate=86400';
      if (url.pathname.startsWith('/cookie')) headers['Set-Cookie'] = 'mq_pending=abc; Path=/; HttpOnly';
      const body = `${name} ${url.pathname} #${count}${req.headers.rsc ? ' rsc' : ''} ${'x'.repeat(2000)}`;
      res.writeHead(200, headers).end(body);
    });
  });
  return { server, state, name };
};

/** Asks the proxy; returns status, headers, body text and the X-Cache-Status. */
const ask = async (base, path, { method = 'GET', headers = {}, body } = {}) =>
  new Promise((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString();
        resolve({ status: res.statusCode, headers: res.headers, text, cache: res.headers['x-cache-status'] });
      });
    });
    req.on('error', reject);
    req.end(body);
  });

const freePort = async () => {
  for (let port = 18_080; port < 18_200; port += 1) if (await portFree(port)) return port;
  throw new Error('no free port');
};

describe('the caching proxy (proxy/nginx.conf)', () => {
  const webs = [fakeWeb('web1'), fakeWeb('web2')];
  let proxy;
  let base;
  /** The proxy's error log (stderr), line by line. */
  const errorLog = [];
  const hits = (path) => webs.reduce((sum, web) => sum + (web.state.hits.get(path) ?? 0), 0);
  const lastSeen = (path) => seen.filter((request) => request.path === path).at(-1);

  before(async () => {
    const ports = [];
    for (const web of webs) {
      await new Promise((resolve) => web.server.listen(0, '127.0.0.1', resolve));
      ports.push(web.server.address().port);
    }
    const port = await freePort();
    proxy = startProxy({
      port,
      webPorts: ports,
      refreshSecret: REFRESH_SECRET,
      forwardSecret: FORWARD_SECRET,
      cookieSecret: COOKIE_SECRET,
    });
    proxy.child.stderr.on('data', (chunk) => errorLog.push(...chunk.toString().split('\n').filter(Boolean)));
    base = proxy.url;
    await waitFor(`${base}/proxy-health`, 10_000, proxy.child);
  });

  after(async () => {
    await proxy?.stop();
    for (const web of webs) {
      web.server.closeAllConnections();
      web.server.close();
    }
  });

  it('serves a page from the cache for 1 s, then fetches it again', async () => {
    const first = await ask(base, '/reviews/a');
    const second = await ask(base, '/reviews/a');
    assert.equal(first.cache, 'MISS');
    assert.equal(second.cache, 'HIT');
    assert.equal(second.text, first.text);
    await sleep(2100);
    const later = await ask(base, '/reviews/a');
    assert.equal(later.cache, 'EXPIRED');
    assert.notEqual(later.text, first.text, 'a request after 1 s gets a fresh copy, not the old one');
    assert.equal(hits('/reviews/a'), 2);
  });

  it('renders a missing page once for a burst of readers (cache lock)', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => ask(base, '/slow/burst')));
    assert.ok(answers.every((answer) => answer.status === 200));
    assert.equal(hits('/slow/burst'), 1);
  });

  it('never stores a response marked private or no-store', async () => {
    assert.equal((await ask(base, '/private/a')).cache, 'MISS');
    assert.equal((await ask(base, '/private/a')).cache, 'MISS');
    assert.equal(hits('/private/a'), 2);
  });

  it('never stores a response that sets a cookie', async () => {
    await ask(base, '/cookie/a');
    const again = await ask(base, '/cookie/a');
    assert.equal(again.cache, 'MISS');
    assert.match(again.headers['set-cookie']?.[0] ?? '', /^mq_pending=/);
    assert.equal(hits('/cookie/a'), 2);
  });

  it('bypasses the cache for a reader holding a validly signed per-reader cookie, and passes their cookies on', async () => {
    await ask(base, '/reviews/b');
    for (const [name, value] of Object.entries(VALID)) {
      const cookie = `theme=dark; ${name}=${value}`;
      const answer = await ask(base, '/reviews/b', { headers: { Cookie: cookie } });
      assert.equal(answer.cache, 'BYPASS', name);
      assert.equal(lastSeen('/reviews/b').headers.cookie, cookie);
    }
    // A bypassed answer is not stored either: the next anonymous reader still gets the shared copy.
    const shared = await ask(base, '/reviews/b');
    assert.equal(shared.cache, 'HIT');
  });

  it('gives a made-up, expired, tampered or misnamed per-reader cookie the shared cached page', async () => {
    const cached = await ask(base, '/reviews/b2');
    const tampered = VALID.mq_pending.replace('eyJpZCI6ImMxIn0', 'eyJpZCI6ImMyIn0');
    const forgedExpiry = VALID.mq_pending.replace('4102444800', '4102444801');
    const cookies = [
      'mq_pending=x',
      'mq_flash=2',
      'mq_draft=1',
      '__prerender_bypass=3',
      'a=1;__next_preview_data=4',
      `mq_pending=${EXPIRED_PENDING}`,
      `mq_pending=${tampered}`,
      `mq_pending=${forgedExpiry}`,
      `mq_flash=${VALID.mq_pending}`,
      `xmq_pending=${VALID.mq_pending}`,
      'mq_form=2; theme=dark',
    ];
    for (const cookie of cookies) {
      const answer = await ask(base, '/reviews/b2', { headers: { Cookie: cookie } });
      assert.equal(answer.cache, 'HIT', cookie);
      assert.equal(answer.text, cached.text, cookie);
    }
    assert.equal(hits('/reviews/b2'), 1);
  });

  it('renders a miss for a made-up per-reader cookie as the shared page: the web gets no cookies, and the copy is kept', async () => {
    const first = await ask(base, '/reviews/b3', { headers: { Cookie: 'mq_pending=made-up; __prerender_bypass=x' } });
    assert.equal(first.cache, 'MISS');
    assert.equal(lastSeen('/reviews/b3').headers.cookie, undefined);
    assert.equal((await ask(base, '/reviews/b3')).cache, 'HIT');
  });

  it('answers 429 with Retry-After to an address over the per-reader limit, and never limits a comment post', async () => {
    const cookie = `mq_pending=${VALID.mq_pending}`;
    const answers = [];
    for (let i = 0; i < 40; i += 1) answers.push(await ask(base, '/reviews/limited', { headers: { Cookie: cookie } }));
    const limited = answers.filter((answer) => answer.status === 429);
    const passed = answers.filter((answer) => answer.status === 200).length;
    assert.ok(passed >= 15 && passed <= 30, `a burst passes (${passed} of 40)`);
    assert.equal(limited.length, 40 - passed);
    assert.equal(limited[0].headers['retry-after'], '2');
    assert.equal(limited[0].headers['cache-control'], 'no-store');
    const before = hits('/reviews/limited');
    const post = await ask(base, '/reviews/limited', {
      method: 'POST',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'comment=kept',
    });
    assert.equal(post.status, 200);
    assert.equal(hits('/reviews/limited'), before + 1);
    assert.equal(lastSeen('/reviews/limited').body, 'comment=kept');
    // Anonymous readers from the same address still get cached pages.
    assert.equal((await ask(base, '/reviews/b')).status, 200);
  });

  it('keeps the replicas in rotation through a flood of failing per-reader requests, and logs none of the refusals', async () => {
    await sleep(1000);
    const logged = errorLog.length;
    const cookie = `mq_pending=${VALID.mq_pending}`;
    const statuses = [];
    for (let round = 0; round < 10; round += 1) {
      statuses.push(
        ...(await Promise.all(
          Array.from({ length: 30 }, () =>
            ask(base, '/flood/review', { headers: { Cookie: cookie } }).then((answer) => answer.status),
          ),
        )),
      );
    }
    assert.ok(statuses.includes(502), 'some per-reader requests reached the failing web');
    assert.ok(statuses.filter((status) => status === 429).length >= 250, 'most of the flood was refused at the proxy');
    // A page no cache holds still renders: the failures above marked no replica down.
    const miss = await ask(base, '/after-flood');
    assert.equal(miss.status, 200);
    assert.equal(miss.cache, 'MISS');
    const lines = errorLog.slice(logged);
    assert.equal(
      lines.filter((line) =>
        /limiting requests|upstream server temporarily disabled|"http:\/\/marquee_web\//.test(line),
      ).length,
      0,
      lines.join('\n'),
    );
    assert.ok(lines.length <= 75, `${lines.length} error log lines for a flood of 300`);
  });

  it('keeps HTML and RSC payloads of one URL apart', async () => {
    const html = await ask(base, '/reviews/c');
    const rsc = await ask(base, '/reviews/c', { headers: { RSC: '1' } });
    const prefetch = await ask(base, '/reviews/c', { headers: { RSC: '1', 'Next-Router-Prefetch': '1' } });
    assert.equal(rsc.cache, 'MISS');
    assert.equal(prefetch.cache, 'MISS');
    assert.match(rsc.text, / rsc /);
    assert.doesNotMatch(html.text, / rsc /);
    assert.equal((await ask(base, '/reviews/c')).text, html.text);
    assert.equal((await ask(base, '/reviews/c', { headers: { RSC: '1' } })).text, rsc.text);
  });

  it('compresses once per encoding and never sends gzip to a client that did not ask for it', async () => {
    const gzip = await ask(base, '/reviews/d', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(lastSeen('/reviews/d').headers['accept-encoding'], 'gzip');
    const otherBrowser = await ask(base, '/reviews/d', { headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' } });
    const plain = await ask(base, '/reviews/d');
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.equal(otherBrowser.cache, 'HIT');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.cache, 'MISS');
    assert.equal(lastSeen('/reviews/d').headers['accept-encoding'], undefined);
  });

  it("answers an unknown page's 404 with the site's complete not-found page, status kept", async () => {
    const { status, text } = await ask(base, '/gone/review');
    assert.equal(status, 404);
    assert.match(text, /<h1>Page not found<\/h1>/);
    assert.doesNotMatch(text, /__next_error__/);
  });

  it('passes the not-found page request the same overwritten headers as any page, and never answers deflate', async () => {
    const answer = await ask(base, '/gone/headers', {
      headers: {
        Host: 'marquee.example:8080',
        'X-Forwarded-For': '6.6.6.6',
        'X-Forwarded-Host': 'evil.example',
        'X-Marquee-Client-IP': '6.6.6.6',
        'X-Marquee-Proxy': 'forged-by-the-client',
        'Accept-Encoding': 'deflate',
        RSC: '1',
      },
    });
    assert.equal(answer.status, 404);
    assert.equal(answer.headers['content-encoding'], undefined);
    const { headers } = lastSeen('/__not_found');
    assert.equal(headers['x-forwarded-for'], '127.0.0.1');
    assert.equal(headers['x-real-ip'], '127.0.0.1');
    assert.equal(headers.host, 'marquee.example:8080');
    assert.equal(headers['x-forwarded-host'], 'marquee.example:8080');
    assert.equal(headers['x-marquee-client-ip'], undefined);
    assert.equal(headers['x-marquee-proxy'], FORWARD_SECRET);
    assert.equal(headers['accept-encoding'], undefined);
    assert.equal(headers.rsc, undefined);
  });

  it('fetches and stores a page again at once for a request with the refresh secret, and only with it', async () => {
    const first = await ask(base, '/reviews/refreshed');
    const forged = await ask(base, '/reviews/refreshed', { headers: { 'X-Marquee-Refresh': 'not-the-secret-at-all' } });
    assert.equal(forged.cache, 'HIT');
    assert.equal(forged.text, first.text);
    const refresh = await ask(base, '/reviews/refreshed', { headers: { 'X-Marquee-Refresh': REFRESH_SECRET } });
    assert.equal(refresh.cache, 'BYPASS');
    assert.notEqual(refresh.text, first.text);
    const reader = await ask(base, '/reviews/refreshed');
    assert.equal(reader.cache, 'HIT');
    assert.equal(reader.text, refresh.text);
    assert.equal(
      seen.filter((r) => r.path === '/reviews/refreshed').every((r) => r.headers['x-marquee-refresh'] === undefined),
      true,
    );
  });

  it('never caches a POST, and passes its body on', async () => {
    for (let i = 0; i < 2; i += 1) {
      const answer = await ask(base, '/reviews/e', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'comment=hello',
      });
      assert.equal(answer.status, 200);
      assert.equal(answer.cache, undefined);
    }
    assert.equal(hits('/reviews/e'), 2);
    assert.equal(lastSeen('/reviews/e').body, 'comment=hello');
  });

  it('refuses a body over 64 KB with 413 before it reaches the web', async () => {
    const answer = await ask(base, '/reviews/f', { method: 'POST', body: 'x'.repeat(100 * 1024) });
    assert.equal(answer.status, 413);
    assert.equal(hits('/reviews/f'), 0);
  });

  it('never caches /api/', async () => {
    await ask(base, '/api/health');
    const again = await ask(base, '/api/health');
    assert.equal(again.cache, undefined);
    assert.equal(hits('/api/health'), 2);
  });

  it('caches build files for a long time', async () => {
    await ask(base, '/_next/static/chunks/app.js');
    await sleep(2100);
    assert.equal((await ask(base, '/_next/static/chunks/app.js')).cache, 'HIT');
  });

  it('overwrites the forwarded headers a client sends, keeps Host with its port, and hides its version', async () => {
    const answer = await ask(base, '/reviews/g', {
      headers: {
        Host: 'marquee.example:8080',
        'X-Forwarded-For': '6.6.6.6',
        'X-Real-IP': '6.6.6.6',
        'X-Forwarded-Host': 'evil.example',
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Port': '443',
        Forwarded: 'for=6.6.6.6',
        'X-Marquee-Client-IP': '6.6.6.6',
        'X-Marquee-Proxy': 'forged-by-the-client',
      },
    });
    const { headers } = lastSeen('/reviews/g');
    assert.equal(headers['x-forwarded-for'], '127.0.0.1');
    assert.equal(headers['x-marquee-proxy'], FORWARD_SECRET);
    assert.equal(headers['x-real-ip'], '127.0.0.1');
    assert.equal(headers.host, 'marquee.example:8080');
    assert.equal(headers['x-forwarded-host'], 'marquee.example:8080');
    assert.equal(headers['x-forwarded-proto'], 'http');
    assert.equal(headers['x-forwarded-port'], String(new URL(base).port));
    assert.equal(headers.forwarded, undefined);
    assert.equal(headers['x-marquee-client-ip'], undefined);
    assert.equal(answer.headers.server, 'nginx');
  });

  it('keeps serving, at once, with one replica down', async () => {
    const [down] = webs;
    const port = down.server.address().port;
    down.server.closeAllConnections();
    await new Promise((resolve) => down.server.close(resolve));
    const started = Date.now();
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await ask(base, `/one-down/${i}`));
    assert.deepEqual(
      answers.map((answer) => [answer.status, answer.text.split(' ')[0]]),
      Array(4).fill([200, 'web2']),
    );
    assert.ok(
      Date.now() - started < 2000,
      `a refused connection moves on to the other replica (${Date.now() - started} ms)`,
    );
    await new Promise((resolve) => down.server.listen(port, '127.0.0.1', resolve));
  });

  it('serves the last good copy when the web answers 5xx, hangs, or is down', async () => {
    const good = await ask(base, '/reviews/h');
    assert.equal(good.status, 200);
    await sleep(2100);
    for (const web of webs) web.state.mode = 'error';
    const onError = await ask(base, '/reviews/h');
    assert.equal(onError.cache, 'STALE');
    assert.equal(onError.text, good.text);

    await sleep(2100);
    for (const web of webs) web.state.mode = 'hang';
    const started = Date.now();
    const onHang = await ask(base, '/reviews/h');
    assert.equal(onHang.cache, 'STALE');
    assert.equal(onHang.text, good.text);
    assert.ok(
      Date.now() - started < 5_000,
      `a hung web yields the stale copy after the read timeout (${Date.now() - started} ms)`,
    );

    for (const web of webs) {
      web.server.closeAllConnections();
      await new Promise((resolve) => web.server.close(resolve));
    }
    await sleep(2100);
    const onDown = await ask(base, '/reviews/h');
    assert.equal(onDown.cache, 'STALE');
    assert.equal(onDown.text, good.text);
    assert.equal((await ask(base, '/never-cached')).status, 502);
  });
});
