# Portside's container image: the standalone Next.js server, migrations applied at start, no dev
# dependencies, a non-root user, and a health check. Build once and run as many tasks as you like:
# every instance of one build shares the Server Actions key, so requests may alternate between them.
#   docker build -t portside .
#   docker run -p 3000:3000 -e DATABASE_URL=postgresql://… -e PORTSIDE_SECRET_KEY=… portside
# Running it on ECS (RDS, Secrets Manager, the task role, an ALB): README "Running Portside on AWS".

FROM node:20-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
# Dev dependencies are needed to build (TypeScript, Tailwind); none of them reach the final image.
RUN npm install --no-audit --no-fund
COPY . .
# Optional: the same key for several separately built images (otherwise each build makes its own).
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
RUN npm run build && node scripts/assemble-image.mjs /out

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    PORTSIDE_SANDBOX=off
WORKDIR /app
RUN groupadd --system --gid 10001 portside && useradd --system --uid 10001 --gid portside --no-create-home portside
# Owned by root and read-only to the server, but for Next's cache folder.
COPY --from=build /out ./
RUN mkdir -p .next/cache && chown portside:portside .next/cache
USER portside
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM: the server stops taking plan runs, lets running steps finish (PORTSIDE_SHUTDOWN_GRACE_SECONDS,
# 25 s — keep ECS stopTimeout above it), hands its live-view leases to the other tasks and exits.
STOPSIGNAL SIGTERM
CMD ["node", "scripts/container-start.mjs"]
