# The API server image: Node.js 20, production dependencies only, TypeScript run
# directly through tsx's loader (no build step, as with `npm start`).
FROM node:20-bookworm-slim

WORKDIR /app
ENV NODE_ENV=production

# Dependencies first, for layer caching. The postinstall script generates the Prisma
# client from prisma/schema.prisma offline (scripts/prisma-generate.mjs).
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

COPY . .
# DATA_DIR for the embedded database when the image runs without DATABASE_URL.
RUN mkdir -p /app/data && chown node:node /app/data
USER node

EXPOSE 4000
# /ready answers 200 only when the database answers.
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||4000)+'/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node handles SIGTERM itself (graceful shutdown in src/main.ts); compose adds an init.
CMD ["node", "--import", "tsx", "src/main.ts"]
