// @ts-check
'use strict'

/**
 * The in-process copy in front of Redis, bounded by bytes like Next's own in-memory caches (50 MB each by
 * default). A Map keeps insertion order, so re-inserting on read makes its first key the least recently used.
 *
 * @template V
 */
class ByteLru {
  /** @param {number} maxBytes */
  constructor(maxBytes) {
    this.maxBytes = maxBytes
    this.bytes = 0
    /** @type {Map<string, { value: V, size: number }>} */
    this.map = new Map()
  }

  /** @param {string} key */
  get(key) {
    const slot = this.map.get(key)
    if (!slot) return undefined
    this.map.delete(key)
    this.map.set(key, slot)
    return slot.value
  }

  /**
   * @param {string} key
   * @param {V} value
   * @param {number} size bytes this value holds
   */
  set(key, value, size) {
    this.delete(key)
    // An entry larger than the whole cache would evict everything and still not fit.
    if (size > this.maxBytes) return
    this.map.set(key, { value, size })
    this.bytes += size
    for (const [oldest, slot] of this.map) {
      if (this.bytes <= this.maxBytes) break
      this.map.delete(oldest)
      this.bytes -= slot.size
    }
  }

  /** @param {string} key */
  delete(key) {
    const slot = this.map.get(key)
    if (!slot) return
    this.map.delete(key)
    this.bytes -= slot.size
  }

  get size() {
    return this.map.size
  }
}

module.exports = { ByteLru }
