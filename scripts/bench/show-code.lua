-- GET /api/me/code as a random one of the N seeded citizens (tokens "bench-<i>", see seed.cs).
local n = tonumber(os.getenv("BENCH_N") or "1000")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/api/me/code", { ["Authorization"] = "Bearer bench-" .. math.random(0, n - 1) })
end
