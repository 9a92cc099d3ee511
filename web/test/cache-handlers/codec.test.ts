/** @jest-environment node */
import { decode, encode } from '@/cache-handlers/codec'

/** The shape Next hands the incremental cache for an app page: HTML, RSC bytes, segment data in a Map. */
const page = () => ({
  lastModified: 1_796_500_000_000,
  value: {
    kind: 'APP_PAGE',
    html: '<!DOCTYPE html><p>Review › verdict</p>',
    rscData: Buffer.from('0:["$","p",null,{"children":"Review"}]\n'),
    headers: { 'x-next-cache-tags': 'review:abc,reviews' },
    postponed: undefined,
    status: 200,
    segmentData: new Map([
      ['/_tree', Buffer.from([0, 1, 2, 255])],
      ['/reviews/$d$slug/__PAGE__', new Uint8Array([9, 8, 7])],
    ]),
  },
  cacheControl: { revalidate: 900, expire: 2_592_000 },
  nested: [[Buffer.from('a')], { deeper: { bytes: Buffer.alloc(3, 1), none: null, list: [1, 'two', false] } }],
})

describe('cache entry codec', () => {
  it('brings back Buffers, Uint8Arrays (as Buffers) and Maps at any depth, in order', () => {
    const back = decode(encode(page())) as ReturnType<typeof page>
    const original = page()
    expect(back.value.rscData.equals(original.value.rscData)).toBe(true)
    expect(back.value.segmentData).toBeInstanceOf(Map)
    expect([...back.value.segmentData.keys()]).toEqual([...original.value.segmentData.keys()])
    expect([...back.value.segmentData.values()].map((v) => [...v])).toEqual([[0, 1, 2, 255], [9, 8, 7]])
    const [[first], deeper] = back.nested as [[Buffer], unknown]
    expect(Buffer.isBuffer(first)).toBe(true)
    expect(String(first)).toBe('a')
    expect(deeper).toEqual({ deeper: { bytes: Buffer.alloc(3, 1), none: null, list: [1, 'two', false] } })
    expect(back.value.html).toBe(original.value.html)
    expect(back.cacheControl).toEqual(original.cacheControl)
    expect('postponed' in back.value).toBe(false)
  })

  it('stores bytes as bytes: never through Buffer#toJSON (an array of numbers), never grown by base64', () => {
    const body = Buffer.alloc(64 * 1024, 0xab)
    const toJSON = jest.spyOn(Buffer.prototype, 'toJSON')
    try {
      const bytes = encode({ value: { kind: 'APP_ROUTE', body, segmentData: new Map([['/x', body]]) } })
      expect(toJSON).not.toHaveBeenCalled()
      expect(bytes.byteLength).toBeLessThan(2 * body.byteLength + 200)
    } finally {
      toJSON.mockRestore()
    }
  })

  it('refuses bytes it did not write, and a cut-short entry', () => {
    expect(() => decode(Buffer.from('{"kind":"APP_PAGE"}'))).toThrow('unknown format')
    const bytes = encode({ body: Buffer.alloc(100, 7) })
    expect(() => decode(bytes.subarray(0, bytes.byteLength - 10))).toThrow('truncated')
  })
})
