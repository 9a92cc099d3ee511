import Database from 'better-sqlite3';
import net from 'node:net';
import { messages } from '../../src/api/comment/domain/messages';
import { commentInput, createReview, postComment } from '../helpers/fixtures';
import { bootStrapi, ON_POSTGRES, POSTGRES_SERVER, runOnPostgresServer, type TestApp } from '../helpers/strapi';

/**
 * The database becoming unavailable under a running CMS, and coming back.
 * - PostgreSQL: the CMS reaches PostgreSQL through a TCP relay. The outage is a restart: the relay stops accepting
 *   connections and PostgreSQL terminates every backend of the test database (what a fast shutdown does), so the pool's
 *   connections die and new ones are refused; it ends when the relay accepts connections again on the same port.
 * - SQLite: another process holds an exclusive lock on the file (a backup, a migration) past the busy timeout.
 */
interface Outage {
  begin(): Promise<void>;
  end(): Promise<void>;
}

/** A TCP relay to PostgreSQL that can stop and start again on the same port. */
const startRelay = async (target: { host: string; port: number }) => {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve, reject) => {
      const listening = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        const pair = [client, upstream];
        for (const socket of pair) {
          sockets.add(socket);
          socket.on('close', () => sockets.delete(socket));
          socket.on('error', () => pair.forEach((each) => each.destroy()));
        }
        client.pipe(upstream);
        upstream.pipe(client);
      });
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => {
        const address = listening.address();
        if (address && typeof address === 'object') port = address.port;
        server = listening;
        resolve();
      });
    });
  /** Stops accepting at once; existing connections live on until PostgreSQL or `dropAll` ends them. */
  const stopAccepting = () => {
    server?.close();
    server = undefined;
  };
  const dropAll = () => sockets.forEach((socket) => socket.destroy());
  const openCount = () => sockets.size;
  await open();
  return { port: () => port, open, stopAccepting, dropAll, openCount };
};

type Relay = Awaited<ReturnType<typeof startRelay>>;
let relay: Relay | undefined;
let app: TestApp;
let review: string;
let outage: Outage;

const waitFor = async (condition: () => boolean, ms = 5000) => {
  for (const started = Date.now(); !condition() && Date.now() - started < ms;)
    await new Promise((resolve) => setTimeout(resolve, 20));
};

beforeAll(async () => {
  if (ON_POSTGRES) {
    const through = await startRelay(POSTGRES_SERVER);
    relay = through;
    app = await bootStrapi({ DATABASE_HOST: '127.0.0.1', DATABASE_PORT: String(through.port()) });
    const database = app.database.env.DATABASE_NAME;
    outage = {
      begin: async () => {
        through.stopAccepting();
        await runOnPostgresServer(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`,
        );
        await waitFor(() => through.openCount() === 0);
        through.dropAll();
      },
      end: () => through.open(),
    };
  } else {
    app = await bootStrapi();
    const filename = app.database.env.DATABASE_FILENAME ?? '';
    let holder: Database.Database | undefined;
    outage = {
      begin: async () => {
        holder = new Database(filename);
        holder.exec('BEGIN EXCLUSIVE');
      },
      end: async () => {
        holder?.exec('ROLLBACK');
        holder?.close();
      },
    };
  }
  review = (await createReview(app.strapi)).documentId;
});

afterAll(async () => {
  await app.stop();
  relay?.dropAll();
  relay?.stopAccepting();
});

describe('requests while the database is unavailable', () => {
  it('answers a comment and a read with 503 and a message to try again, and stores comments again once the database is back, without a restart', async () => {
    await postComment(app, commentInput(review)).expect(201);
    const before = await app.strapi.db.query('api::comment.comment').count();

    await outage.begin();
    try {
      const refused = await postComment(app, commentInput(review));
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('30');
      expect(refused.body).toEqual({
        data: null,
        error: { status: 503, name: 'ServiceUnavailableError', message: messages.unavailable, details: {} },
      });
      expect(JSON.stringify(refused.body)).not.toMatch(/ECONNREFUSED|SQLITE|terminat|\bat \S+:\d+/);

      const read = await app.api().get('/api/reviews');
      expect(read.status).toBe(503);
      expect(read.body.error).toMatchObject({
        status: 503,
        name: 'ServiceUnavailableError',
        message: expect.stringMatching(/try again/),
      });
    } finally {
      await outage.end();
    }

    await postComment(app, commentInput(review)).expect(201);
    expect(await app.strapi.db.query('api::comment.comment').count()).toBe(before + 1);
    await app.api().get('/api/health').expect(200);
    // On SQLite every query of the outage (this test's, the mail worker's, the scheduler's) waits out the lock's busy
    // timeout on the one connection before it fails: the answers are right, and slow.
  }, 150_000);
});
