-- wrk's script for bench/portal_load.py (issue 24). wrk's own --latency prints p50/75/90/99
-- only: done() prints one line, "PORTAL_LOAD {json}", with p95 too, the socket errors and the
-- answers counted by status class (wrk's errors.status counts only >= 400, so a 304 or a
-- redirect would pass unseen). Latencies are in microseconds.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- Each thread runs in a Lua state of its own: its counts are globals that done() reads back
-- with thread:get().
function init(args)
  s1xx, s2xx, s3xx, s304, s4xx, s5xx = 0, 0, 0, 0, 0, 0
end

function response(status, headers, body)
  if status == 304 then
    s304 = s304 + 1
  elseif status < 200 then
    s1xx = s1xx + 1
  elseif status < 300 then
    s2xx = s2xx + 1
  elseif status < 400 then
    s3xx = s3xx + 1
  elseif status < 500 then
    s4xx = s4xx + 1
  else
    s5xx = s5xx + 1
  end
end

function done(summary, latency, requests)
  local counts = { s1xx = 0, s2xx = 0, s3xx = 0, s304 = 0, s4xx = 0, s5xx = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(counts) do
      counts[name] = counts[name] + (thread:get(name) or 0)
    end
  end
  local e = summary.errors
  io.write(string.format(
    'PORTAL_LOAD {"requests": %d, "duration_us": %d, "bytes": %d, ' ..
    '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d, ' ..
    '"mean_us": %.1f, "p50_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, ' ..
    '"s1xx": %d, "s2xx": %d, "s3xx": %d, "s304": %d, "s4xx": %d, "s5xx": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.mean, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max,
    counts.s1xx, counts.s2xx, counts.s3xx, counts.s304, counts.s4xx, counts.s5xx))
end
