/** @jest-environment node */
import { loadFromCms, metadataFromCms } from '@/lib/cms/unavailable';

jest.mock('next/navigation', () => ({
  unstable_rethrow: (error: unknown) => {
    if (error instanceof Error && error.message === 'NEXT_NOT_FOUND') throw error;
  },
}));

beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));

it('turns a failed CMS read (even one re-thrown by a cache boundary) into { ok: false }', async () => {
  await expect(loadFromCms(() => Promise.resolve(3))).resolves.toEqual({ ok: true, data: 3 });
  await expect(
    loadFromCms(() =>
      Promise.reject(Object.assign(new Error('An error occurred in the Server Components render'), { digest: '123' })),
    ),
  ).resolves.toEqual({ ok: false });
});

it("lets Next's control flow through", async () => {
  await expect(loadFromCms(() => Promise.reject(new Error('NEXT_NOT_FOUND')))).rejects.toThrow('NEXT_NOT_FOUND');
});

it('gives fallback metadata instead of failing the page', async () => {
  await expect(
    metadataFromCms(
      () => Promise.reject(new Error('down')),
      (n: number) => ({ title: String(n) }),
      { title: 'Review' },
    ),
  ).resolves.toEqual({ title: 'Review' });
  await expect(
    metadataFromCms(
      () => Promise.resolve(4),
      (n: number) => ({ title: String(n) }),
      { title: 'Review' },
    ),
  ).resolves.toEqual({ title: '4' });
});
