-- wrk script: a checkout (POST /api/orders) of one product with a new Idempotency-Key per request
dofile(debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "status.lua")

local sent = 0

request = function()
  sent = sent + 1
  return wrk.format("POST", "/api/orders", {
    ["Content-Type"] = "application/json",
    ["X-Customer-Id"] = "bench",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", os.time(), math.random(1, 1000000000), sent),
  }, '{"lines":[{"sku":"BENCH-1","quantity":1}]}')
end
