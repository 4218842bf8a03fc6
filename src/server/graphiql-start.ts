// The script that starts GraphiQL in the browser, served from this server like the rest
// (/graphiql/start.js; the page has no inline script, so its CSP needs no 'unsafe-inline').
// It is kept as text because it runs in the page, not here: a function's source from
// Function#toString would carry whatever the TypeScript loader injected into it.
//
// What it adds to @graphql-yoga/render-graphiql's bundle, whose own fetcher cannot be
// told to wait for a key:
// - a fetcher that holds the introspection back while the headers carry no credential (so
//   the first screen shows no UNAUTHENTICATED and no "Error fetching schema"), and asks
//   GraphiQL for the schema again once a credential appears or changes in the headers;
// - subscriptions over SSE, as the server serves them (Yoga, "distinct connections"): one
//   POST whose Accept lists text/event-stream after JSON, so queries and mutations answer
//   JSON and only a subscription answers an event stream;
// - Monaco's workers from this server's URLs instead of blob: URLs.
export const GRAPHIQL_START_SCRIPT = `(function () {
  'use strict';
  var page = JSON.parse(document.getElementById('graphiql-options').textContent);
  var INTROSPECTION = 'IntrospectionQuery';
  var endpoint = new URL(page.graphiql.endpoint || location.pathname, location.href).toString();

  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) {
      return page.workers[label];
    },
  };

  /** The API key or Authorization header's value, unless absent, empty or the template's placeholder. */
  function credentialOf(headers) {
    if (!headers || typeof headers !== 'object') return '';
    var names = Object.keys(headers);
    for (var i = 0; i < names.length; i++) {
      var name = names[i].toLowerCase();
      var value = headers[names[i]];
      if ((name === 'x-api-key' || name === 'authorization') && typeof value === 'string') {
        var trimmed = value.trim();
        if (trimmed && trimmed !== page.keyPlaceholder) return trimmed;
      }
    }
    return '';
  }

  /** The credential the schema was last asked for with. */
  var introspectedWith = '';

  function fetcher(params, options) {
    var headers = (options && options.headers) || {};
    if (params.operationName === INTROSPECTION) {
      var credential = credentialOf(headers);
      // Never settles: GraphiQL shows no error, and the introspection asked for once a key is
      // set (refetchSchema below) supersedes this one.
      if (!credential) return new Promise(function () {});
      introspectedWith = credential;
    }
    var controller = new AbortController();
    var sent = Object.assign(
      { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json, text/event-stream' },
      headers,
    );
    return fetch(endpoint, {
      method: 'POST',
      credentials: 'omit',
      headers: sent,
      body: JSON.stringify({ query: params.query, operationName: params.operationName, variables: params.variables }),
      signal: controller.signal,
    }).then(function (response) {
      if ((response.headers.get('content-type') || '').indexOf('text/event-stream') !== -1) return eventStream(response, controller);
      return response.text().then(function (text) {
        try {
          return JSON.parse(text);
        } catch (error) {
          throw new Error('HTTP ' + response.status + ': ' + text.slice(0, 500));
        }
      });
    });
  }

  /** The results of an SSE response (next events) as the async iterator GraphiQL reads; return() closes it. */
  function eventStream(response, controller) {
    var reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    var buffer = '';
    var finished = false;
    function finish() {
      finished = true;
      controller.abort();
      return { done: true, value: undefined };
    }
    function next() {
      if (finished) return Promise.resolve({ done: true, value: undefined });
      var end = buffer.indexOf('\\n\\n');
      if (end !== -1) {
        var message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        var event = 'message';
        var data = [];
        message.split('\\n').forEach(function (line) {
          if (line.indexOf('event:') === 0) event = line.slice(6).trim();
          else if (line.indexOf('data:') === 0) data.push(line.slice(5).replace(/^ /, ''));
        });
        if (event === 'complete') return Promise.resolve(finish());
        if (event === 'next' && data.length) return Promise.resolve({ done: false, value: JSON.parse(data.join('\\n')) });
        return next(); // a keep-alive comment
      }
      return reader.read().then(
        function (chunk) {
          if (chunk.done) return finish();
          buffer += chunk.value.replace(/\\r\\n?/g, '\\n');
          return next();
        },
        function (error) {
          // Reading stops with an abort once the subscription was stopped: that is its end.
          if (finished) return { done: true, value: undefined };
          throw error;
        },
      );
    }
    var iterator = {
      next: next,
      return: function () {
        return Promise.resolve(finish());
      },
    };
    iterator[Symbol.asyncIterator] = function () {
      return iterator;
    };
    return iterator;
  }

  /** GraphiQL's own "Re-fetch GraphQL schema" shortcut (Shift-Ctrl-R): it introspects with the headers editor's content. */
  function refetchSchema() {
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'R', ctrlKey: true, shiftKey: true }));
  }

  var editedHeaders;
  function onEditHeaders(text) {
    // Once typing pauses: every keystroke of a key being typed is no key to try.
    clearTimeout(editedHeaders);
    editedHeaders = setTimeout(function () {
      var headers;
      try {
        headers = JSON.parse(text);
      } catch (error) {
        return;
      }
      var credential = credentialOf(headers);
      if (credential && credential !== introspectedWith) refetchSchema();
    }, 400);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var props = Object.assign({}, page.graphiql, { fetcher: fetcher, onEditHeaders: onEditHeaders });
    YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), props);
  });
})();
`;
