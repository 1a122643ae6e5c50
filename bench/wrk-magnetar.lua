-- wrk script for bench/api-throughput.sh.
--
-- Arguments after wrk's `--`: MODE [RUN]
--   MODE "get"    : send wrk's fixed request (the URL given to wrk) unchanged.
--   MODE "create" : POST a valid DC/OS cluster template to the URL, named
--                   bench-RUN-THREAD-N so every name in a benchmark is distinct.
-- When the run ends it prints one line that the shell script parses:
--   RESULT <requests> <req/s> <p50 ms> <p99 ms> <errors>
-- where errors counts socket errors, timeouts and every response with status >= 400.

local next_thread_id = 1

function setup(thread)
  thread:set("thread_id", next_thread_id)
  next_thread_id = next_thread_id + 1
end

local mode = "get"
local run = "0"
local sent = 0
local body_format = '{"name":"bench-%s-%d-%d","coe":"dcos","image_id":"dcos-centos-7.2",'
  .. '"keypair_id":"testkey","external_network_id":"public","flavor_id":"m1.small"}'
local json_headers = { ["Content-Type"] = "application/json", ["Accept"] = "application/json" }

function init(args)
  -- Headers given to wrk with -H (e.g. X-Auth-Token) go on every request, creates included.
  for name, value in pairs(wrk.headers) do
    if json_headers[name] == nil then
      json_headers[name] = value
    end
  end
  mode = args[1] or "get"
  run = args[2] or "0"
  if mode ~= "get" and mode ~= "create" then
    error("unknown mode '" .. mode .. "' (expected get or create)")
  end
end

function request()
  if mode == "get" then
    return wrk.request()
  end
  sent = sent + 1
  -- thread_id is set by setup() in this thread's own Lua state.
  local body = string.format(body_format, run, thread_id, sent)
  return wrk.format("POST", nil, json_headers, body)
end

function done(summary, latency, _)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT %d %.1f %.3f %.3f %d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, errors))
end
