#!/usr/bin/env bash
# Runs the whole MiniCode test suite on a fresh Debian machine with the .NET 10 SDK:
# installs what the tests need, starts PostgreSQL, runs the integration suite on SQLite and on PostgreSQL,
# the admin browser tests in headless Chromium, the mini-program contract checks, and prints
# "N passed, N failed[, N skipped]" summed over everything.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/apt.sh
ensure_packages pg_ctlcluster:postgresql chromium:chromium zbarimg:zbar-tools pdftoppm:poppler-utils rsvg-convert:librsvg2-bin fonts:fonts-noto-cjk

# PostgreSQL: start the newest cluster and make the test role (a superuser, so tests can create databases).
source scripts/lib/postgres.sh
start_postgres || { echo "PostgreSQL did not start"; exit 1; }
export MINICODE_TEST_PG="Host=127.0.0.1;Port=${PGPORT:-5432};Username=minicode;Password=minicode"

results=artifacts/test-results
rm -rf "$results"; mkdir -p "$results"
dotnet build MiniCode.sln -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

run_phase() { # name project [ENV=VALUE ...]   (output to $results/name.log, each phase with its own temp folder)
  local name=$1 project=$2; shift 2
  mkdir -p "$results/$name/tmp"
  env TMPDIR="$PWD/$results/$name/tmp" "$@" dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results/$name" -- RunConfiguration.TreatNoTestsAsError=false xUnit.MaxParallelThreads="${threads:-0}" \
    >"$results/$name.log" 2>&1
  [ -f "$results/$name/$name.trx" ] || echo "crashed" > "$results/$name/CRASHED"
  rm -rf "$results/$name/tmp"
}
show_phase() { echo "=== $1"; grep -vE '^\s*$' "$results/$1.log" | tail -n 40; }
# One phase at a time: side by side on 2 cores they took longer in all (the suite is CPU-bound).
run_phase sqlite tests/MiniCode.Tests MINICODE_TEST_DB=sqlite; show_phase sqlite
# PostgreSQL's tests also wait for the server: twice as many at once as cores kept 2 cores busy (6 min 25 s -> 4 min 28 s).
threads=$(( $(nproc) * 2 )) run_phase postgres tests/MiniCode.Tests MINICODE_TEST_DB=postgres; show_phase postgres
run_phase admin-browser tests/MiniCode.Admin.Tests MINICODE_TEST_DB=sqlite; show_phase admin-browser
[ -x scripts/contracts-check.sh ] && scripts/contracts-check.sh "$results"

# Migrations: dotnet ef itself confirms that each provider's migrations cover the model (as scripts/new-migration.sh uses it).
echo "=== migrations"
if dotnet tool restore >/dev/null; then
  for provider in Sqlite Postgres; do
    project=src/MiniCode.Migrations.$provider
    if dotnet tool run dotnet-ef -- migrations has-pending-model-changes --project $project --startup-project $project --no-build >"$results/migrations-$provider.log" 2>&1
    then echo 1 > "$results/migrations-$provider.passed"; echo "$provider: no pending model changes"
    else touch "$results/migrations-$provider.failed"; tail -n 5 "$results/migrations-$provider.log"; fi
  done
else touch "$results/dotnet-ef-restore.failed"; fi

passed=0; failed=0; skipped=0
for trx in "$results"/*/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  # Skipped tests appear as total - executed (trx leaves its notExecuted counter at 0 for them).
  skipped=$((skipped + $(get total) - $(get executed)))
done
for f in "$results"/*/CRASHED "$results"/*.failed; do [ -f "$f" ] && failed=$((failed + 1)); done
for f in "$results"/*.passed; do [ -f "$f" ] && passed=$((passed + $(cat "$f"))); done

summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
