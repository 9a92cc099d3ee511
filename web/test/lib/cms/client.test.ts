/** @jest-environment node */
import { z } from 'zod';
import { CmsError, cmsGet, cmsPost, fetchUpload } from '@/lib/cms/client';
import { resetEnvForTests } from '@/lib/env';
import { fixture, headerOf, jsonResponse, mockFetch, withCmsEnv } from '../../support/fixtures';

const schema = z.object({ data: z.array(z.object({ slug: z.string() })) });

withCmsEnv('http://cms.test:1337/');

describe('cmsGet', () => {
  it('requests the path under /api of CMS_URL with the query, anonymously by default', async () => {
    const calls = mockFetch(() => jsonResponse({ data: [{ slug: 'a' }] }));
    await expect(
      cmsGet('/reviews', schema, { query: { 'filters[slug][$eq]': 'a', skip: undefined } }),
    ).resolves.toEqual({ data: [{ slug: 'a' }] });
    expect(calls[0]?.url.origin).toBe('http://cms.test:1337');
    expect(calls[0]?.url.pathname).toBe('/api/reviews');
    expect(calls[0]?.url.searchParams.get('filters[slug][$eq]')).toBe('a');
    expect(calls[0]?.url.searchParams.has('skip')).toBe(false);
    expect(headerOf(calls[0], 'authorization')).toBeNull();
  });

  it('sends the bearer token only when asked to', async () => {
    const calls = mockFetch(() => jsonResponse({ data: [] }));
    await cmsGet('/reviews', schema, { auth: true });
    expect(headerOf(calls[0], 'authorization')).toBe('Bearer web-token');
  });

  it('returns null for a 404', async () => {
    mockFetch(() => jsonResponse(fixture('captured/review-404'), 404));
    await expect(cmsGet('/reviews/nope', schema)).resolves.toBeNull();
  });

  it('throws a CmsError carrying status and path when the body does not parse, instead of returning an empty list', async () => {
    mockFetch(() => jsonResponse({ data: [{ title: 'no slug' }] }));
    const error = await cmsGet('/reviews', schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CmsError);
    expect(error).toMatchObject({ status: 200, path: '/reviews' });
    expect(error instanceof CmsError && error.cause).toBeInstanceOf(z.ZodError);
  });

  it('throws a CmsError with a null status when the CMS is unreachable', async () => {
    mockFetch(() => Promise.reject(new TypeError('fetch failed')));
    await expect(cmsGet('/reviews', schema)).rejects.toMatchObject({
      name: 'CmsError',
      status: null,
      path: '/reviews',
    });
  });

  it('throws a CmsError with the status for a server error', async () => {
    mockFetch(() =>
      jsonResponse(
        { data: null, error: { status: 500, name: 'InternalServerError', message: 'Internal Server Error' } },
        500,
      ),
    );
    await expect(cmsGet('/reviews', schema)).rejects.toMatchObject({ status: 500, message: 'Internal Server Error' });
  });

  it('refuses an authenticated request when no token is configured', async () => {
    delete process.env.CMS_API_TOKEN;
    resetEnvForTests();
    const calls = mockFetch(() => jsonResponse({ data: [] }));
    await expect(cmsGet('/reviews', schema, { auth: true })).rejects.toBeInstanceOf(CmsError);
    expect(calls).toHaveLength(0);
  });
});

describe('cmsPost', () => {
  it('posts JSON and turns Strapi per-field validation errors into fieldErrors', async () => {
    const calls = mockFetch(() => jsonResponse(fixture('contract/comment-validation-error'), 400));
    const error = await cmsPost('/comments', { data: { body: '' } }, z.object({}), { auth: true }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CmsError);
    expect(error).toMatchObject({
      status: 400,
      fieldErrors: [
        { field: 'authorEmail', message: 'Please enter a valid email address.' },
        { field: 'body', message: 'Please write a comment.' },
      ],
    });
    expect(calls[0]?.init?.method).toBe('POST');
    expect(headerOf(calls[0], 'content-type')).toBe('application/json');
    expect(calls[0]?.init?.body).toBe(JSON.stringify({ data: { body: '' } }));
  });

  it('treats a 404 as an error, not as null', async () => {
    mockFetch(() => jsonResponse(fixture('captured/review-404'), 404));
    await expect(cmsPost('/comments', {}, z.object({}))).rejects.toMatchObject({ status: 404 });
  });
});

describe('fetchUpload', () => {
  it('only proxies paths under /uploads', async () => {
    const calls = mockFetch(() => new Response('img', { status: 200 }));
    await expect(fetchUpload('/api/reviews')).resolves.toBeNull();
    await expect(fetchUpload('/uploads/../admin')).resolves.toBeNull();
    expect(calls).toHaveLength(0);
    await expect(fetchUpload('/uploads/poster_1.jpg')).resolves.toBeInstanceOf(Response);
    expect(calls[0]?.url.href).toBe('http://cms.test:1337/uploads/poster_1.jpg');
  });
});
