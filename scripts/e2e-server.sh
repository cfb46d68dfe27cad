#!/usr/bin/env bash
# Serves the production build for Playwright: fresh database (PGlite in data/e2e-$PORT, or a new
# PostgreSQL database when TEST_DATABASE_URL is set), migrations, demo data, a local SMTP sink,
# then `next start` on the e2e build (`npm run build:e2e`, in .next-e2e unless NEXT_DIST_DIR is set):
# only that build has the test hooks (/api/test-hooks), and they answer only here (docs/decisions/016).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_DIST_DIR=${NEXT_DIST_DIR:-.next-e2e}
if ! grep -qs '"/api/test-hooks/auth/route"' "$NEXT_DIST_DIR/server/app-paths-manifest.json"; then
  echo "$NEXT_DIST_DIR n'est pas un build e2e (pas de /api/test-hooks) : lancez npm run build:e2e" >&2
  exit 1
fi
PORT=${E2E_PORT:-3100}
SMTP_PORT=${E2E_SMTP_PORT:-$((PORT + 1000))}
MAIL_DIR=${E2E_MAIL_DIR:-/tmp/emarge-e2e-mail-$PORT}
export NEXT_TELEMETRY_DISABLED=1 EMARGE_TEST_HOOKS=1 AUTH_TRUST_HOST=true
# The tests play the reverse proxy: they send X-Forwarded-For from this machine (decision 015).
export TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1,::1}
# The nightly retention job must not purge the demo data during a test run.
export RETENTION_DAILY=0
export EMARGE_SECRET=${EMARGE_SECRET:-e2e-secret-e2e-secret-e2e-secret-0123456789}
export AUTH_SECRET=${AUTH_SECRET:-e2e-auth-secret-e2e-auth-secret-0123456789}
export APP_URL="http://127.0.0.1:$PORT" AUTH_URL="http://127.0.0.1:$PORT"
export SMTP_URL="smtp://127.0.0.1:$SMTP_PORT" MAIL_OUTBOX_DIR="/tmp/emarge-e2e-outbox-$PORT"
# next-auth sees its own origin as "localhost" (Next's NextURL rewrites 127.0.0.1 to localhost in
# route handlers), so the sign-in flows run on http://localhost:$PORT (see e2e/auth.spec.ts).
export AUTH_URL="http://localhost:$PORT"
# ProConnect-like OIDC provider (scripts/e2e/oidc-provider.ts; client in e2e/fixtures/oidc-provider.ts).
OIDC_PORT=${E2E_OIDC_PORT:-$((PORT + 2000))}
export PROCONNECT_ISSUER="http://127.0.0.1:$OIDC_PORT" PROCONNECT_CLIENT_ID=emarge-e2e
export PROCONNECT_CLIENT_SECRET=emarge-e2e-client-secret-0123456789abcdef
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  DB="emarge_e2e_$PORT"
  node -e '
    const pg = require("pg"); const c = new pg.Client({ connectionString: process.argv[1] });
    c.connect().then(() => c.query(`DROP DATABASE IF EXISTS "${process.argv[2]}" WITH (FORCE)`))
      .then(() => c.query(`CREATE DATABASE "${process.argv[2]}"`)).then(() => c.end());
  ' "$TEST_DATABASE_URL" "$DB"
  export DATABASE_URL="${TEST_DATABASE_URL%/*}/$DB"
else
  export PGLITE_DIR="data/e2e-$PORT"
  rm -rf "$PGLITE_DIR" "$PGLITE_DIR.lock"
fi
rm -rf "$MAIL_DIR" "$MAIL_OUTBOX_DIR"
npx tsx scripts/db-migrate.ts apply
npx tsx scripts/db-seed.ts
npx tsx scripts/e2e/smtp-sink.ts "$SMTP_PORT" "$MAIL_DIR" &
SINK=$!
npx tsx scripts/e2e/oidc-provider.ts "$OIDC_PORT" "$APP_URL" 2>/dev/null &
OIDC=$!
trap 'kill $SINK $OIDC 2>/dev/null || true' EXIT
npx next start -H 127.0.0.1 -p "$PORT"
