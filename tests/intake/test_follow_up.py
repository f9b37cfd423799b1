"""Follow-up: the organisation stores a sealed reply under the report's lookup tag; a poll with
the lookup id gets it, and a poll for anything else gets an answer of the same status, headers,
size and timing."""
import os
import statistics
import time

from intake_harness import (Deployment, Server, check, header, run, ENVELOPE_PATH, POLL_PATH,
                            REPLY_BYTES, TEST_DIFFICULTY)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def timed_poll(server, body):
    started = time.monotonic()
    status, headers, data = server.request("POST", POLL_PATH, body)
    return time.monotonic() - started, status, headers, data


def test_reply_round_trip_and_constant_answers(args):
    deployment = Deployment(args)
    server = Server(deployment)
    try:
        deployment.run_testkit("follow-up", deployment.dir, str(TEST_DIFFICULTY), deployment.dir)
        envelope = read(os.path.join(deployment.dir, "envelope.bin"))
        lookup_id = read(os.path.join(deployment.dir, "lookup_id.bin"))
        reply = read(os.path.join(deployment.dir, "reply.bin"))
        check(server.request("POST", ENVELOPE_PATH, envelope)[0] == 201, "report with follow-up")

        _, status, headers, before = timed_poll(server, lookup_id)
        check(status == 200 and len(before) == REPLY_BYTES and before != reply, "poll before the reply")

        result = deployment.intake("reply", os.path.join(deployment.dir, "reply.bin"))
        check(result.returncode == 0, "signaal-intake reply: " + result.stderr.decode())
        result = deployment.intake("reply", os.path.join(deployment.dir, "envelope.bin"))
        check(result.returncode == 1, "a report envelope must not be stored as a reply")

        hits, misses = [], []
        for _ in range(8):
            elapsed, status, hit_headers, data = timed_poll(server, lookup_id)
            check(status == 200 and data == reply, "the stored reply must come back")
            hits.append(elapsed)
            elapsed, status, miss_headers, data = timed_poll(server, os.urandom(32))
            check(status == 200 and len(data) == REPLY_BYTES and data != reply, "a miss must look alike")
            misses.append(elapsed)
            shape = lambda hs: sorted((k, v) for k, v in hs if k.lower() != "date")
            check(shape(hit_headers) == shape(miss_headers), "hit and miss headers differ")
            check(header(hit_headers, "Cache-Control") == "no-store", "poll must be no-store")
        check(min(hits + misses) >= 0.1, "every poll must wait the configured floor (100 ms)")
        gap = abs(statistics.median(hits) - statistics.median(misses))
        check(gap < 0.04, "hit and miss median times differ by %.1f ms" % (gap * 1000))

        status, _, _ = server.request("POST", POLL_PATH, lookup_id + b"x")
        check(status == 400, "a poll body of the wrong size is rejected")
    finally:
        server.stop()
        deployment.cleanup()


run([test_reply_round_trip_and_constant_answers])
