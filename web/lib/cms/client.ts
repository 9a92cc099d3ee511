import 'server-only';
import { z } from 'zod';
import { env } from '@/lib/env';

/** The only door to Strapi: every request to the CMS and every read of its URL or token goes through here. */

export type CmsFieldError = { field: string; message: string };

export class CmsError extends Error {
  override readonly name = 'CmsError';
  /** HTTP status from the CMS; null when the CMS could not be reached. */
  readonly status: number | null;
  readonly path: string;
  readonly fieldErrors: CmsFieldError[];

  constructor(
    message: string,
    {
      status,
      path,
      cause,
      fieldErrors = [],
    }: { status: number | null; path: string; cause?: unknown; fieldErrors?: CmsFieldError[] },
  ) {
    super(message, { cause });
    this.status = status;
    this.path = path;
    this.fieldErrors = fieldErrors;
  }
}

const errorEnvelopeSchema = z.object({
  error: z.object({
    status: z.number().optional(),
    name: z.string().optional(),
    message: z.string().optional(),
    details: z
      .object({
        errors: z
          .array(z.object({ path: z.array(z.union([z.string(), z.number()])).default([]), message: z.string() }))
          .optional(),
      })
      .loose()
      .nullish(),
  }),
});

export type Query = Record<string, string | number | boolean | undefined>;

type RequestOptions = {
  query?: Query;
  /** Send the web server's API token (drafts, writes). Anonymous otherwise. */
  auth?: boolean;
  method?: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
};

function buildUrl(path: string, query: Query = {}): string {
  const url = new URL(`/api${path}`, env().CMS_URL);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toCmsError(status: number, path: string, payload: unknown): CmsError {
  const envelope = errorEnvelopeSchema.safeParse(payload);
  if (!envelope.success) return new CmsError(`CMS answered ${status}`, { status, path, cause: payload });
  const { message, details } = envelope.data.error;
  const fieldErrors = (details?.errors ?? []).map((e) => ({ field: e.path.map(String).join('.'), message: e.message }));
  return new CmsError(message ?? `CMS answered ${status}`, { status, path, fieldErrors, cause: payload });
}

async function request<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions & { notFoundAsNull: boolean },
): Promise<z.output<S> | null> {
  const { CMS_API_TOKEN, CMS_TIMEOUT_MS } = env();
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  if (options.auth) {
    if (!CMS_API_TOKEN) throw new CmsError('CMS_API_TOKEN is not set', { status: null, path });
    headers.Authorization = `Bearer ${CMS_API_TOKEN}`;
  }
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(CMS_TIMEOUT_MS),
    });
  } catch (cause) {
    throw new CmsError('CMS unreachable', { status: null, path, cause });
  }

  const payload = await readJson(response);
  if (response.status === 404 && options.notFoundAsNull) return null;
  if (!response.ok) throw toCmsError(response.status, path, payload);

  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    throw new CmsError(`Unexpected CMS response for ${path}: ${z.prettifyError(parsed.error)}`, {
      status: response.status,
      path,
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/**
 * GET and parse. A 404 is `null`.
 * @throws {CmsError} when the CMS is unreachable, answers an error, or the body does not match `schema`.
 */
export function cmsGet<S extends z.ZodType>(
  path: string,
  schema: S,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
) {
  return request(path, schema, { ...options, notFoundAsNull: true });
}

/** @throws {CmsError} for any non-2xx answer (404 included) or an unexpected body. */
export async function cmsPost<S extends z.ZodType>(
  path: string,
  body: unknown,
  schema: S,
  options: Omit<RequestOptions, 'method' | 'body'> = {},
): Promise<z.output<S>> {
  const result = await request(path, schema, { ...options, method: 'POST', body, notFoundAsNull: false });
  if (result === null) throw new CmsError('Empty CMS answer', { status: null, path });
  return result;
}

const UPLOAD_PATH = /^\/uploads\/[A-Za-z0-9._\-/]+$/;

/** Streams one upload from the CMS for the same-origin media proxy; `null` for anything but an upload path. */
export async function fetchUpload(path: string): Promise<Response | null> {
  if (!UPLOAD_PATH.test(path) || path.includes('..')) return null;
  try {
    const upstream = await fetch(new URL(path, env().CMS_URL), { signal: AbortSignal.timeout(env().CMS_TIMEOUT_MS) });
    return upstream.ok ? upstream : null;
  } catch (cause) {
    throw new CmsError('CMS unreachable', { status: null, path, cause });
  }
}
