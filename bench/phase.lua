-- One wrk phase, configured from the environment so that every phase (hub and bare endpoint) runs the same script:
--   BENCH_METHOD  GET or POST (default GET)
--   BENCH_PATH    the request path; with BENCH_ROTATE=N, "{BENCH_PATH}{thread}-{n % N}" (names rotate per thread)
--   BENCH_BODY    a literal body (list-files), or BENCH_BODY_BYTES=1024 for that many bytes of 'x'
--   BENCH_TOKEN   sent as "Authorization: bearer {token}" when set
-- done() prints one line that bench/run.sh reads: RESULT requests=... rps=... p50_us=... p99_us=... errors=...
local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local rotate = tonumber(os.getenv("BENCH_ROTATE") or "0")
local body = os.getenv("BENCH_BODY")
local body_bytes = tonumber(os.getenv("BENCH_BODY_BYTES") or "0")
local token = os.getenv("BENCH_TOKEN")

if body_bytes > 0 then
  body = string.rep("x", body_bytes)
end

local headers = {}
if token and #token > 0 then
  headers["Authorization"] = "bearer " .. token
end
if body then
  headers["Content-Type"] = "application/octet-stream"
end

wrk.method = method
wrk.path = path
wrk.body = body
wrk.headers = headers

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

if rotate > 0 then
  local counter = 0
  function request()
    counter = counter + 1
    return wrk.format(method, path .. id .. "-" .. (counter % rotate), headers, body)
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.0f p50_us=%d p99_us=%d max_us=%d errors=%d status_errors=%d\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50), latency:percentile(99),
    latency.max, e.connect + e.read + e.write + e.timeout + e.status, e.status))
end
