-- POST /verify of the ceiling app with an MC1-sized body, like verify.lua does against MiniCode.
local body = '{"payload":"MC1:' .. string.rep("A", 116) .. '"}'
request = function()
  return wrk.format("POST", "/verify", { ["Content-Type"] = "application/json" }, body)
end
