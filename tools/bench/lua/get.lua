-- GET one page (the URL given to wrk); counts statuses, and with BENCH_EXPECT_HIT=1 every response
-- whose X-Cache-Status is not HIT (nginx answered without its cached copy).
dofile((os.getenv("BENCH_LUA") or "tools/bench/lua") .. "/common.lua")

local expect_hit = os.getenv("BENCH_EXPECT_HIT") == "1"

function response(status, headers, body)
  count_status(status)
  if expect_hit and headers["X-Cache-Status"] ~= "HIT" then count("not_hit") end
end
