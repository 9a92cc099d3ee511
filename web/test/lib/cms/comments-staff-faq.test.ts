/** @jest-environment node */
import { getApprovedComments } from '@/lib/cms/comments'
import { resetEnvForTests } from '@/lib/env'
import { jsonResponse, mockFetch } from '../../support/fixtures'

jest.mock('next/cache', () => ({ cacheTag: jest.fn(), cacheLife: jest.fn() }))

beforeEach(() => {
  process.env.CMS_URL = 'http://cms.test'
  process.env.CMS_API_TOKEN = 'web-token'
  resetEnvForTests()
})

it('keeps the staff flag and the FAQ documentId, and nothing else of the FAQ', async () => {
  mockFetch(() =>
    jsonResponse({
      data: [
        {
          documentId: 'q1', authorName: 'Ayşe', authorWebsite: null, body: 'Worth it?', createdAt: '2026-11-24T20:39:42.114Z', isStaff: false,
          faq: { documentId: 'faq1', question: 'secret draft question', publishedAt: null },
          replies: [{ documentId: 's1', authorName: 'Mo', body: 'Yes', createdAt: '2026-11-24T20:40:42.114Z', isStaff: true, faq: null, replies: [] }],
        },
      ],
      meta: { pagination: { page: 1, pageSize: 50, pageCount: 1, total: 1 } },
    }),
  )
  const thread = await getApprovedComments('x')
  expect(thread?.comments[0]).toMatchObject({ isStaff: false, faqId: 'faq1' })
  expect(thread?.comments[0]?.replies[0]).toMatchObject({ isStaff: true, faqId: null })
  expect(JSON.stringify(thread)).not.toContain('secret draft question')
})
