// followDirectorySync: a directory sync's progress as it happens, for partner scripts.
// graphql-request cannot subscribe, so this follows `directorySyncProgress` over
// graphql-sse (Server-Sent Events on /graphql, the API key in a header) and yields each
// step until the sync ends (SUCCEEDED or FAILED), then closes the stream.
//
//   for await (const step of followDirectorySync({ url, apiKey, integrationId })) {
//     console.log(step.status, step.processed, step.total);
//   }
import { createClient } from 'graphql-sse';
import { type DirectorySyncProgressFieldsFragment, DirectorySyncProgressFieldsFragmentDoc } from './sdk.ts';

export type SyncStep = DirectorySyncProgressFieldsFragment;

export interface FollowOptions {
  /** The /graphql URL, e.g. http://localhost:4000/graphql. */
  url: string;
  /** An API key (x-api-key), or any headers (an OAuth `authorization: Bearer …`). */
  apiKey?: string;
  headers?: Record<string, string>;
  integrationId: string;
  /** Follow this sync (from startDirectorySync); by default the integration's latest one. */
  syncId?: string;
  signal?: AbortSignal;
}

const SUBSCRIPTION = `subscription FollowDirectorySync($integrationId: ID!) {
  directorySyncProgress(integrationId: $integrationId) { ...DirectorySyncProgressFields }
}
${DirectorySyncProgressFieldsFragmentDoc}`;

const ENDED = new Set(['SUCCEEDED', 'FAILED']);

/** Yields every step of the sync, the one it ended with last; throws the server's errors (e.g. NOT_FOUND). */
export async function* followDirectorySync(options: FollowOptions): AsyncGenerator<SyncStep> {
  const client = createClient({
    url: options.url,
    singleConnection: false,
    headers: { ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}), ...options.headers },
    retryAttempts: 0,
  });
  const results = client.iterate<{ directorySyncProgress: SyncStep }>({ query: SUBSCRIPTION, variables: { integrationId: options.integrationId } });
  const stop = () => void results.return?.();
  options.signal?.addEventListener('abort', stop, { once: true });
  let syncId = options.syncId;
  try {
    for await (const result of results) {
      if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
      const step = result.data?.directorySyncProgress;
      if (!step) continue;
      // The first step is the integration's latest sync: that is the one followed, unless told otherwise.
      syncId ??= step.id;
      if (step.id !== syncId) continue;
      yield step;
      if (ENDED.has(step.status)) return;
    }
  } finally {
    options.signal?.removeEventListener('abort', stop);
    await results.return?.();
    client.dispose();
  }
}
