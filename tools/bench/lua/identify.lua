-- POST /api/v1/identify with one set of answers (JSON), as the identifier's JavaScript does.
dofile((os.getenv("BENCH_LUA") or "tools/bench/lua") .. "/common.lua")

IDENTIFY_BODY = '{"age_group":"adult","sites":["nose","cheeks"],"look":["white_dome"],' ..
  '"count":"few","onset":"gradual","history":[],"symptoms":[]}'

wrk.method = "POST"
wrk.path = "/api/v1/identify"
wrk.body = IDENTIFY_BODY
wrk.headers["Content-Type"] = "application/json"

function response(status, headers, body)
  count_status(status)
end
