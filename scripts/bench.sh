#!/usr/bin/env bash
# Load test of show-code and verify with wrk on loopback, each against its ceiling measured in the same run: a tiny app
# (scripts/bench/ceiling) with the same Kestrel defaults and key type answering constant JSON, one ES256 signature of
# 23 bytes (show-code's unavoidable work) and one verification (verify's). Seeds N citizens first
# (scripts/bench/seed.cs), runs both in Release, prints requests/s, p99 latency and the ratios to the ceilings.
#   scripts/bench.sh [N=10000] [sqlite|postgres]
#   scripts/bench.sh --import [ROWS=1000000] [sqlite|postgres]   a ROWS-row risk-list and a ROWS-row nucleic-acid CSV
#       import through the authority API: rows/s and the host's peak RSS (VmHWM) over its idle value. With
#       BENCH_IMPORT_KNOWN=K the first K documents belong to seeded (declared, green) citizens, whose colours are recomputed.
# Each MiniCode endpoint also reports database commands per request over its run (GET /bench/db-commands, served in
# the Benchmark environment only).
# Environment: BENCH_DURATION (15s), BENCH_ROUNDS (3: ceiling and MiniCode measured in turns, the median round reported),
#              BENCH_CONNECTIONS (64, the issue's p99 condition), BENCH_THREADS (2), BENCH_PORT (5090),
#              MINICODE_BENCH_PG (server connection string for postgres; a throw-away database is created and dropped).
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=load
if [[ ${1:-} == --import ]]; then MODE=import; shift; fi
N=${1:-$([[ $MODE == import ]] && echo 1000000 || echo 10000)}
PROVIDER=${2:-sqlite}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
ROUNDS=${BENCH_ROUNDS:-3}
PORT=${BENCH_PORT:-5090}
URL=http://127.0.0.1:$PORT
PG_SERVER=${MINICODE_BENCH_PG:-"Host=127.0.0.1;Port=5432;Username=minicode;Password=minicode"}
WORK=$(mktemp -d /tmp/minicode-bench.XXXXXX)
HOST_PID=""
CEILING_PID=""
PG_DB=""

cleanup() {
  if [[ -n $CEILING_PID ]]; then kill "$CEILING_PID" 2>/dev/null || true; wait "$CEILING_PID" 2>/dev/null || true; fi
  if [[ -n $HOST_PID ]]; then kill "$HOST_PID" 2>/dev/null || true; wait "$HOST_PID" 2>/dev/null || true; fi
  if [[ -n $PG_DB ]]; then psql "$(pg_uri)/postgres" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# "Host=h;Port=p;Username=u;Password=w" -> postgresql://u:w@h:p
pg_uri() { python3 -c 'import sys; d=dict(kv.split("=",1) for kv in sys.argv[1].split(";") if kv); print("postgresql://%s:%s@%s:%s" % (d["Username"], d.get("Password", ""), d["Host"], d.get("Port", "5432")))' "$PG_SERVER"; }

source scripts/lib/apt.sh
ensure_packages wrk:wrk psql:postgresql-client
case $PROVIDER in
  sqlite) export Database__Provider=Sqlite ConnectionStrings__MiniCode="Data Source=$WORK/bench.db" ;;
  postgres)
    PG_DB=minicode_bench_$$
    psql "$(pg_uri)/postgres" -qc "CREATE DATABASE $PG_DB" >/dev/null
    export Database__Provider=Postgres ConnectionStrings__MiniCode="$PG_SERVER;Database=$PG_DB" ;;
  *) echo "provider must be sqlite or postgres" >&2; exit 2 ;;
