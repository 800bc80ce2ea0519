-- Shared by the bench's wrk scripts (tools/bench/lua/*.lua): per-thread counts of every status
-- (and of anything a script counts in `counters`), and done(), which writes one JSON summary to
-- the file named by BENCH_OUT: requests, duration, latency percentiles (microseconds), socket
-- errors, statuses and counters. tools/bench/report.py reads it.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

statuses = {}
counters = {}

function count(name, n)
  counters[name] = (counters[name] or 0) + (n or 1)
end

function count_status(status)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

local function encode(value)
  if type(value) == "table" then
    local parts = {}
    for k, v in pairs(value) do
      table.insert(parts, string.format("%q:%s", tostring(k), encode(v)))
    end
    return "{" .. table.concat(parts, ",") .. "}"
  elseif type(value) == "string" then
    return string.format("%q", value)
  end
  return tostring(value)
end

local function merge(into, from)
  for k, v in pairs(from or {}) do into[k] = (into[k] or 0) + v end
end

function done(summary, latency, requests)
  local all_statuses, all_counters = {}, {}
  for _, thread in ipairs(threads) do
    merge(all_statuses, thread:get("statuses"))
    merge(all_counters, thread:get("counters"))
  end
  local result = {
    duration_us = summary.duration,
    requests = summary.requests,
    bytes = summary.bytes,
    errors = summary.errors,
    latency = {
      p50 = latency:percentile(50), p90 = latency:percentile(90), p99 = latency:percentile(99),
      max = latency.max, mean = latency.mean,
    },
    statuses = all_statuses,
    counters = all_counters,
  }
  local path = os.getenv("BENCH_OUT")
  if path then
    local file = assert(io.open(path, "w"))
    file:write(encode(result), "\n")
    file:close()
  end
end

-- Responses come gzipped (every request sends Accept-Encoding: gzip): zlib through LuaJIT's ffi.
local ffi = require("ffi")
ffi.cdef[[
typedef struct {
  const char *next_in; unsigned int avail_in; unsigned long total_in;
  char *next_out; unsigned int avail_out; unsigned long total_out;
  const char *msg; void *state; void *zalloc; void *zfree; void *opaque;
  int data_type; unsigned long adler; unsigned long reserved;
} bench_z_stream;
const char *zlibVersion(void);
int inflateInit2_(bench_z_stream *strm, int windowBits, const char *version, int stream_size);
int inflate(bench_z_stream *strm, int flush);
int inflateEnd(bench_z_stream *strm);
]]
local zlib = ffi.load("libz.so.1")
local OUT_SIZE = 1048576
local out = ffi.new("char[?]", OUT_SIZE)

function gunzip(data)
  local stream = ffi.new("bench_z_stream")
  if zlib.inflateInit2_(stream, 31, zlib.zlibVersion(), ffi.sizeof(stream)) ~= 0 then return nil end
  stream.next_in, stream.avail_in = data, #data
  stream.next_out, stream.avail_out = out, OUT_SIZE
  local finished = zlib.inflate(stream, 4) == 1  -- Z_FINISH -> Z_STREAM_END
  local text = finished and ffi.string(out, stream.total_out) or nil
  zlib.inflateEnd(stream)
  return text
end

function body_text(headers, body)
  if headers["Content-Encoding"] == "gzip" then
    count("gzipped")
    return gunzip(body) or ""
  end
  return body
end

-- The Store API journey (create a basket, add the kit, check out with a new Idempotency-Key and the
-- dummy card that pays), one step per request. Each response carries what the next step needs (the
-- basket's token), so the steps of many baskets interleave over a thread's connections.
SKU = "CRB-KIT-STD"
CHECKOUT_BODY = '{"email":"bench@example.com","shipping_address":{"name":"Bench Example",' ..
  '"line1":"1 High Street","line2":"","city":"London","postcode":"SW1A 1AA","country":"GB"},' ..
  '"shipping_method":"uk-standard","accept_terms":true,' ..
  '"payment":{"method":"dummy","card_number":"4242424242424242"}}'
JSON = { ["Content-Type"] = "application/json", ["Accept-Encoding"] = "gzip" }

local need_line, need_checkout = {}, {}
local keys_sent = 0
-- Keys are new in every wrk run (its start time), thread and request: "RUN-TIME-THREAD-N".
local run_id = (os.getenv("BENCH_RUN_ID") or "bench") .. "-" .. os.time()

function shop_request()
  local token = table.remove(need_checkout)
  if token then
    keys_sent = keys_sent + 1
    count("checkout_sent")
    local headers = {
      ["Content-Type"] = "application/json", ["Accept-Encoding"] = "gzip",
      ["Idempotency-Key"] = string.format("%s-%d-%d", run_id, thread_id, keys_sent),
    }
    return wrk.format("POST", "/api/v1/baskets/" .. token .. "/checkout", headers, CHECKOUT_BODY)
  end
  token = table.remove(need_line)
  if token then
    count("add_line_sent")
    return wrk.format("POST", "/api/v1/baskets/" .. token .. "/lines", JSON, '{"sku":"' .. SKU .. '","quantity":1}')
  end
  count("create_basket_sent")
  return wrk.format("POST", "/api/v1/baskets", JSON, "{}")
end

-- Returns true if the response was one of the journey's (so the caller need not look further).
function shop_response(status, headers, body)
  body = body_text(headers, body)
  if body:find('"order_number"', 1, true) then
    if status == 201 then count("checkout_201") else count("checkout_other") end
    return true
  end
  local token = body:match('"token"%s*:%s*"([^"]+)"')
  if not token then return false end
  if status == 201 and body:find('"lines"', 1, true) then
    table.insert(need_checkout, token)
  elseif status == 201 then
    table.insert(need_line, token)
  end
  return true
end
