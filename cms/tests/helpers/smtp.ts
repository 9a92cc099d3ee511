import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  /** The envelope's recipients: where the message really went, whatever its headers say. */
  to: string[];
  mail: ParsedMail;
  raw: string;
}

/**
 * A real SMTP server on a free local port, keeping every message it accepts. `refuse(address, n)` answers the next n
 * deliveries to an address with a temporary failure (451), as a server under load does.
 */
export const startSmtp = async () => {
  const received: Received[] = [];
  const refusals = new Map<string, number>();
  const attempts: { to: string; at: number }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const to = address.address.toLowerCase();
      attempts.push({ to, at: Date.now() });
      const left = refusals.get(to) ?? 0;
      if (left > 0) {
        refusals.set(to, left - 1);
        const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((mail) => {
            received.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
              mail,
              raw: raw.toString('utf8'),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    attempts,
    refuse: (address: string, times: number) => refusals.set(address.toLowerCase(), times),
    to: (address: string) => received.filter((message) => message.to.includes(address.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export type SmtpServer = Awaited<ReturnType<typeof startSmtp>>;

export const waitFor = async <T>(
  probe: () => T | Promise<T>,
  what: string,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> => {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};