esac
# The verifying partner's credential, in this one place: how a partner system authenticates to POST /api/codes/verify.
PARTNER_KEY=bench-partner-$RANDOM$RANDOM
PARTNER_HEADER=X-Api-Key
# The bench verifies as a registered application (bootstrap application, Benchmark environment only).
AUTHORITY_KEY=bench-authority-$RANDOM$RANDOM
# Benchmark is a deployment like any name but Development: nothing is generated for it, so it gets fresh keys here.
b64key() { openssl rand -base64 "$1"; }
der_b64() { openssl "$@" -outform DER 2>/dev/null | base64 -w0; }
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$WORK/signing.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/alipay-app.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/alipay-platform.pem" 2>/dev/null
# The key ring's certificate (an RSA PKCS#12 without password), required outside Development.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$WORK/dp.key" -out "$WORK/dp.crt" -days 30 -subj "/CN=MiniCode bench" 2>/dev/null
openssl pkcs12 -export -inkey "$WORK/dp.key" -in "$WORK/dp.crt" -passout pass: -out "$WORK/dp.p12" 2>/dev/null
export Security__DataProtection__Certificate="$(base64 -w0 "$WORK/dp.p12")" Security__DataProtection__CertificatePassword=
export Security__DataEncryptionKey="$(b64key 32)" Security__BlindIndexKey="$(b64key 32)" \
  MiniCode__Households__Portraits__ReferenceKey="$(b64key 32)" \
  MiniCode__HealthCodes__Signing__Keys="00000001:$(der_b64 pkcs8 -topk8 -nocrypt -in "$WORK/signing.pem")" \
  MiniCode__HealthCodes__ApiKeys__Authority="$AUTHORITY_KEY" \
  Alipay__AppId=2021000000000000 Alipay__AppPrivateKey="$(der_b64 pkcs8 -topk8 -nocrypt -in "$WORK/alipay-app.pem")" \
  Alipay__AlipayPublicKey="$(der_b64 pkey -pubout -in "$WORK/alipay-platform.pem")" Alipay__AesKey="$(b64key 16)" \
  WeChat__AppId=wx-bench WeChat__AppSecret=bench-secret Identity__Face__Provider=WeChat \
  Sms__Provider=Tencent Sms__Tencent__SecretId=bench Sms__Tencent__SecretKey=bench Sms__Tencent__SdkAppId=1400000000 \
  Admin__BootstrapUser=bench Admin__BootstrapPassword="Bench#$RANDOM$RANDOM"
# Gateways the bench never calls, required outside Development: an unused loopback port.
export MiniCode__Licences__Issuer__BaseUrl=http://127.0.0.1:9/licences/ MiniCode__Licences__Issuer__AppKey=bench \
  MiniCode__Licences__Issuer__AppSecret="$(b64key 32)" MiniCode__Enterprises__Registry__Endpoint=http://127.0.0.1:9/enterprise/ \
  MiniCode__Enterprises__Registry__AppId=bench MiniCode__Enterprises__Registry__AppSecret="$(b64key 32)"
export ASPNETCORE_ENVIRONMENT=Benchmark Logging__File__Path="$WORK/logs/minicode-.log" \
  Serilog__MinimumLevel__Default=Warning MiniCode__Parts__Admin=false MiniCode__Parts__Jobs=false MiniCode__Parts__Simulator=false \
  MiniCode__Limits__PerClientPerMinute=1000000 MiniCode__HealthCodes__VerifyPerMinute=10000000 MiniCode__HealthCodes__VerifyPerAddressPerMinute=1000000 \
  MiniCode__HealthCodes__LiveCodeSeconds=3600 \
  MiniCode__Caches__SessionSeconds=3600 MiniCode__Caches__StatusSeconds=3600 MiniCode__Caches__MaxEntries=$((N * 2 + 100000)) MiniCode__HealthCodes__Applications__Bootstrap__Key="$PARTNER_KEY" MiniCode__HealthCodes__Applications__Bootstrap__Name=bench \
  MiniCode__HealthCodes__Applications__Bootstrap__PerMinute=10000000

start_host() {
  echo "== start host on $URL"
  dotnet "$HOST_DLL" --urls "$URL" >"$WORK/host.out" 2>&1 &
  HOST_PID=$!
  for _ in $(seq 1 60); do curl -fs "$URL/health/live" >/dev/null && break; sleep 1; done
  curl -fs "$URL/health/live" >/dev/null || { echo "host did not start:" >&2; tail -20 "$WORK/host.out" >&2; exit 1; }
}
hwm_kb() { awk '/VmHWM/ {print $2}' "/proc/$HOST_PID/status"; }

echo "== build (Release)"
dotnet build src/MiniCode.Host -c Release -v q -clp:ErrorsOnly >/dev/null
dotnet build scripts/bench/ceiling -c Release -v q -clp:ErrorsOnly >/dev/null
HOST_DLL=src/MiniCode.Host/bin/Release/net10.0/MiniCode.Host.dll
CEILING_DLL=scripts/bench/ceiling/bin/Release/net10.0/Ceiling.dll
dotnet "$HOST_DLL" migrate >/dev/null
if [[ $MODE == import ]]; then
  echo "== generate $N-row risk-list and nucleic-acid CSVs"
  python3 - "$WORK" "$N" <<'PY'
import sys
work, n = sys.argv[1], int(sys.argv[2])
with open(f"{work}/risk-list.csv", "w") as f:
    f.write("document_type,document_number,kind,starts_on,ends_on\n")
    for i in range(n): f.write(f"Passport,E{i:08d},close_contact,2026-11-20,2026-12-04\n")
with open(f"{work}/nucleic-acid.csv", "w") as f:
    f.write("document_type,document_number,sampled_at,result,institution\n")
    for i in range(n): f.write(f"Passport,E{i:08d},2026-11-30T08:{i % 60:02d}:00+08:00,negative,压测检测机构\n")
