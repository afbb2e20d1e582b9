-- POST /api/codes/verify with payloads fetched before the run (one per line in BENCH_PAYLOADS), as a partner system.
local payloads = {}
for line in io.lines(os.getenv("BENCH_PAYLOADS")) do payloads[#payloads + 1] = line end
local key = os.getenv("BENCH_PARTNER_KEY")
local header = os.getenv("BENCH_PARTNER_HEADER") or "X-Api-Key"
request = function()
  local body = '{"payload":"' .. payloads[math.random(1, #payloads)] .. '"}'
  return wrk.format("POST", "/api/codes/verify", { ["Content-Type"] = "application/json", [header] = key }, body)
end
