// @ts-check
'use strict'

/**
 * Cache entries travel to Redis as bytes: one version byte, a 4-byte length, a JSON header, then the raw binary
 * parts the header points at. Buffers (rscData, segment data, route bodies) stay binary instead of growing by a
 * third in base64, and Maps (segmentData) survive the trip, which plain JSON loses ("segmentData.get is not a
 * function" in Next's self-hosting guide).
 */

const FORMAT = 1
const BLOB = '\u0000b'
const MAP = '\u0000m'

/**
 * @param {unknown} header anything JSON can hold, plus Buffers/Uint8Arrays and Maps at any depth
 * @returns {Buffer}
 */
function encode(header) {
  /** @type {Uint8Array[]} */
  const blobs = []
  // Parts are lifted out before JSON.stringify sees them: it would call Buffer#toJSON first (an array of every byte,
  // a few ms and much garbage for a page's RSC data) and only then hand the result to a replacer.
  const json = JSON.stringify(lift(header, blobs))
  const head = Buffer.from(json ?? 'null', 'utf8')
  const prefix = Buffer.allocUnsafe(5)
  prefix.writeUInt8(FORMAT, 0)
  prefix.writeUInt32BE(head.byteLength, 1)
  return Buffer.concat([prefix, head, ...blobs])
}

/**
 * A copy of `value` with each Buffer/Uint8Array replaced by a marker (the part appended to `blobs`, in document
 * order: the order `decode`'s reviver meets them) and each Map by its entries. Other values are JSON's business.
 * @param {unknown} value
 * @param {Uint8Array[]} blobs
 * @returns {unknown}
 */
function lift(value, blobs) {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Uint8Array) {
    blobs.push(value)
    return { [BLOB]: blobs.length - 1, n: value.byteLength }
  }
  if (value instanceof Map) return { [MAP]: [...value.entries()].map((entry) => lift(entry, blobs)) }
  if (Array.isArray(value)) return value.map((item) => lift(item, blobs))
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  /** @type {Record<string, unknown>} */
  const copy = {}
  for (const [key, item] of Object.entries(value)) copy[key] = lift(item, blobs)
  return copy
}

/**
 * @param {Buffer} bytes what `encode` produced
 * @returns {unknown} the header, with Buffers (views into `bytes`) and Maps restored
 * @throws {Error} when the bytes are not this format (another version wrote them, or they are cut short)
 */
function decode(bytes) {
  if (bytes.byteLength < 5 || bytes.readUInt8(0) !== FORMAT) throw new Error('cache entry: unknown format')
  const headLength = bytes.readUInt32BE(1)
  const head = bytes.subarray(5, 5 + headLength).toString('utf8')
  /** @type {Buffer[]} */
  const blobs = []
  let offset = 5 + headLength
  const parsed = JSON.parse(head, function reviver(_key, value) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      if (BLOB in value) {
        if (value[BLOB] !== blobs.length) throw new Error('cache entry: parts out of order')
        const blob = bytes.subarray(offset, offset + value.n)
        if (blob.byteLength !== value.n) throw new Error('cache entry: truncated')
        offset += value.n
        blobs.push(blob)
        return blob
      }
      if (MAP in value) return new Map(value[MAP])
    }
    return value
  })
  // The reviver runs children first, in document order: the order the replacer met (and appended) the parts.
  return parsed
}

module.exports = { encode, decode }
