// Environment shared by test servers and admin command runs.
export const TEST_ENCRYPTION_KEY = '6a1f3c0e9b8d7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a29';

export function serverEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    NODE_ENV: 'test',
    EXPOSE_SQL_COUNT: '1',
    ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
    // The stand-in directories listen on loopback; tests of the strict default unset this.
    ALLOW_PRIVATE_NETWORK_TARGETS: 'true',
  };
  delete env.DATABASE_URL;
  delete env.DATA_DIR;
  delete env.REDIS_URL;
  delete env.PORT;
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) env[key] = value;
  return env;
}
