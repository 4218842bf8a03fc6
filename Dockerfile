# The API server image: Node.js 20, production dependencies only, running the compiled
# JavaScript (dist/, built by scripts/build.mjs in the build stage) with plain `node`: no
# TypeScript compiler or loader at run time.
FROM node:20-bookworm-slim AS base
WORKDIR /app
# What `npm ci` needs. Its postinstall script generates the Prisma client from
# prisma/schema.prisma offline (scripts/prisma-generate.mjs) into src/generated/.
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts

# Production dependencies, cached until package-lock.json (or prisma/, scripts/) changes.
FROM base AS deps
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

# Every dependency, then src/ (with the generated Prisma client) bundled into dist/.
FROM base AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN node scripts/build.mjs
# The prepared embedded data directory (src/db/embedded.ts): a new DATA_DIR is copied from
# it instead of running initdb and every migration at its first start.
RUN npm run prepare:embedded

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# No src/: `npm run admin` (scripts/build.mjs --if-stale) then takes dist/ as it is. prisma/
# is read at run time (the schema and migrations), and node_modules/ holds the packages the
# bundles leave external (scripts/build.mjs).
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build --chown=node:node /app/node_modules/.cache/integrations-api ./node_modules/.cache/integrations-api
# DATA_DIR for the embedded database when the image runs without DATABASE_URL.
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 4000
# /ready answers 200 only when the database answers.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node handles SIGTERM itself (graceful shutdown in src/main.ts); compose adds an init.
CMD ["node", "dist/main.js"]
