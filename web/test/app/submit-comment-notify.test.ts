/** @jest-environment node */
import { submitComment } from '@/app/reviews/[slug]/actions'
import { initialCommentFormState, messages } from '@/lib/comments/form'
import { createFormToken } from '@/lib/comments/form-token'
import { FLASH_COOKIE, readFlash } from '@/lib/comments/flash'
import { verifyCookie } from '@/lib/comments/signed-cookie'
import { resetEnvForTests } from '@/lib/env'
import { fixture, jsonResponse, mockFetch } from '../support/fixtures'

const cookieJar = new Map<string, { value: string; options: unknown }>()
let requestHeaders = new Headers()
/** The id inside the signed flash cookie the action set, as the reader's own page reads it. */
const flashId = () => verifyCookie('cookie-secret-for-tests-000', FLASH_COOKIE, cookieJar.get(FLASH_COOKIE)?.value) ?? undefined

jest.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url })
  },
}))
jest.mock('next/cache', () => ({ updateTag: jest.fn(), cacheTag: jest.fn(), cacheLife: jest.fn() }))
jest.mock('next/headers', () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({
    set: (name: string, value: string, options: unknown) => cookieJar.set(name, { value, options }),
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)?.value } : undefined),
  }),
}))

const target = { reviewId: 'rvw1', reviewSlug: 'heat-review', parentId: null }

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  const all = { name: 'Ada Reader', email: 'ada@example.org', website: '', comment: 'Loved it.', formToken: createFormToken('form-secret-form-secret', 1764000000000), phone_number: '', ...fields }
  for (const [k, v] of Object.entries(all)) data.set(k, v)
  return data
}

beforeEach(() => {
  process.env.CMS_URL = 'http://cms.test'
  process.env.CMS_API_TOKEN = 'web-token'
  process.env.COMMENT_COOKIE_SECRET = 'cookie-secret-for-tests-000'
  process.env.SITE_URL = 'https://marquee.example'
  process.env.COMMENT_FORM_SECRET = 'form-secret-form-secret'
  process.env.TRUSTED_PROXY_HOPS = '1'
  resetEnvForTests()
  cookieJar.clear()
  requestHeaders = new Headers({ 'next-action': 'action-id', 'x-forwarded-for': '203.0.113.9' })
})

it('asks the CMS for the notifications whose boxes are ticked, and for none otherwise', async () => {
  const calls = mockFetch(() => jsonResponse(fixture('contract/comment-created'), 201))
  await submitComment(target, initialCommentFormState, form({ notifyReplies: 'on', notifyApproval: 'on' }))
  await submitComment(target, initialCommentFormState, form({ notifyApproval: 'on' }))
  await submitComment(target, initialCommentFormState, form({}))
  const sent = calls.map((call) => JSON.parse(String(call.init?.body)).data)
  expect(sent[0]).toMatchObject({ notifyReplies: true, notifyApproval: true })
  expect(sent[1]).toMatchObject({ notifyApproval: true })
  expect(sent[1]).not.toHaveProperty('notifyReplies')
  expect(sent[2]).not.toHaveProperty('notifyReplies')
  expect(sent[2]).not.toHaveProperty('notifyApproval')
})

it('keeps the boxes ticked in the answer to a failed post, with JavaScript off too', async () => {
  mockFetch(() => jsonResponse({}, 500))
  const state = await submitComment(target, initialCommentFormState, form({ email: 'nope', notifyReplies: 'on', notifyApproval: 'on' }))
  expect(state).toMatchObject({ status: 'error', values: { notifyReplies: true, notifyApproval: true } })

  requestHeaders = new Headers({ 'x-forwarded-for': '203.0.113.9' })
  await expect(submitComment(target, initialCommentFormState, form({ email: 'nope', notifyReplies: 'on' }))).rejects.toMatchObject({ url: '/reviews/heat-review#respond' })
  const flash = await readFlash(flashId(), 'rvw1')
  expect(flash).toMatchObject({ status: 'error', message: messages.fixErrors, values: { email: 'nope', notifyReplies: true } })
  expect(flash?.values.notifyApproval).toBeUndefined()
})
