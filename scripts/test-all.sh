#!/usr/bin/env bash
# `npm test`: the whole suite. Lint + types, unit tests (TZ=Pacific/Chatham), integration tests on
# a fresh database per test file, then Playwright against a production build.
# With TEST_DATABASE_URL=postgres://… the integration and e2e tests run on that PostgreSQL server.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
db="embedded PGlite"; [ -n "${TEST_DATABASE_URL:-}" ] && db="PostgreSQL"
echo "== lint and types"
npx biome ci .
npx tsc --noEmit
echo "== unit tests"
TZ=Pacific/Chatham npx vitest run --project unit
echo "== integration tests ($db)"
TZ=Pacific/Chatham npx vitest run --project integration
echo "== production build"
# NEXT_DIST_DIR (default .next) lets parallel runs in one tree use their own build folder.
npm run build > /tmp/emarge-next-build.log 2>&1 || { cat /tmp/emarge-next-build.log; exit 1; }
echo "== end-to-end tests ($db, Chromium)"
npx playwright test
