// Types of codec.js for its TypeScript callers (the tests). The JavaScript itself is checked against its JSDoc
// (`// @ts-check`); keep the two in step when an export changes.

/** A cache entry as bytes: a JSON header with Buffers/Uint8Arrays and Maps lifted out, the parts appended raw. */
export declare function encode(header: unknown): Buffer
/** What `encode` wrote, with Buffers (views into `bytes`) and Maps restored. @throws on bytes it did not write. */
export declare function decode(bytes: Buffer): unknown
