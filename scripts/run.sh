#!/usr/bin/env bash
# Runs MiniCode on its embedded default: SQLite under data/, platform simulator, in-process jobs,
# on http://127.0.0.1:5080. `scripts/run.sh --demo` first fills the database once with a fake demo province
# (Development only; the log prints the demo logins). Settings can be overridden with environment variables, e.g.
#   Database__Provider=Postgres ConnectionStrings__MiniCode="Host=127.0.0.1;Database=minicode;Username=minicode;Password=minicode" scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/apt.sh
ensure_packages rsvg-convert:librsvg2-bin fonts:fonts-noto-cjk
export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
root=$(pwd)
# Everything the embedded default writes (database, generated keys, logs, photos) lives in the repo's data/ folder.
args=(--MiniCode:DataPath="$root/data" --MiniCode:KeysPath="$root/data/keys" --Logging:File:Path="$root/data/logs/minicode-.log")
[ -z "${ConnectionStrings__MiniCode:-}" ] && args+=(--ConnectionStrings:MiniCode="Data Source=$root/data/minicode.db")
urls=${MINICODE_URLS:-http://127.0.0.1:5080}
# The platform clients call the simulator of this very process: follow another address given in MINICODE_URLS.
if [ "$urls" != "http://127.0.0.1:5080" ]; then
  self=${urls%%;*}; self=${self%/}
  args+=(--WeChat:BaseUrl="$self/simulator/wechat/" --Alipay:GatewayUrl="$self/simulator/alipay/gateway.do"
         --Sms:Tencent:Endpoint="$self/simulator/sms/tencent/" --Sms:Aliyun:Endpoint="$self/simulator/sms/aliyun/"
         --Identity:Face:TencentCloud:Endpoint="$self/simulator/tencent/faceid/")
fi
passthrough=()
for a in "$@"; do
  if [ "$a" = "--demo" ]; then args+=(--Demo:Seed=true); else passthrough+=("$a"); fi
done
exec dotnet run --project src/MiniCode.Host --no-launch-profile --urls "$urls" -- "${args[@]}" ${passthrough[@]+"${passthrough[@]}"}
