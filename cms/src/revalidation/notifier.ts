import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac } from 'node:crypto';

export type Model = 'review' | 'faq' | 'comment' | 'film' | 'author' | 'genre';
export type Event = 'publish' | 'unpublish' | 'update' | 'delete' | 'create';

/** What the web is told: enough to revalidate exactly the pages that show this document. */
export interface ChangeNotice {
  model: Model;
  event: Event;
  documentId: string;
  slug: string | null;
  review: { documentId: string; slug: string } | null;
}

export interface NotifierOptions {
  url: string;
  secret: string;
  attempts: number;
  baseDelayMs: number;
  timeoutMs: number;
  log: { info(message: string): void; warn(message: string): void };
}

export const signBody = (secret: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

const quiet = new AsyncLocalStorage<boolean>();
const inFlight = new Set<Promise<void>>();

/** Resolves once every notice sent so far has had its first answer: a short-lived process (an import) waits for it. */
export const noticesSent = async () => {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
};

/** Runs `work` without telling the web about the changes it makes (seeding a database the web has never read). */
export const withoutNotices = <T>(work: () => Promise<T>) => quiet.run(true, work);

/**
 * Sends signed change notices to the web in the background. A notice never blocks or fails the save that caused it;
 * a failed one is sent again with exponential backoff (Strapi's own webhooks try once, and in production refuse
 * private addresses such as a compose network, so they cannot reach the web container).
 */
export const createNotifier = (options: NotifierOptions) => {
  const pending = new Set<NodeJS.Timeout>();
  const enabled = Boolean(options.url && options.secret);
  if (!enabled)
    options.log.warn('REVALIDATE_URL or REVALIDATE_SECRET is not set: the web will not be told about changes.');

  const send = async (notice: ChangeNotice, attempt: number): Promise<void> => {
    const body = JSON.stringify({ ...notice, sentAt: new Date().toISOString() });
    let failure: string;
    try {
      const response = await fetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-marquee-signature': signBody(options.secret, body) },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      if (response.ok) return;
      failure = `HTTP ${response.status}`;
    } catch (error) {
      failure =
        error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
    const what = `${notice.model} ${notice.documentId} (${notice.event})`;
    if (attempt >= options.attempts) {
      options.log.warn(`Could not tell the web about ${what} after ${attempt} attempts: ${failure}`);
      return;
    }
    const delay = options.baseDelayMs * 2 ** (attempt - 1);
    options.log.info(`Telling the web about ${what} failed (${failure}); trying again in ${delay} ms`);
    const timer = setTimeout(() => {
      pending.delete(timer);
      void send(notice, attempt + 1);
    }, delay);
    timer.unref();
    pending.add(timer);
  };

  return {
    notify(notice: ChangeNotice) {
      if (!enabled || quiet.getStore()) return;
      const sending: Promise<void> = send(notice, 1).finally(() => inFlight.delete(sending));
      inFlight.add(sending);
    },
    /** Drops queued retries (on shutdown). */
    stop() {
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
};

export type Notifier = ReturnType<typeof createNotifier>;
