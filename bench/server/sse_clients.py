#!/usr/bin/env python3
"""N server-sent-events clients of one stream (default 1,000): each connects and waits for the
current report; then one update is posted and the script measures how long until every client
has the new report. Usage: sse_clients.py PORT TOKEN [N]  (the stream "live" must exist)."""
import asyncio, json, sys, time, urllib.request

PORT, TOKEN = int(sys.argv[1]), sys.argv[2]
N = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
STREAM = "live"


async def client(first_seen, new_seen, target_id):
    r, w = await asyncio.open_connection("127.0.0.1", PORT, limit=1 << 24)
    w.write(f"GET /v1/streams/{STREAM}/events HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    await w.drain()
    buf = b""
    got_first = False
    while True:
        chunk = await r.read(1 << 20)
        if not chunk:
            return False
        buf += chunk
        while b"\n\n" in buf:
            block, buf = buf.split(b"\n\n", 1)
            if b"event: report" not in block:
                continue
            ident = int(block.split(b"id: ", 1)[1].split(b"\n", 1)[0])
            if not got_first:
                got_first = True
                first_seen.append(ident)
            if target_id[0] is not None and ident >= target_id[0]:
                new_seen.append(time.monotonic())
                w.close()
                return True


def post():
    body = json.dumps({"source": "bench", "text": "The fire service says the fire is out."}) + "\n"
    req = urllib.request.Request(f"http://127.0.0.1:{PORT}/v1/streams/{STREAM}/updates",
                                 data=body.encode(), method="POST",
                                 headers={"Authorization": "Bearer " + TOKEN,
                                          "Content-Type": "application/x-ndjson"})
    with urllib.request.urlopen(req) as res:
        return json.load(res)["last"]


async def main():
    first_seen, new_seen, target = [], [], [None]
    tasks = [asyncio.create_task(client(first_seen, new_seen, target)) for _ in range(N)]
    t0 = time.monotonic()
    while len(first_seen) < N and time.monotonic() - t0 < 60:
        await asyncio.sleep(0.05)
    print(f"{len(first_seen)} of {N} clients connected with the current report in "
          f"{time.monotonic() - t0:.2f} s")
    t1 = time.monotonic()
    target[0] = post()
    done = await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 60)
    ok = sum(1 for d in done if d is True)
    lat = sorted(t - t1 for t in new_seen)
    if lat:
        print(f"{ok} of {N} clients got the new report (id {target[0]}): median "
              f"{lat[len(lat) // 2] * 1000:.0f} ms, last {lat[-1] * 1000:.0f} ms after the POST")
    else:
        print("no client got the new report")


asyncio.run(main())
