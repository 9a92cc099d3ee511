// Plain HTTP/1.1 requests for the benchmark's measurements: the bytes exactly as sent (no decompression, unlike
// fetch), over kept-alive connections, timed from sending to the last byte.
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
        resolve({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks), ms: performance.now() - started }),
      );
      response.on('error', reject);
    });
    request.setTimeout(30_000, () => request.destroy(new Error(`GET ${url} took more than 30 s`)));
    request.on('error', reject);
  });

/** GET that must answer 200. */
export const getOk = async (url, headers) => {
  const response = await get(url, headers);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return response;
};

/** Closes the kept-alive connections (so the process can exit). */
export const closeConnections = () => agent.destroy();

/** Nearest-rank percentile of `values` (ms). */
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
