#!/usr/bin/env bash
# Runs every test of CaseGrains (unit, PostgreSQL, HTTP/WebSocket and browser), installing what is missing.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/prerequisites.sh
ensure_dotnet
ensure_postgres_binaries
ensure_node
ensure_chromium
log=$(mktemp)
status=0
dotnet test CaseGrains.sln -c Release 2>&1 | tee "$log" || status=$?
# The page's ledger checks also have unit tests of their own (node:test); Browser.Tests runs the same code in Chromium.
(cd src/WebFront/ClientApp && npm test --silent) 2>&1 | tee -a "$log" || status=$?
# One closing line for every assembly together: "Total: N passed, N failed, N skipped".
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     /^# (pass|fail|skip) [0-9]+$/ { if ($2 == "pass") p += $3; if ($2 == "fail") f += $3; if ($2 == "skip") s += $3 }
     END { printf "Total: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status
