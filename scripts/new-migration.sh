#!/usr/bin/env bash
# Adds an EF Core migration named NAME for both providers from the current model:
#   src/MiniCode.Migrations.Sqlite/Migrations/<timestamp>_NAME.cs and src/MiniCode.Migrations.Postgres/Migrations/...
# Usage: scripts/new-migration.sh NAME        (e.g. scripts/new-migration.sh AddLicences)
#        scripts/new-migration.sh --remove    (removes the last migration of both providers)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: $0 NAME | --remove" >&2; exit 2; }
dotnet tool restore >/dev/null
dotnet build src/MiniCode.Host -nologo -v q -clp:ErrorsOnly
for provider in Sqlite Postgres; do
  project=src/MiniCode.Migrations.$provider
  if [ "$1" = "--remove" ]; then
    dotnet tool run dotnet-ef -- migrations remove --project $project --startup-project $project --no-build --force
  else
    dotnet tool run dotnet-ef -- migrations add "$1" --project $project --startup-project $project --output-dir Migrations --no-build
  fi
done
