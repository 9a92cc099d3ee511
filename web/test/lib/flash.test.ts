/** @jest-environment node */
import { FLASH_TTL_S, readFlash, saveFlash } from '@/lib/comments/flash'
import { initialCommentFormState } from '@/lib/comments/form'

const state = { ...initialCommentFormState, status: 'error' as const, message: 'x' }

it('gives the answer back for its review only', () => {
  const id = saveFlash('rv1', state, 1000)
  expect(readFlash(id, 'rv1', 1001)).toEqual(state)
  expect(readFlash(id, 'rv2', 1001)).toBeNull()
  expect(readFlash('unknown', 'rv1', 1001)).toBeNull()
  expect(readFlash(undefined, 'rv1', 1001)).toBeNull()
})

it('forgets the answer shortly after it was first shown, so a reload shows a fresh form', () => {
  const id = saveFlash('rv1', state, 1000)
  expect(readFlash(id, 'rv1', 2000)).toEqual(state)
  expect(readFlash(id, 'rv1', 4000)).toEqual(state)
  expect(readFlash(id, 'rv1', 60_000)).toBeNull()
})

it('expires an answer never shown', () => {
  const id = saveFlash('rv1', state, 1000)
  expect(readFlash(id, 'rv1', 1000 + FLASH_TTL_S * 1000 + 1)).toBeNull()
})
