#!/usr/bin/env bash
# Regenerates miniprogram-contracts/ after endpoints or error codes change: openapi.json from the app (through the
# drift test in update mode), then types/ and errors.md from it, then runs the contract checks. Commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build MiniCode.sln -nologo -v q -clp:ErrorsOnly
log=$(mktemp -t minicode-update-contracts.XXXXXX.log) # one per run: checkouts side by side must not share it
MINICODE_UPDATE_CONTRACTS=1 dotnet test tests/MiniCode.Tests --no-build -nologo \
  --filter "FullyQualifiedName~MiniCode.Tests.Contracts" > "$log" 2>&1 \
  || { tail -30 "$log"; exit 1; }
(cd miniprogram-contracts && { [ -d node_modules/typescript ] || npm ci --no-audit --no-fund --loglevel=error; } && node scripts/generate.mjs)
scripts/contracts-check.sh "$(mktemp -d)"
git status --short miniprogram-contracts
