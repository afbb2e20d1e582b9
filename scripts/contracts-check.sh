#!/usr/bin/env bash
# Mini-program contract checks, called by scripts/test.sh with its results dir as $1:
#   1. types/ and errors.md are what scripts/generate.mjs makes of the committed openapi.json (the drift of
#      openapi.json itself against the app is the xUnit test OpenApiContractTests);
#   2. the types, the request wrapper and its usage checks compile under the pinned TypeScript;
#   3. types generated from fixture/openapi.json (probe endpoints) compile with typed wrapper calls;
#   4. the wrapper behaves (login, re-login on 401, ProblemDetails, wx/my differences) against fake wx / my;
#   5. the offline verifier (verifier/) compiles and passes node's test runner against the published vectors.
# Writes $1/contracts.passed (number of checks passed) or $1/contracts.failed.
set -uo pipefail
results=$(realpath -m "${1:-artifacts/test-results}") # relative to the caller's directory
cd "$(dirname "$0")/.."
source scripts/lib/apt.sh
ensure_packages node:nodejs npm:npm
cd miniprogram-contracts
mkdir -p "$results"; rm -f "$results/contracts.passed" "$results/contracts.failed"
fail() { echo "contracts: $*" | tee "$results/contracts.failed"; exit 1; }

{ [ -d node_modules/typescript ] && [ -d node_modules/@noble/curves ]; } || npm ci --no-audit --no-fund --loglevel=error >/dev/null || fail "npm ci failed"
passed=0

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
node scripts/generate.mjs "$tmp" >/dev/null || fail "generator failed"
for f in types/api.d.ts types/error-codes.ts errors.md; do
  diff -u "$f" "$tmp/$f" > "$tmp/diff" || { cat "$tmp/diff" | head -40; fail "$f is stale: run scripts/update-contracts.sh"; }
  passed=$((passed + 1))
done

npx --no-install tsc -p tsconfig.json || fail "TypeScript type-check failed"
passed=$((passed + 1))

# The generator on a probe document with real endpoints (fixture/openapi.json): the wrapper's typed calls compile.
mkdir -p "$tmp/fixture"; cp -r client fixture "$tmp/fixture/"; ln -s "$PWD/node_modules" "$tmp/fixture/node_modules"
node -e 'const c=require("./tsconfig.json"); c.include=["types/**/*.ts","client/**/*.ts","fixture/**/*.ts"]; process.stdout.write(JSON.stringify(c))' > "$tmp/fixture/tsconfig.json"
node scripts/generate.mjs "$tmp/fixture" fixture/openapi.json >/dev/null || fail "generator failed on the fixture"
(cd "$tmp/fixture" && npx --no-install tsc -p tsconfig.json) || fail "types generated from the fixture do not type-check"
passed=$((passed + 1))

# The wrapper's behaviour against fake wx / my: compiled to CommonJS, run with node; prints its passed checks.
npx --no-install tsc -p tsconfig.json --noEmit false --outDir "$tmp/js" --module commonjs --moduleResolution node10 \
  || fail "compiling the wrapper tests failed"
echo '{"type":"commonjs"}' > "$tmp/js/package.json"
out=$(node "$tmp/js/tests/client.behaviour.js") || fail "wrapper behaviour: $out"
passed=$((passed + out))

# The offline verifier: each node:test case counts as one check.
npx --no-install tsc -p verifier/tsconfig.json --outDir "$tmp/verifier/dist" || fail "the offline verifier does not compile"
mkdir -p "$tmp/verifier/test"; cp verifier/package.json "$tmp/verifier/"; cp verifier/test/*.mjs "$tmp/verifier/test/"
ln -s "$PWD/node_modules" "$tmp/node_modules"; ln -s "$PWD/vectors" "$tmp/vectors"
node --test "$tmp/verifier/test/" > "$tmp/verifier.out" 2>&1; status=$?
verifier_passed=$(grep -oP '^# pass \K[0-9]+' "$tmp/verifier.out" || echo 0)
if [ $status -ne 0 ]; then grep -E "^not ok|error" "$tmp/verifier.out" | head -20; fail "offline verifier: $(grep -oP '^# fail \K[0-9]+' "$tmp/verifier.out" || echo '?') test(s) failed"; fi
passed=$((passed + verifier_passed))

echo "$passed" > "$results/contracts.passed"
echo "contracts: $passed check(s) passed"
