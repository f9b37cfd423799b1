"""The envelope endpoint: a valid envelope is stored (201) exactly once; every other body gets
the same 400 with the same headers and body; export hands the envelopes to the organisation
in the form they open in; delete and retention remove them."""
import datetime
import os
import sqlite3

from intake_harness import (Deployment, Server, check, header, run, ENVELOPE_BYTES, ENVELOPE_PATH,
                            TEST_DIFFICULTY)


def answer_shape(status, headers, body):
    """What a prober sees: status, header names and values (minus Date), body."""
    return status, sorted((k, v) for k, v in headers if k.lower() != "date"), body


def hostile_bodies(deployment, valid):
    def changed(offset, value):
        data = bytearray(valid)
        data[offset] = value
        return bytes(data)

    other = Deployment(deployment.args)  # a key of another organisation
    try:
        foreign = other.envelopes(1)[0]
    finally:
        other.cleanup()
    hard = deployment.envelopes(1, difficulty=TEST_DIFFICULTY - 4)[0]
    return {
        "empty": b"",
        "truncated": valid[:-1],
        "oversized": valid + b"\0",
        "twice the size": valid + valid,
        "garbage": os.urandom(ENVELOPE_BYTES),
        "bad magic": changed(0, ord("X")),
        "bad version": changed(4, 2),
        "reserved bytes": changed(6, 1),
        "unknown key id": changed(8, valid[8] ^ 0xFF),
        "another organisation's key": foreign,
        "difficulty below the minimum": hard,
        "nonce that does not hold": changed(ENVELOPE_BYTES - 1, valid[-1] ^ 0x5A),
        "sealed bytes changed after the proof": changed(1000, valid[1000] ^ 1),
    }


def test_accepts_once_rejects_uniformly(args):
    deployment = Deployment(args)
    server = Server(deployment)
    try:
        valid, second = deployment.envelopes(2)
        status, headers, body = server.request("POST", ENVELOPE_PATH, valid)
        check(status == 201, "valid envelope: %d %r" % (status, body))
        check(header(headers, "Cache-Control") == "no-store", "201 must be no-store")
        # A retry of the same envelope (the answer was lost) is fine, and stored once.
        status, _, _ = server.request("POST", ENVELOPE_PATH, valid)
        check(status == 201, "retry of a stored envelope: %d" % status)
        check(server.request("POST", ENVELOPE_PATH, second)[0] == 201, "second envelope")

        shapes = {}
        for name, data in hostile_bodies(deployment, valid).items():
            shape = answer_shape(*server.request("POST", ENVELOPE_PATH, data))
            check(shape[0] == 400, "%s: status %d" % (name, shape[0]))
            shapes[name] = shape
        # Other ways in: a wrong method, a form body, a path under /api/ that does not exist.
        shapes["GET"] = answer_shape(*server.request("GET", ENVELOPE_PATH))
        shapes["unknown api path"] = answer_shape(*server.request("POST", "/api/v1/other", valid))
        shapes["form body"] = answer_shape(*server.request(
            "POST", ENVELOPE_PATH, valid, headers={"Content-Type": "application/x-www-form-urlencoded"}))
        first_name, first = next(iter(shapes.items()))
        for name, shape in shapes.items():
            check(shape == first, "%s answers differently from %s:\n%r\n%r" % (name, first_name, shape, first))

        stored = deployment.exported()
        check(sorted(stored) == sorted([valid, second]), "store holds %d envelopes, not the 2 sent" % len(stored))
    finally:
        server.stop()
        deployment.cleanup()


def test_key_window_and_grace(args):
    """The bundle's only key ended 10 days ago: accepted with 30 days of grace, refused with 5."""
    deployment = Deployment(args, ended_days_ago=10)
    try:
        envelope = deployment.envelopes(1)[0]
        server = Server(deployment)
        try:
            check(server.request("POST", ENVELOPE_PATH, envelope)[0] == 201, "refused within grace")
        finally:
            server.stop()
        deployment.config["grace_days"] = 5
        deployment.write_config()
        server = Server(deployment)
        try:
            other = deployment.envelopes(1)[0]
            check(server.request("POST", ENVELOPE_PATH, other)[0] == 400, "accepted after grace")
        finally:
            server.stop()
    finally:
        deployment.cleanup()


