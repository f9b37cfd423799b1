-- wrk script for scripts/bench-intake: each wrk thread posts its own share of a file of
-- distinct envelopes (back to back, 16 488 bytes each), and counts the answers it gets.
local ENVELOPE_BYTES = 16488
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file = assert(io.open(args[1], "rb"))
  local data = file:read("*a")
  file:close()
  local count = math.floor(#data / ENVELOPE_BYTES)
  local step = tonumber(args[2])
  bodies = {}
  for i = id, count - 1, step do
    bodies[#bodies + 1] = data:sub(i * ENVELOPE_BYTES + 1, (i + 1) * ENVELOPE_BYTES)
  end
  data = nil
  collectgarbage()
  sent, created, other, reused = 0, 0, 0, 0
  headers = {["Content-Type"] = "application/octet-stream"}
end

function request()
  sent = sent + 1
  if sent > #bodies then reused = reused + 1 end
  return wrk.format("POST", nil, headers, bodies[(sent - 1) % #bodies + 1])
end

function response(status, headers, body)
  if status == 201 then created = created + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local totals = {created = 0, other = 0, reused = 0}
  for _, thread in ipairs(threads) do
    for key in pairs(totals) do totals[key] = totals[key] + thread:get(key) end
  end
  io.write(string.format("created %d\nother %d\nreused %d\n", totals.created, totals.other, totals.reused))
end
