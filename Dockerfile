# syntax=docker/dockerfile:1.20
#
# One image recipe for every service. Build one with
#   docker build --build-arg APP=intake -t complaints/intake .
# (docker compose does this for all seven). The build stage does not use APP, so its layers
# (npm ci + building the whole workspace) are shared by the seven images; only the last few
# runtime layers differ.
#
# The runtime keeps the whole workspace tree with node_modules: the services load the libs
# (libs/*/dist) through the npm workspace symlinks in node_modules/@complaints, and nothing is
# bundled. Dev dependencies stay in the image on purpose (simple and correct beats small here;
# see docs/adr/0030-local-and-container-deployment.md).

ARG NODE_IMAGE=node:24-bookworm-slim

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV CI=true \
    NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NX_TUI=false \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false

# Manifests first, so that `npm ci` is cached until a package.json or the lockfile changes.
COPY --parents package.json package-lock.json apps/*/package.json libs/*/package.json ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked npm ci

COPY . .
RUN npx nx run-many -t build --outputStyle=stream \
 && rm -rf .nx

# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=build /app /app

# Which service this image runs: gateway, intake, sla, escalation, notifications, feedback, audit.
ARG APP
RUN if [ -z "${APP}" ]; then echo "build with --build-arg APP=<service>" >&2; exit 1; fi; \
    if [ ! -f "apps/${APP}/dist/main.js" ]; then echo "apps/${APP}/dist/main.js was not built" >&2; exit 1; fi
ENV APP=${APP}

# The node image's unprivileged user (uid 1000). The services write nothing to the image.
USER node

# Every service serves /health/live, /health/ready and /metrics on $PORT (set per service).
# The image has node but no curl: probe with fetch.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --start-interval=2s --retries=6 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# exec: node becomes PID 1 and receives SIGTERM itself (each service shuts down gracefully).
CMD ["sh", "-c", "exec node \"apps/${APP}/dist/main.js\""]
