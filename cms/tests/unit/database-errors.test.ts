import { isDatabaseUnavailable } from '../../src/utils/database-errors';

const withCode = (code: string, message = 'database error') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['PostgreSQL refusing connections', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a connection reset', withCode('ECONNRESET')],
    [
      'PostgreSQL terminating the connection (restart, pg_terminate_backend)',
      withCode('57P01', 'terminating connection due to administrator command'),
    ],
    ['PostgreSQL starting up', withCode('57P03', 'the database system is starting up')],
    ['a connection exception', withCode('08006')],
    ['too many connections', withCode('53300')],
    ['SQLite locked by another process', withCode('SQLITE_BUSY', 'database is locked')],
    ['a dropped connection without a code', new Error('Connection terminated unexpectedly')],
    [
      'the pool out of connections',
      Object.assign(new Error('Knex: Timeout acquiring a connection. The pool is probably full.'), {
        name: 'KnexTimeoutError',
      }),
    ],
    [
      'a refused connection to every address of localhost',
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed'),
    ],
    ['a wrapped cause', new Error('query failed', { cause: withCode('ECONNREFUSED') })],
  ])('recognises %s', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a syntax error', withCode('42601', 'syntax error at or near')],
    ['a bad integer', withCode('22P02', 'invalid input syntax for type integer')],
    ['a unique violation', withCode('23505')],
    ['SQLite constraint', withCode('SQLITE_CONSTRAINT_UNIQUE')],
    ['a plain error', new Error('Expected a valid Number, got abc')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', null],
  ])('does not mistake %s for an outage', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