PY
  KNOWN=${BENCH_IMPORT_KNOWN:-0}
  if (( KNOWN > 0 )); then
    echo "== seed $KNOWN citizens holding the first $KNOWN documents ($PROVIDER)"
    (cd scripts/bench && dotnet run seed.cs -- "$Database__Provider" "$ConnectionStrings__MiniCode" "$KNOWN" "$Security__BlindIndexKey")
  fi
  start_host
  sleep 3; IDLE_KB=$(hwm_kb)
  for kind in risk-list nucleic-acid; do
    echo "== import $kind ($N rows)"
    START=$(date +%s.%N)
    curl -fsS -H "X-Api-Key: $AUTHORITY_KEY" -H "Content-Type: text/csv" --data-binary "@$WORK/$kind.csv" \
      "$URL/api/authority/imports/$kind" >"$WORK/$kind.json"
    END=$(date +%s.%N)
    python3 - "$WORK/$kind.json" "$START" "$END" "$IDLE_KB" "$(hwm_kb)" "$kind" "$PROVIDER" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1])); start, end = float(sys.argv[2]), float(sys.argv[3])
idle, peak = int(sys.argv[4]) / 1024, int(sys.argv[5]) / 1024
rows = summary.get("totalRows"); accepted = summary.get("acceptedRows"); recomputed = summary.get("recomputedPersons")
print(f"{sys.argv[6]} on {sys.argv[7]}: {rows} rows ({accepted} accepted, {recomputed} colours recomputed) in {end - start:.1f} s = {rows / (end - start):,.0f} rows/s; "
      f"peak RSS {peak:.0f} MB, idle {idle:.0f} MB, growth {peak - idle:.0f} MB")
PY
  done
  exit 0
fi
echo "== seed $N citizens ($PROVIDER)"
(cd scripts/bench && dotnet run seed.cs -- "$Database__Provider" "$ConnectionStrings__MiniCode" "$N")

db_commands() { curl -fs "$URL/bench/db-commands" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["commands"])' 2>/dev/null || echo -1; }
run() { # name, wrk args... (MiniCode's database commands are counted around each run)
  local name=$1; shift
  local before; before=$(db_commands)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "$@" >"$WORK/$name.txt"
  echo "$before $(db_commands)" >"$WORK/$name.db"
  if grep -q "Non-2xx" "$WORK/$name.txt"; then echo "$name: $(grep Non-2xx "$WORK/$name.txt")" >&2; fi
}

# The ceiling app idles beside MiniCode (same Kestrel settings, its own port) and both are measured in turns: per round
# the ceiling's endpoint, then MiniCode's, for every pair. The ceiling's own rate moved by ±25% between runs on this VM,
# so each ratio is taken within a round, and the median round is reported.
CEILING_URL=http://127.0.0.1:$((PORT + 1))
echo "== ceiling app on $CEILING_URL"
ASPNETCORE_ENVIRONMENT=Production dotnet "$CEILING_DLL" --urls "$CEILING_URL" >"$WORK/ceiling.out" 2>&1 &
CEILING_PID=$!
for _ in $(seq 1 30); do curl -fs "$CEILING_URL/json" >/dev/null && break; sleep 1; done
SAVED_DURATION=$DURATION; DURATION=3s
run warm "$CEILING_URL/json"; run warm "$CEILING_URL/sign"; run warm -s scripts/bench/ceiling-verify.lua "$CEILING_URL"
DURATION=$SAVED_DURATION

start_host

echo "== fetch 200 payloads for verify"
# Sanity: a seeded citizen's code must be shown before measuring; otherwise say why.
if ! curl -fs -o /dev/null -H "Authorization: Bearer bench-0" "$URL/api/me/code"; then
  echo "show-code refused the seeded citizen bench-0:" >&2; curl -s -H "Authorization: Bearer bench-0" "$URL/api/me/code" >&2; echo >&2
  tail -20 "$WORK/host.out" >&2; exit 1
fi
for i in $(seq 1 200); do
  curl -fs -H "Authorization: Bearer bench-$(( (RANDOM * 32768 + RANDOM) % N ))" "$URL/api/me/code" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["payload"])'
done >"$WORK/payloads.txt"
# Sanity: one verification must be valid before measuring.
curl -fs -H "$PARTNER_HEADER: $PARTNER_KEY" -H "Content-Type: application/json" \
  -d "{\"payload\":\"$(head -1 "$WORK/payloads.txt")\"}" "$URL/api/codes/verify" | grep -q '"valid":true'

