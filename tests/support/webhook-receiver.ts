// A webhook receiver on loopback, as a customer's would be: it records every request
// (raw body and headers), verifies nothing itself (tests verify signatures with the
// `standardwebhooks` package, as receivers do), and answers what the test tells it:
// 200 by default, the statuses queued with answerNext(), or nothing at all (hangNext()).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReceivedWebhook {
  /** The request's path: `/${path}` of the endpoint URL `${receiver.url}/${path}`. */
  path: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  headers: Record<string, string>;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
}

export interface WebhookReceiver {
  /** Base URL; any path under it is received (e.g. `${url}/a`). */
  url: string;
  received: ReceivedWebhook[];
  /** Answer the next requests with these statuses (and a body saying so), then 200 again. */
  answerNext(...statuses: number[]): void;
  /** Wait this long before each answer. */
  delayMs: number;
  /** Never answer the next `count` requests (until close). */
  hangNext(count?: number): void;
  /** The received webhooks that match, once there are at least `count` of them (polls; fails at the deadline). */
  waitFor(match: (hook: ReceivedWebhook) => boolean, count?: number, timeoutMs?: number): Promise<ReceivedWebhook[]>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const statuses: number[] = [];
  let hanging = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, String(value)]));
      received.push({
        path: req.url ?? '/',
        id: headers['webhook-id'],
        timestamp: headers['webhook-timestamp'],
        signature: headers['webhook-signature'],
        body,
        headers,
        payload: JSON.parse(body) as ReceivedWebhook['payload'],
      });
      if (hanging > 0) {
        hanging--;
        return; // no answer: the sender's timeout, or its death, ends this one
      }
      const status = statuses.shift() ?? 200;
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'text/plain' });
        res.end(status < 300 ? 'ok' : `receiver says no (${status}) ${'x'.repeat(400)}`);
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const receiver: WebhookReceiver = {
    delayMs: 0,
    url: `http://127.0.0.1:${port}`,
    received,
    answerNext: (...next) => statuses.push(...next),
    hangNext: (count = 1) => (hanging += count),
    async waitFor(match, count = 1, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const matching = received.filter(match);
        if (matching.length >= count) return matching;
        if (Date.now() > deadline) {
          throw new Error(`timed out waiting for ${count} webhooks; received: ${JSON.stringify(received.map((r) => [r.id, r.payload.type]))}`);
        }
        await sleep(50);
      }
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}
