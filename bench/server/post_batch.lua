-- wrk script: POST a JSON Lines batch of BATCH records (default 1000) to STREAM's updates.
local batch = tonumber(os.getenv("BATCH") or "1000")
local stream = os.getenv("STREAM") or "bench"
local token = os.getenv("TOKEN") or ""
local lines = {}
for i = 1, batch do
  lines[i] = string.format('{"id": "b-%d", "source": "Wire %d", "text": "Update %d: rescue teams ' ..
    'reached the harbour district where %d people were evacuated overnight, officials said."}',
    i, i % 7, i, i % 300)
end
wrk.method = "POST"
wrk.path = "/v1/streams/" .. stream .. "/updates"
wrk.body = table.concat(lines, "\n") .. "\n"
wrk.headers["Content-Type"] = "application/x-ndjson"
wrk.headers["Authorization"] = "Bearer " .. token

local non201 = 0
function response(status, headers, body)
  if status ~= 201 then non201 = non201 + 1 end
end
function done(summary, latency, requests)
  io.write(string.format("records per request: %d\nrecords/s: %.0f\nnon-201 answers (this thread's count is lost by wrk; see the server's errors line): %d\n",
    batch, summary.requests / (summary.duration / 1e6) * batch, summary.errors.status))
end
