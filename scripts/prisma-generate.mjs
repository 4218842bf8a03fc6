// Runs `prisma generate` without a network. Prisma's CLI checks that a schema engine
// binary exists before generating, though generating never uses it; on machines that
// cannot download the engine we point the check at any existing file.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
// The pothos generator is a bin of this package; npm scripts put it on PATH, direct runs do not.
env.PATH = `${path.resolve('node_modules/.bin')}${path.delimiter}${env.PATH ?? ''}`;
const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate'], { stdio: 'inherit', env });
process.exit(result.status ?? 1);
