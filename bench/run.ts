// `npm run bench`: the HTTP benchmark against in-memory baselines (bench/http.ts,
// bench/baseline-server.ts). Settings from the environment:
//   BENCH_DURATION     seconds per round (default 5)
//   BENCH_ROUNDS       interleaved rounds per scenario, of the server and of the baseline each (default 3)
//   BENCH_CONNECTIONS  concurrent connections (default 10)
//   BENCH_DATABASE_URL run on that PostgreSQL instead of a fresh embedded database
//   BENCH_SQL=0        skip counting SQL statements per request
//   BENCH_ONLY         run only the scenarios whose names contain one of these comma-separated words
//   BENCH_SERVER_NODE_ARGS  Node options of the server process, such as `--cpu-prof --cpu-prof-dir=DIR`
// Exits 1 when a request failed or an answer's bytes differed from the captured ones.
import { runHttpBench } from './http.ts';

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    process.stderr.write(`error: ${name} must be a positive number, got "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

try {
  await runHttpBench({
    duration: positive('BENCH_DURATION', 5),
    rounds: Math.round(positive('BENCH_ROUNDS', 3)),
    connections: Math.round(positive('BENCH_CONNECTIONS', 10)),
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    countSql: process.env.BENCH_SQL !== '0',
    only: process.env.BENCH_ONLY?.split(',')
      .map((word) => word.trim())
      .filter(Boolean),
  });
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
