import { readFileSync } from 'node:fs';
import path from 'node:path';
import { resetEnvForTests } from '@/lib/env';

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', `${name}.json`), 'utf8'));
}

/** A fresh Response per call: a body can be read only once. */
export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export type FetchCall = { url: URL; init: RequestInit | undefined };

/** Replaces global fetch with answers chosen per request; records every call. */
export function mockFetch(
  answer: (url: URL, init: RequestInit | undefined) => Response | Promise<Response>,
): FetchCall[] {
  const calls: FetchCall[] = [];
  global.fetch = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    calls.push({ url, init });
    return answer(url, init);
  });
  return calls;
}

export function headerOf(call: FetchCall | undefined, name: string): string | null {
  return new Headers(call?.init?.headers).get(name);
}

/** Before each test: the web's environment pointing at a CMS that `mockFetch` plays, with the web's token. */
export function withCmsEnv(cmsUrl = 'http://cms.test'): void {
  beforeEach(() => {
    process.env.CMS_URL = cmsUrl;
    process.env.CMS_API_TOKEN = 'web-token';
    resetEnvForTests();
  });
}
