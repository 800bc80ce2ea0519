-- Adding the kit to a basket: POST /api/v1/baskets/{token}/lines. The baskets are made beforehand
-- (measure.py baskets N FILE; BENCH_BASKETS names the file); each thread goes round its own share,
-- one unit per visit, so no basket passes the 10-per-line limit in a run.
dofile((os.getenv("BENCH_LUA") or "tools/bench/lua") .. "/common.lua")

local tokens, next_token = {}, 0
local body = '{"sku":"' .. SKU .. '","quantity":1}'

function init(args)
  local threads = tonumber(os.getenv("BENCH_THREADS") or "2")
  local index = 0
  local path = os.getenv("BENCH_BASKETS")
  assert(path, "BENCH_BASKETS is not set")
  for line in io.lines(path) do
    if index % threads == thread_id - 1 then table.insert(tokens, line) end
    index = index + 1
  end
end

function request()
  next_token = next_token % #tokens + 1
  return wrk.format("POST", "/api/v1/baskets/" .. tokens[next_token] .. "/lines", JSON, body)
end

function response(status, headers, body)
  count_status(status)
end
