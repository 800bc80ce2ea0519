-- The whole Store API checkout: create a basket, add the kit, check out (common.lua, shop_request).
dofile((os.getenv("BENCH_LUA") or "tools/bench/lua") .. "/common.lua")

function request()
  return shop_request()
end

function response(status, headers, body)
  count_status(status)
  shop_response(status, headers, body)
end
