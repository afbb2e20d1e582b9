-- GET /api/me/code as one of the N seeded citizens (tokens "bench-<i>", see seed.cs): at random, or, with
-- BENCH_SEQUENTIAL=1 (the warm-up), each of them in turn from BENCH_START, the wrk threads sharing the range.
local n = tonumber(os.getenv("BENCH_N") or "1000")
local sequential = os.getenv("BENCH_SEQUENTIAL") == "1"
local start = tonumber(os.getenv("BENCH_START") or "0")
local threads = 0
math.randomseed(os.time())

function setup(thread)
  thread:set("offset", threads)
  threads = threads + 1
end

local i = nil
request = function()
  local who
  if sequential then
    i = (i == nil) and (start + (offset or 0)) or (i + tonumber(os.getenv("BENCH_THREADS") or "2"))
    who = i % n
  else
    who = math.random(0, n - 1)
  end
  return wrk.format("GET", "/api/me/code", { ["Authorization"] = "Bearer bench-" .. who })
end
