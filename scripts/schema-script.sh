#!/usr/bin/env bash
# Prints the CREATE script of the current EF model for one provider: the starting point of a new migration.
# Usage: scripts/schema-script.sh sqlite|postgres
# Copy the statements for your new tables/indexes into src/MiniCode.Core/Data/Migrations/<provider>/NNNN_name.sql;
# tests/MiniCode.Tests/Data/SchemaMatchesModelTests proves the migrated schema equals the model on both providers.
set -euo pipefail
cd "$(dirname "$0")/.."
provider=${1:-sqlite}
case "$provider" in sqlite) p=Sqlite ;; postgres) p=Postgres ;; *) echo "usage: $0 sqlite|postgres" >&2; exit 2 ;; esac
dotnet build src/MiniCode.Host -v q -nologo >/dev/null
dotnet run --project src/MiniCode.Host --no-build --no-launch-profile -- schema-script --Database:Provider=$p "--ConnectionStrings:MiniCode=Host=localhost"
