/** @jest-environment node */
import { FLASH_TTL_S, readFlash, saveFlash } from '@/lib/comments/flash';
import { initialCommentFormState } from '@/lib/comments/form';
import { memoryStore } from '@/lib/shared-store';

const state = { ...initialCommentFormState, status: 'error' as const, message: 'x' };

let now = 1000;
const clock = () => now;
beforeEach(() => {
  now = 1000;
});

it('gives the answer back for its review only', async () => {
  const store = memoryStore(clock);
  const id = await saveFlash('rv1', state, store);
  now = 1001;
  expect(await readFlash(id, 'rv1', now, store)).toEqual(state);
  expect(await readFlash(id, 'rv2', now, store)).toBeNull();
  expect(await readFlash('00000000-0000-4000-8000-000000000000', 'rv1', now, store)).toBeNull();
  expect(await readFlash('not an id', 'rv1', now, store)).toBeNull();
  expect(await readFlash(undefined, 'rv1', now, store)).toBeNull();
});

it('forgets the answer shortly after it was first shown, so a reload shows a fresh form', async () => {
  const store = memoryStore(clock);
  const id = await saveFlash('rv1', state, store);
  expect(await readFlash(id, 'rv1', 2000, store)).toEqual(state);
  expect(await readFlash(id, 'rv1', 4000, store)).toEqual(state);
  expect(await readFlash(id, 'rv1', 60_000, store)).toBeNull();
});

it('expires an answer never shown', async () => {
  const store = memoryStore(clock);
  const id = await saveFlash('rv1', state, store);
  now = 1000 + FLASH_TTL_S * 1000 + 1;
  expect(await readFlash(id, 'rv1', now, store)).toBeNull();
});

it('treats a store that cannot answer as nothing to show', async () => {
  const broken = {
    get: () => Promise.reject(new Error('down')),
    set: () => Promise.reject(new Error('down')),
    delete: () => Promise.reject(new Error('down')),
  };
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  expect(await readFlash('00000000-0000-4000-8000-000000000000', 'rv1', now, broken)).toBeNull();
});
