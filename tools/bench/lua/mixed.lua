-- `make loadtest`: guide pages (70%), the identifier API (20%) and the Store API checkout journey
-- (10%: create basket, add line, checkout with a new Idempotency-Key), all through nginx.
-- In the last BENCH_DRAIN seconds (loadtest.sh: 15) only pages are asked for, so every checkout sent
-- has its answer before wrk stops: the database check then compares orders with 201s exactly.
dofile((os.getenv("BENCH_LUA") or "tools/bench/lua") .. "/common.lua")

local PAGES = {
  "/", "/what-is-milia/", "/types/", "/causes/", "/look-alikes/", "/treatment/", "/newborn-milia/",
  "/names-for-milia/",
  "/types/congenital-milia/", "/types/benign-primary-milia/", "/types/milia-en-plaque/",
  "/types/nodular-grouped-milia/", "/types/multiple-eruptive-milia/",
  "/types/genodermatosis-associated-milia/", "/types/nevus-depigmentosus-with-milia/",
  "/types/disease-associated-milia/", "/types/medication-associated-milia/",
  "/types/trauma-associated-milia/",
}
local IDENTIFY = '{"age_group":"adult","sites":["nose","cheeks"],"look":["white_dome"],' ..
  '"count":"few","onset":"gradual","history":[],"symptoms":[]}'
local page_requests = {}
local identify_request
local started, stop_shop_at

function init(args)
  math.randomseed(os.time() * 100 + thread_id)
  for i, path in ipairs(PAGES) do
    page_requests[i] = wrk.format("GET", path, { ["Accept-Encoding"] = "gzip" })
  end
  identify_request = wrk.format("POST", "/api/v1/identify", JSON, IDENTIFY)
  started = os.time()
  stop_shop_at = started + tonumber(os.getenv("BENCH_SECONDS") or "60") - tonumber(os.getenv("BENCH_DRAIN") or "10")
end

function request()
  local roll = math.random(100)
  if roll <= 70 or os.time() >= stop_shop_at then
    count("page")
    return page_requests[math.random(#page_requests)]
  elseif roll <= 90 then
    count("identify")
    return identify_request
  end
  count("shop")
  return shop_request()
end

function response(status, headers, body)
  count_status(status)
  local kind = headers["Content-Type"] or ""
  if kind:find("application/json", 1, true) then
    shop_response(status, headers, body)
  end
end
