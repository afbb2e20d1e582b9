#!/usr/bin/env bash
# Writes a new migration for both providers from the current EF model, with the CREATE TABLE and CREATE INDEX
# statements of the named tables (new tables only; changes to existing tables are written by hand).
# Usage: scripts/new-migration.sh NNNN_name table [table ...]
set -euo pipefail
cd "$(dirname "$0")/.."
name=$1; shift
for provider in sqlite postgres; do
  out=src/MiniCode.Core/Data/Migrations/$provider/$name.sql
  scripts/schema-script.sh $provider | python3 -c '
import re, sys
tables = set(sys.argv[1:])
script = sys.stdin.read()
stmts = [s.strip() for s in script.split(";") if s.strip()]
keep = []
for s in stmts:
    m = re.match(r"CREATE TABLE \"?(\w+)\"?", s) or re.match(r"CREATE (?:UNIQUE )?INDEX \"?\w+\"? ON \"?(\w+)\"?", s)
    if m and m.group(1) in tables: keep.append(s + ";")
missing = tables - {re.match(r"CREATE TABLE \"?(\w+)", s).group(1) for s in keep if s.startswith("CREATE TABLE")}
if missing: sys.exit("tables not in the model: " + ", ".join(sorted(missing)))
print("\n\n".join(keep))
' "$@" > "$out.tmp"
  { echo "-- $name"; cat "$out.tmp"; } > "$out"; rm "$out.tmp"
  echo "wrote $out"
done
