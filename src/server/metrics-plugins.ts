// The GraphQL side of the metrics (src/metrics.ts): requests and durations per operation
// through @graphql-yoga/plugin-prometheus on the instance's own registry, errors by code,
// and subscriptions open now.
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Metrics } from '../metrics.ts';

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}

/** The same stream, counted in the gauge while it is open. */
function counted<T>(source: AsyncIterable<T>, gauge: Metrics['openSubscriptions']): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let open = true;
  gauge.inc();
  const close = () => {
    if (open) gauge.dec();
    open = false;
  };
  return {
    async next(...args: [] | [unknown]) {
      const result = await iterator.next(...args);
      if (result.done) close();
      return result;
    },
    async return(value?: unknown) {
      close();
      return iterator.return ? iterator.return(value as T) : { done: true as const, value: value as T };
    },
    async throw(error?: unknown) {
      close();
      return iterator.throw ? iterator.throw(error) : Promise.reject(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

export function useMetrics(metrics: Metrics): Plugin[] {
  const countErrors = (result: ExecutionResult) => {
    for (const error of result.errors ?? []) metrics.errors.inc({ code: String(error.extensions?.code ?? 'UNKNOWN') });
  };
  return [
    usePrometheus({
      registry: metrics.registry,
      endpoint: false, // served by src/server/http.ts, behind METRICS_TOKEN
      skipIntrospection: true,
      // Requests and their durations per operation; errors by code are counted below. The
      // plugin's other metrics are on unless turned off, and each costs every request (the
      // time summary's digest, a histogram per phase, a walk of every document for
      // deprecated fields, the HTTP duration twice over): 10% of a small request's CPU.
      metrics: {
        graphql_envelop_request: true,
        graphql_envelop_request_duration: true,
        graphql_envelop_deprecated_field: false,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_error_result: false,
        graphql_envelop_execute_resolver: false,
        graphql_envelop_phase_execute: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_schema_change: false,
        graphql_yoga_http_duration: false,
      },
    }),
    {
      onResultProcess({ result }) {
        if (Array.isArray(result)) result.forEach(countErrors);
        else if (!isAsyncIterable(result)) countErrors(result as ExecutionResult);
      },
      onSubscribe() {
        return {
          onSubscribeResult({ result, setResult }) {
            if (isAsyncIterable(result)) setResult(counted(result, metrics.openSubscriptions) as never);
          },
        };
      },
    },
  ];
}
