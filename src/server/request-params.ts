// Request parameters and documents that broke the parsers
// (README: "Edge: authentication, request IDs, limits, headers, metrics"): Yoga reads
// `variables` and `extensions` of GET and form-encoded requests with a bare JSON.parse, so
// malformed JSON there escaped as an unexpected error (HTTP 500); this wraps whichever
// request parser Yoga picked and turns that into the 400 a malformed POST body already
// gets. Documents nested past the parser's stack get the same kind of 400.
import { type Plugin, createGraphQLError } from 'graphql-yoga';

export function useRequestParamErrors(): Plugin {
  return {
    // graphql-js parses recursively: about 2,000 nested list brackets (each one token, so
    // under the token limit) overflow the stack. That is a document nested too deeply, a 400.
    onParse({ parseFn, setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parseFn(source, options);
        } catch (error) {
          if (!(error instanceof RangeError)) throw error;
          throw createGraphQLError('Syntax Error: the document nests too deeply.', {
            extensions: { code: 'GRAPHQL_PARSE_FAILED', http: { status: 400 } },
          });
        }
      });
    },
    onRequestParse({ requestParser, setRequestParser }) {
      if (!requestParser) return;
      setRequestParser(async (request) => {
        try {
          return await requestParser(request);
        } catch (error) {
          if (!(error instanceof SyntaxError)) throw error;
          throw createGraphQLError('The request parameters "variables" and "extensions" must be valid JSON.', {
            extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
          });
        }
      });
    },
  };
}