def test_export_opens_and_delete_removes(args):
    deployment = Deployment(args)
    server = Server(deployment)
    try:
        envelopes = deployment.envelopes(5)
        for envelope in envelopes:
            check(server.request("POST", ENVELOPE_PATH, envelope)[0] == 201, "post")
    finally:
        server.stop()
    try:
        export_path = os.path.join(deployment.dir, "export.bin")
        result = deployment.intake("export", "--out", export_path)
        check(result.returncode == 0, "export: " + result.stderr.decode())
        opened = deployment.run_testkit("open", deployment.dir, export_path).strip()
        check(opened == "5", "the organisation opened %s of 5 exported envelopes" % opened)

        today = datetime.datetime.now(datetime.timezone.utc).date()
        check(len(deployment.exported("--since", str(today))) == 5, "--since today")
        check(len(deployment.exported("--since", str(today + datetime.timedelta(days=1)))) == 0,
              "--since tomorrow")
        result = deployment.intake("delete", "--before", str(today))
        check(result.returncode == 0 and len(deployment.exported()) == 5, "delete before today kept all")
        result = deployment.intake("delete", "--before", str(today + datetime.timedelta(days=1)))
        check(result.returncode == 0 and len(deployment.exported()) == 0, "delete before tomorrow")
        result = deployment.intake("delete", "--before", "yesterday")
        check(result.returncode == 2 and b"--before" in result.stderr, "a bad day must be refused")
    finally:
        deployment.cleanup()


def test_retention_expires_at_start(args):
    deployment = Deployment(args, extra={"retention_days": 30})
    server = Server(deployment)
    try:
        envelopes = deployment.envelopes(3)
        for envelope in envelopes:
            check(server.request("POST", ENVELOPE_PATH, envelope)[0] == 201, "post")
    finally:
        server.stop()
    try:
        # Age two of them as if received 31 and 30 days ago.
        db = sqlite3.connect(os.path.join(deployment.dir, "intake.sqlite"))
        today = datetime.datetime.now(datetime.timezone.utc).date()
        rows = [r[0] for r in db.execute("SELECT id FROM envelopes ORDER BY id")]
        db.execute("UPDATE envelopes SET received_day = ? WHERE id = ?",
                   (str(today - datetime.timedelta(days=31)), rows[0]))
        db.execute("UPDATE envelopes SET received_day = ? WHERE id = ?",
                   (str(today - datetime.timedelta(days=30)), rows[1]))
        db.commit()
        db.close()
        Server(deployment).stop()  # expiry runs at start
        check(len(deployment.exported()) == 2, "only the envelope older than 30 days must go")
    finally:
        deployment.cleanup()


def test_stores_only_the_five_fields(args):
    deployment = Deployment(args)
    server = Server(deployment)
    try:
        envelope = deployment.envelopes(1)[0]
        check(server.request("POST", ENVELOPE_PATH, envelope)[0] == 201, "post")
    finally:
        server.stop()
    try:
        db = sqlite3.connect(os.path.join(deployment.dir, "intake.sqlite"))
        columns = [r[1] for r in db.execute("PRAGMA table_info(envelopes)")]
        check(columns == ["id", "envelope", "key_id", "lookup_tag", "received_day"], "columns: %r" % columns)
        (row_id, stored, key_id, tag, day), = db.execute("SELECT * FROM envelopes").fetchall()
        check(len(row_id) == 16 and stored == envelope, "id and envelope")
        check(key_id == envelope[8:16] and tag == envelope[16:48], "key id and tag from the header")
        check(day == str(datetime.datetime.now(datetime.timezone.utc).date()), "received day: %r" % day)
        tables = sorted(r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'"))
        check(tables == ["envelopes", "replies"], "tables: %r" % tables)
        db.close()
    finally:
        deployment.cleanup()


run([test_accepts_once_rejects_uniformly, test_key_window_and_grace, test_export_opens_and_delete_removes,
     test_retention_expires_at_start, test_stores_only_the_five_fields])
