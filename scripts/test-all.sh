#!/usr/bin/env bash
# `npm test`: the whole suite. Lint + types, unit tests (TZ=Pacific/Chatham), integration tests on
# a fresh database per test file, the production build's check, then Playwright against the e2e build.
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
# Two builds (docs/decisions/016): the production one, which `npm start` then serves as is, must hold
# no test support; the e2e one (.next-e2e) adds the test hooks and the scanner's probes.
# EMARGE_REUSE_BUILDS=1 (.ci/run's second pass, same tree) keeps both builds when they exist.
dist=${NEXT_DIST_DIR:-.next}
e2e_dist=${NEXT_DIST_DIR:+$NEXT_DIST_DIR-e2e}
e2e_dist=${e2e_dist:-.next-e2e}
reuse() { [ "${EMARGE_REUSE_BUILDS:-}" = 1 ] && [ -f "$1/BUILD_ID" ] && [ -f "$1/emarge-mail-worker.cjs" ]; }
echo "== production build (no test support in it)"
if ! reuse "$dist"; then
  NEXT_DIST_DIR=$dist npm run build > /tmp/emarge-next-build.log 2>&1 || { cat /tmp/emarge-next-build.log; exit 1; }
fi
npx tsx scripts/check-production-build.ts "$dist"
echo "== e2e build"
if ! reuse "$e2e_dist"; then
  NEXT_DIST_DIR=$e2e_dist npm run build:e2e > /tmp/emarge-next-build-e2e.log 2>&1 ||
    { cat /tmp/emarge-next-build-e2e.log; exit 1; }
fi
echo "== end-to-end tests ($db, Chromium)"
NEXT_DIST_DIR=$e2e_dist npx playwright test
