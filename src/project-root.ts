// The project's root directory (the one holding package.json and prisma/), found from this
// module's own location: src/ when run from source (tests, `npm run dev`), dist/ or one of
// its chunks once built, /app in the Docker image. Paths to prisma/ and node_modules/.cache
// are taken from here, not from a fixed number of `..` that holds for one layout only.
import { existsSync } from 'node:fs';
import path from 'node:path';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json')) && existsSync(path.join(dir, 'prisma'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no project root (package.json beside prisma/) above ${start}`);
  }
}

export const PROJECT_ROOT = findRoot(import.meta.dirname);
