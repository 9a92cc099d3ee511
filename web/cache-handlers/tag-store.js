// @ts-check
'use strict'

/**
 * When each cache tag was last invalidated, shared by every replica through Redis and mirrored in this process,
 * so that deciding whether a cached page is still good costs no Redis round trip.
 *
 * Redis holds the hash `<prefix>tags` (field `s:<tag>`: went stale at, `e:<tag>`: expires at, epoch ms) and the
 * counter `<prefix>tags:version`. An invalidation (`updateTags` / `revalidateTag` on any replica) writes its fields,
 * bumps the counter and publishes `<version>\n<fields as JSON>` in one script, so it is atomic. Replicas learn it
 * three ways:
 *   - pub/sub: the message is applied at once when it is the next version, else the replica re-reads the hash;
 *   - `refresh()` (Next's `refreshTags`, once per rendering request): one GET of the counter, HGETALL only when it
 *     moved, so a render never uses tag state older than the request;
 *   - `current()` (every cache read): nothing, unless no check ran for `pollMs`, then a background `refresh()`:
 *     the safety net for a message lost while the subscriber reconnected.
 * With Redis down, invalidations still apply in this process and are sent when Redis is back.
 */

const UPDATE_SCRIPT = `
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
local version = redis.call('INCR', KEYS[2])
redis.call('PUBLISH', ARGV[1], version .. '\\n' .. ARGV[2])
return version
`

/** @typedef {{ stale?: number, expired?: number }} TagTimes */

/**
 * @param {Map<string, TagTimes>} map
 * @param {string} field `s:<tag>` or `e:<tag>`
 * @param {number} value epoch ms
 */
function applyField(map, field, value) {
  const tag = field.slice(2)
  const times = { ...map.get(tag) }
  if (field.startsWith('s:')) times.stale = value
  else times.expired = value
  map.set(tag, times)
}

/**
 * @param {{
 *   connection: ReturnType<typeof import('./redis-client').createRedisRuntime>['connection'],
 *   prefix: string,
 *   pollMs?: number,
 *   log: (message: string, error?: unknown) => void,
 * }} options
 */
