// Yoga reads `variables` and `extensions` of GET and form-encoded requests with a bare
// JSON.parse, so malformed JSON there escaped as an unexpected error (HTTP 500). This
// wraps whichever request parser Yoga picked and turns that into the 400 a malformed
// POST body already gets (CONTRACT rule 9).
import { type Plugin, createGraphQLError } from 'graphql-yoga';

export function useRequestParamErrors(): Plugin {
  return {
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
