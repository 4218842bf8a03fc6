// Receives the organization's events as signed webhooks: it starts a small HTTP receiver,
// registers it as a webhook endpoint, verifies every delivery's Standard Webhooks
// signature with the endpoint's secret, and prints each event. Ctrl-C stops it and
// deletes the endpoint again (an endpoint left behind would collect failed deliveries).
//
//   INTEGRATIONS_API_KEY=iapi_… SEND_TEST_WEBHOOK=true npx tsx examples/receive-webhooks.ts
//
// Settings (environment only):
//   INTEGRATIONS_API_URL   the /graphql URL (default http://localhost:4000/graphql)
//   INTEGRATIONS_API_KEY   an API key of the organization (required; endpoints need an API key)
//   WEBHOOK_PORT           the port the receiver listens on, on 127.0.0.1 (default 3000)
//   WEBHOOK_URL            the URL the server posts to (default http://127.0.0.1:WEBHOOK_PORT/webhooks).
//                          A server elsewhere needs a public https URL that forwards to the port
//                          (a tunnel); a loopback URL works only against a server on this machine
//                          started with ALLOW_PRIVATE_NETWORK_TARGETS=true (README: "Outbound requests")
//   WEBHOOK_EVENT_TYPES    optional, comma-separated event types to receive (default: every type)
//   SEND_TEST_WEBHOOK      true: ask the server for a webhook.test event once the endpoint exists
//   WEBHOOK_EXIT_AFTER     optional: stop after this many verified events (default: run until stopped)
import { type IncomingMessage, createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';
import { ExampleError, present, run, sdkWithApiKey, setting, succeeded } from './shared.ts';

interface WebhookEvent {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

function positiveInteger(name: string, fallback: string): number {
  const value = Number(setting(name, fallback));
  if (!Number.isInteger(value) || value < 1) throw new ExampleError(`${name} must be a positive whole number.`, 2);
  return value;
}

async function rawBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

await run(async () => {
  const api = sdkWithApiKey();
  const port = positiveInteger('WEBHOOK_PORT', '3000');
  const exitAfter = process.env.WEBHOOK_EXIT_AFTER ? positiveInteger('WEBHOOK_EXIT_AFTER', '1') : Infinity;
  const url = setting('WEBHOOK_URL', `http://127.0.0.1:${port}/webhooks`);
  const eventTypes = (process.env.WEBHOOK_EVENT_TYPES ?? '')
    .split(',')
    .map((type) => type.trim())
    .filter(Boolean);

  // Set once the endpoint exists: deliveries cannot come before, since the server learns the URL then.
  let webhook: Webhook | undefined;
  // The webhook-ids handled: a delivery may come more than once (a retry after a lost
  // answer, a redelivery). A real receiver keeps them in its database.
  const handled = new Set<string>();
  let stop: () => void = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));

  const server = createServer(async (request, response) => {
    if (request.method !== 'POST') return void response.writeHead(405, { allow: 'POST' }).end();
    // Verify the raw body as it came, before parsing it: a re-serialized one would not match.
    const body = await rawBody(request);
    let event: WebhookEvent;
    try {
      if (!webhook) throw new Error('no endpoint yet');
      event = webhook.verify(body, request.headers as Record<string, string>) as WebhookEvent;
    } catch (error) {
      // A wrong or missing signature, or a webhook-timestamp more than 5 minutes off.
      console.log(`Rejected a request to ${request.url}: ${error instanceof Error ? error.message : String(error)}`);
      return void response.writeHead(400).end();
    }
    const id = String(request.headers['webhook-id']);
    if (handled.has(id)) {
      console.log(`Duplicate ${event.type} ${id}, already handled`);
      return void response.writeHead(204).end();
    }
    handled.add(id);
    console.log(`Verified ${event.type} ${id} (occurred ${event.timestamp}): ${JSON.stringify(event.data)}`);
    // Any 2xx within 10 s marks the delivery DELIVERED; slow work belongs in a queue.
    response.writeHead(204).end();
    if (handled.size >= exitAfter) stop();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new ExampleError(`Cannot listen on 127.0.0.1:${port}: ${error.message}`, 2)));
    server.listen(port, '127.0.0.1', resolve);
  });
  console.log(`Listening on http://127.0.0.1:${port}`);

  const { createWebhookEndpoint } = await api.CreateWebhookEndpoint({
    input: { url, eventTypes, description: 'examples/receive-webhooks.ts' },
  });
  const created = succeeded('createWebhookEndpoint', createWebhookEndpoint);
  const endpoint = present(created.endpoint, 'endpoint');
  // The secret (whsec_…) is returned this once; the server signs every delivery with it.
  webhook = new Webhook(present(created.secret, 'webhook secret'));
  console.log(`Created webhook endpoint ${endpoint.id} for ${endpoint.url} (${endpoint.eventTypes.join(', ') || 'every event type'})`);

  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  if (setting('SEND_TEST_WEBHOOK', 'false') === 'true') {
    const { sendTestWebhook } = await api.SendTestWebhook({ input: { endpointId: endpoint.id } });
    const delivery = present(succeeded('sendTestWebhook', sendTestWebhook).delivery, 'delivery');
    console.log(`Asked for a test event ${delivery.event.id} (delivery ${delivery.id})`);
  }
  console.log('Waiting for webhooks (Ctrl-C stops)…');

  await stopped;
  const { deleteWebhookEndpoint } = await api.DeleteWebhookEndpoint({ input: { id: endpoint.id } });
  succeeded('deleteWebhookEndpoint', deleteWebhookEndpoint);
  server.close();
  server.closeAllConnections();
  console.log(`Deleted webhook endpoint ${endpoint.id}; received ${handled.size} event(s)`);
});
