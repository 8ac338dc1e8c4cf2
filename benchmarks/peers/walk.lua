-- wrk script: sends pre-built POSTs from a file written by clicks.mjs, each once in file order ("walk": a distinct click per
-- request; when the file is used up the thread stops and RESULT says exhausted=1), or the first one again and again ("replay").
-- Counts non-2xx answers and prints one RESULT line in the format of ../shared/bench/peers/load/replay.lua.
--   wrk -t1 ... -s walk.lua URL -- REQUEST_FILE walk|replay
-- One thread only: each wrk thread has its own Lua state, so two threads would send the same clicks.

local threads = {}

function setup(thread)
   table.insert(threads, thread)
end

count = 0
non2xx = 0
statuses = {}
exhausted = 0
local requests = {}
local total = 0
local next_index = 0
local replay = false

function init(args)
   local f = assert(io.open(args[1], "rb"))
   while true do
      local head = f:read("*l")
      if not head then break end
      local length = assert(tonumber(head:match("^R (%d+)$")), "bad record header: " .. head)
      local headers = {}
      while true do
         local line = f:read("*l")
         if line == nil or line == "" then break end
         local k, v = line:match("^([^:]+):%s*(.-)%s*$")
         headers[k] = v
      end
      local body = f:read(length)
      f:read("*l")
      total = total + 1
      requests[total] = wrk.format("POST", nil, headers, body)
   end
   f:close()
   assert(total > 0, "no requests in " .. args[1])
   replay = args[2] == "replay"
end

function request()
   if replay then
      return requests[1]
   end
   next_index = next_index + 1
   if next_index > total then
      -- used up: resend the last one (a repeat) until the thread stops at the next response
      exhausted = 1
      next_index = total
   end
   return requests[next_index]
end

function response(status, headers, body)
   count = count + 1
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
      local k = tostring(status)
      statuses[k] = (statuses[k] or 0) + 1
   end
   if exhausted == 1 then
      wrk.thread:stop()
   end
end

function done(summary, latency, requests)
   local bad, codes, used_up = 0, {}, 0
   for _, t in ipairs(threads) do
      bad = bad + (t:get("non2xx") or 0)
      used_up = math.max(used_up, t:get("exhausted") or 0)
      for k, v in pairs(t:get("statuses") or {}) do codes[k] = (codes[k] or 0) + v end
   end
   local list = {}
   for k, v in pairs(codes) do table.insert(list, k .. ":" .. v) end
   table.sort(list)
   local secs = summary.duration / 1e6
   local e = summary.errors
   io.write(string.format(
      "RESULT requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f mean_ms=%.2f non2xx=%d err_connect=%d err_read=%d err_write=%d err_timeout=%d statuses=%s exhausted=%d\n",
      summary.requests, secs, summary.requests / secs,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, latency.mean / 1000,
      bad, e.connect, e.read, e.write, e.timeout,
      (#list > 0) and table.concat(list, ",") or "-", used_up))
end
