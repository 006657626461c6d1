-- wrk script for `npm run bench`'s latency runs: each request's own wall time, measured here.
--
-- wrk's own percentiles are "corrected" for coordinated omission (stats_correct() in wrk.c): every sample longer than
-- twice the mean interval between requests adds synthetic samples at that interval below it, so one 30 ms stall of
-- the machine becomes about a hundred samples, and at 0.3 ms per request a run's p99 reads the size of its one or two
-- longest stalls. This script records what each request took, and nothing else.
--
-- Run with as many threads as connections (-tN -cN): one connection per thread, so a thread's request and response
-- pair up.
local ffi = require("ffi")
ffi.cdef([[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]])
local tv = ffi.new("bench_timeval")
local function now_us()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000000 + tonumber(tv.tv_usec)
end

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

local formatted, sent
function init(args)
  formatted = wrk.format()
  latencies = {}
end

function request()
  sent = now_us()
  return formatted
end

function response(status, headers, body)
  latencies[#latencies + 1] = now_us() - sent
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for _, us in ipairs(thread:get("latencies")) do
      all[#all + 1] = us
    end
  end
  table.sort(all)
  local function at(q)
    return all[math.max(1, math.ceil(#all * q))] / 1000
  end
  io.write(string.format("bench-latency n=%d p50=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f\n", #all, at(0.5), at(0.9),
    at(0.99), at(0.999), all[#all] / 1000))
end
