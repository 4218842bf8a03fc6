// One structured logger (pino, JSON lines on stderr so stdout stays free for command
// output). Request bodies and credentials are never passed to it; the redact list is a
// second line of defence for fields that could carry a secret.
import { pino } from 'pino';

export type Logger = pino.Logger;

export function createLogger(level = process.env.LOG_LEVEL || 'info'): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: {
        paths: ['*.apiKey', '*.secret', '*.clientSecret', '*.authorization', '*["x-api-key"]', '*.password', '*.token'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