function createTagStore({ connection, prefix, pollMs = 1000, log }) {
  const hashKey = `${prefix}tags`
  const versionKey = `${prefix}tags:version`
  const channel = `${prefix}tags`

  /** @type {Map<string, TagTimes>} */
  let local = new Map()
  /** The counter value `local` reflects; -1 until the first read from Redis. */
  let version = -1
  let checkedAt = 0
  /** Fields set here that Redis has not acknowledged: laid over every re-read, sent again on reconnect. */
  /** @type {Map<string, number>} */
  const unsent = new Map()
  /** @type {Promise<void> | undefined} */
  let syncing
  let syncAgain = false
  /** @type {Promise<void>} */
  let flushing = Promise.resolve()
  let listening = false

  function listen() {
    if (listening) return
    listening = true
    connection.subscribe(channel, onMessage, () => void sync())
    // After an outage: send what was invalidated meanwhile, then catch up with the others.
    connection.onReady(() => void flush().then(sync))
  }

  /** @param {string} message */
  function onMessage(message) {
    const newline = message.indexOf('\n')
    const next = Number(message.slice(0, newline))
    if (!(next > version)) return
    if (next !== version + 1 || syncing) {
      void sync()
      return
    }
    try {
      /** @type {Record<string, number>} */
      const fields = JSON.parse(message.slice(newline + 1))
      for (const [field, value] of Object.entries(fields)) applyField(local, field, value)
      version = next
      checkedAt = Date.now()
    } catch {
      void sync()
    }
  }

  /** Re-reads the whole hash (one round trip); concurrent callers share it. Never rejects. */
  function sync() {
    if (syncing) {
      syncAgain = true
      return syncing
    }
    syncing = (async () => {
      try {
        const [all, counter] = await connection.run((c) => c.multi().hGetAll(hashKey).get(versionKey).execTyped())
        const readVersion = Number(counter ?? 0)
        checkedAt = Date.now()
        if (readVersion >= version) {
          /** @type {Map<string, TagTimes>} */
          const next = new Map()
          for (const [field, value] of Object.entries(all)) applyField(next, field, Number(value))
          for (const [field, value] of unsent) applyField(next, field, value)
          local = next
        } else {
          // The counter went back: a write of ours landed after this read, or Redis restarted empty. Forget
          // nothing this process knows: keep the later time of each field.
          for (const [field, value] of Object.entries(all)) {
            const times = local.get(field.slice(2))
            const known = field.startsWith('s:') ? times?.stale : times?.expired
            if (known === undefined || Number(value) > known) applyField(local, field, Number(value))
          }
        }
        version = readVersion
      } catch {
        // Redis unreachable: keep what this process knows.
      } finally {
        syncing = undefined
      }
      if (syncAgain) {
        syncAgain = false
        await sync()
      }
    })()
    return syncing
  }

  /** Sends unsent invalidations (one script call); calls run one after another. Never rejects. */
  function flush() {
    flushing = flushing.then(async () => {
      if (unsent.size === 0) return
      const batch = [...unsent]
      const fields = Object.fromEntries(batch)
      const args = [channel, JSON.stringify(fields), ...batch.flatMap(([field, value]) => [field, String(value)])]
      try {
        const written = Number(await connection.run((c) => c.eval(UPDATE_SCRIPT, { keys: [hashKey, versionKey], arguments: args })))
        for (const [field, value] of batch) if (unsent.get(field) === value) unsent.delete(field)
        if (written === version + 1) version = written
        else if (written > version) void sync()
      } catch (error) {
        log(`tag invalidation applies to this process only until Redis is back (${batch.length} field(s) pending)`, error)
      }
    })
    return flushing
  }

  /** Brings this process up to date with Redis: one GET when nothing changed. Never rejects. */
  async function refresh() {
    listen()
    if (unsent.size > 0) await flush()
    try {
      const counter = await connection.run((c) => c.get(versionKey))
      checkedAt = Date.now()
      if (Number(counter ?? 0) !== version) await sync()
    } catch {
      // Redis unreachable: keep what this process knows.
    }
    if (syncing) await syncing
  }

  return {
    /**
     * Records an invalidation, like Next's built-in handlers: without `durations` the tags expire now; with
     * them they are stale now and expire after `durations.expire` seconds. Never rejects.
     *
     * @param {string[]} tags
     * @param {{ expire?: number }} [durations]
     */
    async update(tags, durations) {
      listen()
      const now = Date.now()
      for (const tag of tags) {
        /** @type {Array<[string, number]>} */
        const fields = durations
          ? [[`s:${tag}`, now], ...(durations.expire === undefined ? [] : [/** @type {[string, number]} */ ([`e:${tag}`, now + durations.expire * 1000])])]
          : [[`e:${tag}`, now]]
        for (const [field, value] of fields) {
          applyField(local, field, value)
          unsent.set(field, value)
        }
      }
      await flush()
    },

    refresh,

    /**
     * For every cache read: usually returns at once. Waits only for the first read of the tag state, or for a
     * re-read already under way (a message arrived out of order).
     *
     * @returns {Promise<void> | undefined}
     */
    current() {
      listen()
      if (syncing) return syncing
      if (version < 0) return sync()
      if (Date.now() - checkedAt > pollMs) {
        checkedAt = Date.now()
        void refresh()
      }
      return undefined
    },

    /**
     * True when a tag expired after `timestamp` (and its expiry time has come).
     *
     * @param {readonly string[]} tags
     * @param {number} timestamp epoch ms the entry was made
     */
    isExpired(tags, timestamp) {
      const now = Date.now()
      for (const tag of tags) {
        const expired = local.get(tag)?.expired
        if (expired !== undefined && expired > timestamp && expired <= now) return true
      }
      return false
    },

    /**
     * @param {readonly string[]} tags
     * @param {number} timestamp
     */
    isStale(tags, timestamp) {
      for (const tag of tags) {
        const stale = local.get(tag)?.stale
        if (stale !== undefined && stale > timestamp) return true
      }
      return false
    },

    /**
     * The latest expiry among `tags` that has already come, or 0. An expiry still in the future is left out:
     * Next would discard any entry older than the returned time at once.
     *
     * @param {readonly string[]} tags
     */
    expiration(tags) {
      const now = Date.now()
      let latest = 0
      for (const tag of tags) {
        const expired = local.get(tag)?.expired
        if (expired !== undefined && expired <= now && expired > latest) latest = expired
      }
      return latest
    },
  }
}

/** @typedef {ReturnType<typeof createTagStore>} TagStore */

module.exports = { createTagStore }
