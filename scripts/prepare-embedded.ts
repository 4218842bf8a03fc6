// `npm run prepare:embedded`: makes the prepared PGlite data directory that new DATA_DIRs
// are copied from (src/db/embedded.ts) now, rather than on the first start that needs
// one. Worth running where images are built (after `npm ci`, before the first start).
import { preparedImage } from '../src/db/embedded.ts';

const image = await preparedImage();
if (!image) {
  process.stderr.write('error: could not make the prepared data directory (is node_modules/.cache writable?)\n');
  process.exit(1);
}
process.stdout.write(`${image}\n`);
