#!/usr/bin/env bash
# Starts CaseGrains on this machine with its own PostgreSQL and a demo case, installing what is missing.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet
ensure_postgres_binaries
ensure_node
url="${CASEGRAINS_URL:-http://127.0.0.1:5080}"
echo "Building and starting CaseGrains at $url (data in src/Silo/.data/pg)…"
exec dotnet run --project src/Silo -c Release -- --urls "$url" --Demo:Seed=true \
  --Security:BootstrapAdminPassword="${CASEGRAINS_ADMIN_PASSWORD:-change-me-admin-password}"
