// `npm run bench`: the HTTP benchmark (bench/http.ts). Settings from the environment:
//   BENCH_DURATION     seconds per case (default 5)
//   BENCH_CONNECTIONS  concurrent connections (default 10)
//   BENCH_DATABASE_URL run on that PostgreSQL instead of a fresh embedded database
//   BENCH_SQL=0        skip counting SQL statements per request
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
    connections: Math.round(positive('BENCH_CONNECTIONS', 10)),
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    countSql: process.env.BENCH_SQL !== '0',
    workflows: 50,
  });
} catch (error) {
  process.stderr.write(`error: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
