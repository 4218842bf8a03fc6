// The one way the server calls a URL a tenant typed in (directory connectors now, webhook
// receivers later). Every exchange here:
//   - goes to http(s) only, and connects only to addresses the policy allows, judged on
//     the address each connection really uses (after DNS, in the connector's lookup);
//   - follows no redirect (a 3xx is an error: a redirect could point anywhere);
//   - reads the body as a stream, stopping at `maxResponseBytes`;
//   - ends at `timeoutMs` for the whole exchange, body included, so an upstream that
//     drips a byte at a time cannot hold a runner;
//   - reports failures in words of its own, never quoting what the upstream sent.
import dns from 'node:dns';
import net from 'node:net';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Agent, buildConnector, request } from 'undici';
import { type AddressPolicy, isAllowedAddress } from './address-policy.ts';
import { JsonShapeError, JsonSyntaxError, parseJsonStream, type JsonStreamHandlers } from './json-stream.ts';

export interface OutboundSettings extends AddressPolicy {
  maxResponseBytes: number;
  timeoutMs: number;
}

export type OutboundFailure =
  /** The target's address is refused by the policy; nothing was sent. */
  | 'address_not_allowed'
  /** Not an http(s) URL. */
  | 'bad_url'
  | 'timeout'
  | 'too_large'
  | 'redirect'
  /** The connection failed or broke (refused, reset, DNS). */
  | 'network'
  | 'not_json';

/** A failure of one exchange, described without anything the upstream sent. */
export class OutboundError extends Error {
  constructor(
    readonly failure: OutboundFailure,
    message: string,
  ) {
    super(message);
  }

  /** Worth trying again: the upstream may answer next time. */
  get retryable(): boolean {
    return this.failure === 'timeout' || this.failure === 'network';
  }
}

export interface OutboundRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** Ends the exchange early (a sync that lost its lease, a server stopping). */
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  header(name: string): string | null;
  /** Streams the body through an incremental JSON parser (never one blocking parse). */
  json(handlers: JsonStreamHandlers): Promise<void>;
  /** The body as text, at most `maxChars` of it kept (the rest is read and dropped, within the cap). */
  text(maxChars: number): Promise<string>;
  /** Drops the body without reading it (closing the connection). */
  discard(): Promise<void>;
}

export interface OutboundClient {
  request(url: string, init?: OutboundRequest): Promise<OutboundResponse>;
  close(): Promise<void>;
}

const MB = 1024 * 1024;

/** Gives the event loop a turn after this many body bytes, even when they arrived at once. */
const YIELD_EVERY_BYTES = 256 * 1024;

function describeSize(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}

function refused(host: string): OutboundError {
  return new OutboundError(
    'address_not_allowed',
    `the address of ${host} is not allowed (private, loopback, link-local and other non-public addresses are refused)`,
  );
}

/**
 * dns.lookup, refusing names that resolve to any address outside the policy: the check
 * runs before net/tls connect, so a refused target never sees a connection (and a name
 * that resolves to one public and one private address is refused as a whole).
 */
function checkedLookup(policy: AddressPolicy): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as dns.LookupAddress[];
      if (!list.length || list.some((a) => !isAllowedAddress(a.address, policy))) {
        return callback(refused(hostname) as NodeJS.ErrnoException, '', 0);
      }
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

export function createOutboundClient(settings: OutboundSettings): OutboundClient {
  const connectThroughDns = buildConnector({ lookup: checkedLookup(settings) } as buildConnector.BuildOptions);
  const dispatcher = new Agent({
    connect(options, callback) {
      // A literal address is connected to without any lookup: judge it here.
      const host = options.hostname.replace(/^\[(.*)\]$/, '$1');
      if (net.isIP(host) && !isAllowedAddress(host, settings)) return callback(refused(host), null);
      connectThroughDns(options, callback);
    },
    // Upstreams of many tenants share this agent; keep idle sockets briefly.
    keepAliveTimeout: 4000,
  });

  async function send(url: string, init: OutboundRequest = {}): Promise<OutboundResponse> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      throw new OutboundError('bad_url', 'the URL is not valid');
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new OutboundError('bad_url', 'only http and https URLs are called');
    // Named in messages as the tenant typed it (with its port), never as resolved.
    const host = target.host;

    // One deadline for the whole exchange, body included.
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new OutboundError('timeout', `no complete answer from ${host} within ${settings.timeoutMs / 1000} s`)),
      settings.timeoutMs,
    );
    const signal = init.signal ? AbortSignal.any([deadline.signal, init.signal]) : deadline.signal;
    const failure = (error: unknown): Error => {
      if (deadline.signal.aborted) return deadline.signal.reason as OutboundError;
      if (init.signal?.aborted) return init.signal.reason instanceof Error ? init.signal.reason : new Error('aborted');
      // undici wraps the connector's error; find ours.
      for (let e = error as { cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
        if (e instanceof OutboundError) return e;
      }
      return new OutboundError('network', `${host} is unreachable (the connection failed)`);
    };

    let response: Awaited<ReturnType<typeof request>>;
    try {
      response = await request(target, {
        dispatcher,
        method: init.method ?? 'GET',
        headers: init.headers,
        body: init.body,
        signal,
      });
    } catch (error) {
      clearTimeout(timer);
      throw failure(error);
    }
    const { statusCode, headers, body } = response;
    // Destroying an unread body emits 'error'; reading code gets errors from the iterator.
    body.on('error', () => {});
    const done = () => clearTimeout(timer);

    if (statusCode >= 300 && statusCode < 400) {
      done();
      body.destroy();
      throw new OutboundError('redirect', `${host} answered with a redirect (HTTP ${statusCode}); redirects are not followed`);
    }

    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > settings.maxResponseBytes) {
      done();
      body.destroy();
      throw tooLarge(host);
    }

    function tooLarge(h: string) {
      return new OutboundError(
        'too_large',
        `the response of ${h} is larger than ${describeSize(settings.maxResponseBytes)}, the most the server reads`,
      );
    }

    /** Every chunk of the body, within the cap and the deadline. */
    async function* chunks(): AsyncGenerator<Buffer> {
      let total = 0;
      let sinceYield = 0;
      try {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          total += chunk.length;
          if (total > settings.maxResponseBytes) throw tooLarge(host);
          yield chunk;
          sinceYield += chunk.length;
          if (sinceYield >= YIELD_EVERY_BYTES) {
            sinceYield = 0;
            await yieldToEventLoop();
          }
        }
      } catch (error) {
        throw error instanceof OutboundError ? error : failure(error);
      } finally {
        done();
        body.destroy();
      }
    }

    return {
      status: statusCode,
      header(name) {
        const value = headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
      async json(handlers) {
        try {
          await parseJsonStream(chunks(), handlers);
        } catch (error) {
          if (error instanceof JsonSyntaxError) {
            throw new OutboundError('not_json', `${host} returned a response that is not JSON (HTTP ${statusCode})`);
          }
          if (error instanceof JsonShapeError) {
            throw new OutboundError('not_json', `${host} returned JSON that is not the expected ${handlers.root} (HTTP ${statusCode})`);
          }
          throw error; // ours (cap, deadline) or the handler's
        }
      },
      async text(maxChars) {
        let kept = '';
        const decoder = new TextDecoder();
        for await (const chunk of chunks()) {
          kept += decoder.decode(chunk, { stream: true });
          if (kept.length >= maxChars) break; // enough to quote; the rest is never read
        }
        return kept.slice(0, maxChars);
      },
      async discard() {
        done();
        body.destroy();
      },
    };
  }

  return { request: send, close: () => dispatcher.close() };
}