# Each endpoint is warmed up first (JIT tiers, EF's compiled queries, pools), so p99 measures steady state.
echo "== warm up"; BENCH_DURATION_SAVE=$DURATION; DURATION=3s
run warm "$URL/api"
# Show-code warms every seeded citizen's session and status, in turn, in 5-second rounds that go on where the last
# one stopped, until a whole pass is done and a round reads (almost) nothing from the database (at most 30 min).
WARM_START=0; WARM_UNTIL=$((SECONDS + 1800))
while :; do
  DURATION=5s BENCH_N=$N BENCH_START=$WARM_START BENCH_SEQUENTIAL=1 BENCH_THREADS=$THREADS run warm -s scripts/bench/show-code.lua "$URL"
  read -r WARM_REQUESTS WARM_PER_REQUEST < <(python3 - "$WORK/warm.txt" "$WORK/warm.db" <<'PY'
import re, sys
requests = int(re.search(r"(\d+) requests in", open(sys.argv[1]).read()).group(1))
before, after = map(int, open(sys.argv[2]).read().split())
print(requests, f"{(after - before) / max(requests, 1):.4f}")
PY
)
  WARM_START=$((WARM_START + WARM_REQUESTS))
  echo "   warm-up: $WARM_START show-codes so far, last round $WARM_PER_REQUEST db/req"
  if (( WARM_START >= N )) && python3 -c "import sys; sys.exit(0 if float('$WARM_PER_REQUEST') < 0.01 else 1)"; then break; fi
  if (( SECONDS > WARM_UNTIL )); then echo "   warm-up stopped after 30 min" >&2; break; fi
done
BENCH_PAYLOADS="$WORK/payloads.txt" BENCH_PARTNER_HEADER=$PARTNER_HEADER BENCH_PARTNER_KEY=$PARTNER_KEY run warm -s scripts/bench/verify.lua "$URL"
DURATION=$BENCH_DURATION_SAVE
for round in $(seq 1 "$ROUNDS"); do
  echo "== round $round of $ROUNDS: constant JSON / GET /api, sign / GET /api/me/code, verify / POST /api/codes/verify"
  run "ceiling-json.$round" "$CEILING_URL/json"
  run "bare.$round" "$URL/api"
  run "ceiling-sign.$round" "$CEILING_URL/sign"
  BENCH_N=$N run "show.$round" -s scripts/bench/show-code.lua "$URL"
  run "ceiling-verify.$round" -s scripts/bench/ceiling-verify.lua "$CEILING_URL"
  BENCH_PAYLOADS="$WORK/payloads.txt" BENCH_PARTNER_HEADER=$PARTNER_HEADER BENCH_PARTNER_KEY=$PARTNER_KEY \
    run "verify.$round" -s scripts/bench/verify.lua "$URL"
done

python3 - "$WORK" "$N" "$PROVIDER" "$DURATION" "$CONNECTIONS" "$ROUNDS" <<'PY'
import re, statistics, sys
work, n, provider, duration, conns, rounds = sys.argv[1:]
rounds = int(rounds)
def parse(name):
    text = open(f"{work}/{name}.txt").read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    def pct(p):
        m = re.search(p + r"%\s+([\d.]+)(us|ms|s)\b", text)
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    failed = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    return rps, pct("50"), pct("99"), requests, int(failed.group(1)) if failed else 0
def commands(name):
    try: before, after = map(int, open(f"{work}/{name}.db").read().split())
    except FileNotFoundError: return None
    return after - before if before >= 0 else None
print(f"\nMiniCode bench: N={n} citizens, {provider}, wrk {duration} x {conns} connections on loopback, {rounds} round(s)")
print(f"{'endpoint':<34}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'db/req':>8}   ceiling (same round)         {'ratio':>6}   ratio per round")
rows = [("bare", "MiniCode GET /api", "ceiling-json", "constant JSON"),
        ("show", "MiniCode GET /api/me/code", "ceiling-sign", "JSON + 1 ES256 signature"),
        ("verify", "MiniCode POST /api/codes/verify", "ceiling-verify", "JSON + 1 ES256 verification")]
for name, label, ceiling, what in rows:
    runs = [(parse(f"{name}.{r}"), parse(f"{ceiling}.{r}")[0], commands(f"{name}.{r}")) for r in range(1, rounds + 1)]
    ratios = [m[0] / c for m, c, _ in runs]
    # The median round (by ratio) supplies every figure of the line; db/req is over all rounds.
    (rps, p50, p99, _, _), crps, _ = sorted(runs, key=lambda x: x[0][0] / x[1])[(rounds - 1) // 2]
    refused = sum(m[4] for m, _, _ in runs)
    counted = [d for _, _, d in runs if d is not None]
    total = sum(m[3] for m, _, _ in runs)
    per_request = sum(counted) / total if counted and len(counted) == rounds and total else float("nan")
    print(f"{label:<34}{rps:>10.0f}{p50:>9.2f}{p99:>9.2f}{per_request:>8.3f}   {what:<26}{crps:>8.0f}{rps / crps:>7.2f}   "
          + " ".join(f"{r:.2f}" for r in ratios) + (f"   INVALID: {refused} non-2xx answers" if refused else ""))
PY
