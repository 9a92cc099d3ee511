// The benchmarks' requests: plain HTTP/1.1 for the measurements (the bytes exactly as sent, no decompression, unlike
// fetch, over kept-alive connections, timed from sending to the last byte), and the calls that set a run up.
import { createHmac } from 'node:crypto';
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });

/** GET `url` with `headers`; resolves { status, headers, body (Buffer, as sent), ms }. */
export const get = (url, headers = {}) =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode,
          headers: response.headers,
          body: Buffer.concat(chunks),
          ms: performance.now() - started,
        }),
      );
      response.on('error', reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${url} took more than 30 s`)));
    request.on('error', reject);
  });

// The page the web renders when its CMS read failed (components/layout/cms-unavailable.tsx): a fast 200 that
// measures nothing, so it fails the run instead.
const UNAVAILABLE = 'This page is taking a break';

/** GET that must answer 200 with a page rendered from the CMS. */
export const getOk = async (url, headers) => {
  const response = await get(url, headers);
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status}: ${response.body.toString('utf8').slice(0, 200)}`);
  if (response.body.includes(UNAVAILABLE)) throw new Error(`GET ${url} rendered the "CMS unavailable" page`);
  return response;
};

/** GET of a JSON answer that must be 2xx. */
export const getJson = async (url, headers = {}) => {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
  return response.json();
};

/** The admin panel's own API, as an editor's browser signs in (web/e2e/editing.spec.ts): its authorization header. */
export const adminHeaders = async (cmsUrl, admin) => {
  const response = await fetch(`${cmsUrl}/admin/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(admin),
  });
  if (!response.ok) throw new Error(`admin login answered ${response.status}`);
  const { data } = await response.json();
  return { authorization: `Bearer ${data.token}` };
};

/**
 * A signed change notice, as the CMS sends it (cms/src/revalidation/notifier.ts; web/lib/cms/revalidate.ts): `event`
 * holds at least `model` and `documentId`.
 */
export const notifyChange = async (webUrl, secret, event) => {
  const body = JSON.stringify({
    event: 'update',
    slug: null,
    review: null,
    ...event,
    sentAt: new Date().toISOString(),
  });
  const response = await fetch(`${webUrl}/api/revalidate`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-marquee-signature': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
    body,
  });
  if (!response.ok) throw new Error(`the change notice answered ${response.status}: ${await response.text()}`);
};

/** Closes the kept-alive connections (so the process can exit). */
export const closeConnections = () => agent.destroy();

/** Nearest-rank percentile of `values` (ms). */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
