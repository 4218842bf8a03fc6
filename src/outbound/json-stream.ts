// JSON read incrementally, chunk by chunk as the body arrives (@streamparser/json), so a
// large upstream page never means one long JSON.parse holding the event loop: each chunk
// costs a bounded amount of work, and the values asked for are handed over as they end.
import { JSONParser } from '@streamparser/json';

export interface JsonStreamHandlers {
  /** Which values to hand over, in the parser's JSONPath subset: `$.*`, `$.value.*`, … */
  paths: string[];
  /** What the document must be: its first character is checked before anything else. */
  root: 'array' | 'object';
  /** Called for each value at one of `paths`, as soon as it is complete. */
  onValue(value: unknown, at: { key: string | number | undefined; depth: number }): void;
}

/** The body is not valid JSON (or ended early). */
export class JsonSyntaxError extends Error {}

/** The body is JSON of another shape than the one expected (an object for an array, …). */
export class JsonShapeError extends Error {}

const OPENING = { array: 0x5b, object: 0x7b } as const; // '[' and '{'

/** The first byte that is not JSON whitespace, or undefined. */
function firstSignificant(chunk: Uint8Array): number | undefined {
  for (const byte of chunk) if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return byte;
  return undefined;
}

export async function parseJsonStream(chunks: AsyncIterable<Uint8Array>, handlers: JsonStreamHandlers): Promise<void> {
  // keepStack false: values handed over are not also kept in their parents.
  const parser = new JSONParser({ paths: handlers.paths, keepStack: false });
  let handlerError: unknown;
  parser.onValue = ({ value, key, stack }) => {
    if (handlerError !== undefined) return;
    try {
      handlers.onValue(value, { key, depth: stack.length });
    } catch (error) {
      handlerError = error;
    }
  };
  let syntaxError: unknown;
  parser.onError = (error) => {
    syntaxError ??= error;
  };
  let empty = true;
  for await (const chunk of chunks) {
    if (empty) {
      const first = firstSignificant(chunk);
      if (first === undefined) continue;
      empty = false;
      if (first !== OPENING[handlers.root]) throw new JsonShapeError(`not a JSON ${handlers.root}`);
    }
    parser.write(chunk);
    // A handler refused a value (a user without an ID, say): stop reading at once.
    if (handlerError !== undefined) throw handlerError;
    if (syntaxError !== undefined) throw new JsonSyntaxError('invalid JSON');
  }
  if (empty) throw new JsonSyntaxError('empty body');
  if (!parser.isEnded) parser.end();
  if (handlerError !== undefined) throw handlerError;
  if (syntaxError !== undefined) throw new JsonSyntaxError('invalid JSON');
}
