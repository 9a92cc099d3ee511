/**
 * Tells "the database cannot be reached right now" (PostgreSQL restarting, a dropped connection, the pool out of
 * connections, SQLite locked by another process) from every other error, so that callers can answer 503 and the
 * client can try again, instead of a 500 that reads like a bug.
 */

// Node's socket errors when the server is down, unreachable or drops the connection.
const NETWORK_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
];
// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (terminated by an administrator, crash shutdown,
// not accepting connections yet), 53300 (too many connections).
const POSTGRES_STATES = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
// SQLite: another connection holds the lock for longer than the busy timeout.
const SQLITE_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED'];
// node-postgres and knex say so without a code.
const MESSAGES = [
  /^Connection terminated/,
  /^Knex: Timeout acquiring a connection/,
  /^Client has encountered a connection error/,
];

const field = (value: object, key: string): unknown =>
  key in value ? Object.getOwnPropertyDescriptor(value, key)?.value : undefined;

export const isDatabaseUnavailable = (error: unknown, depth = 0): boolean => {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const code = field(error, 'code');
  const message = error instanceof Error ? error.message : '';
  if (
    typeof code === 'string' &&
    (NETWORK_CODES.includes(code) || POSTGRES_STATES.test(code) || SQLITE_CODES.includes(code))
  )
    return true;
  if (error instanceof Error && error.name === 'KnexTimeoutError') return true;
  if (MESSAGES.some((pattern) => pattern.test(message))) return true;
  // A refused connection to "localhost" tries every address and reports them together; wrappers keep a cause.
  const nested = [field(error, 'cause'), ...(error instanceof AggregateError ? error.errors : [])];
  return nested.some((inner) => isDatabaseUnavailable(inner, depth + 1));
};
