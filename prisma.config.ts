import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // For `prisma migrate deploy` on a connected machine. Not env('DATABASE_URL'): that throws
  // when unset, and `prisma generate` (run on every install) needs no database.
  datasource: { url: process.env.DATABASE_URL ?? '' },
});
