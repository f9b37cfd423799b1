"""Nothing about the sender: requests carry distinctive markers in every place a client can put
one (headers, path, query, cookies, bodies, malformed requests); afterwards no file the server
wrote (its store, WAL, log) holds any of them, nor a client address or a time of day."""
import datetime
import os
import socket
import time

from intake_harness import Deployment, Server, check, run, ENVELOPE_PATH, POLL_PATH

MARKER = "zq7markerx"  # one token, easy to find, never produced by anything else


def marked(place):
    return "%s-%s" % (MARKER, place)


def raw_send(server, data):
    with socket.create_connection(("127.0.0.1", server.port), timeout=5) as s:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
        try:
            while s.recv(65536):
                pass
        except OSError:
            pass


def files_under(directory):
    for root, _, names in os.walk(directory):
        for name in names:
            yield os.path.join(root, name)


def test_no_marker_reaches_any_file(args):
    deployment = Deployment(args)
    with open(os.path.join(deployment.site, "index.html"), "w") as f:
        f.write("<title>Signaal</title>")
    before = {path: os.path.getmtime(path) for path in files_under(deployment.dir)}
    server = Server(deployment)
    try:
        envelopes = deployment.envelopes(3)
        headers = {
            "User-Agent": marked("user-agent"),
            "Accept-Language": marked("accept-language"),
            "Referer": "https://example.invalid/" + marked("referer"),
            "X-Forwarded-For": marked("forwarded-for"),
            "X-Real-IP": marked("real-ip"),
            "Cookie": "session=" + marked("cookie"),
            "Origin": "https://" + marked("origin") + ".invalid",
        }
        for envelope in envelopes:
            check(server.request("POST", ENVELOPE_PATH, envelope, headers)[0] == 201, "valid envelope")
        server.request("POST", ENVELOPE_PATH, marked("body").encode() * 100, headers)
        server.request("POST", ENVELOPE_PATH + "?q=" + marked("query"), envelopes[0], headers)
        server.request("POST", POLL_PATH, marked("poll").encode()[:32].ljust(32, b"!"), headers)
        server.request("GET", "/", None, headers)
        server.request("GET", "/" + marked("path"), None, headers)
        server.request("GET", "/?" + marked("get-query"), None, headers)
        raw_send(server, ("BREW /%s HTTP/1.1\r\nHost: x\r\n\r\n" % marked("method")).encode())
        raw_send(server, ("GET /%s\r\n\r\n" % marked("malformed")).encode())
        raw_send(server, ("POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\nX-%s: 1\r\n\r\n"
                          % (ENVELOPE_PATH, marked("oversize"))).encode())
        raw_send(server, ("GET / HTTP/1.1\r\nHost: x\r\nX-Long: %s\r\n\r\n"
                          % (marked("long-header") * 2000)).encode())
        # An ordinary request afterwards: the server still answers.
        check(server.request("GET", "/")[0] == 200, "server stopped serving")
    finally:
        server.stop()

    try:
        now = datetime.datetime.now(datetime.timezone.utc)
        local = datetime.datetime.now()
        forbidden = [MARKER.encode(), b"127.0.0.1", b"::1"]
        # A time of day, in the forms a logger or database would write it.
        for moment in (now, local, now - datetime.timedelta(minutes=1), local - datetime.timedelta(minutes=1)):
            forbidden.append(moment.strftime("%H:%M:").encode())
        forbidden.append(str(int(time.time()))[:7].encode())
        written = [path for path in files_under(deployment.dir)
                   if path not in before or os.path.getmtime(path) != before[path]]
        check(any(path.endswith("intake.sqlite") for path in written), "the store was not written")
        log_path = os.path.join(deployment.dir, "intake.log")
        for path in written:
            with open(path, "rb") as f:
                data = f.read()
            if path == log_path:
                # The log may name the listening address, once, at start.
                data = b"\n".join(line for line in data.splitlines() if b"listening on" not in line)
            for needle in forbidden:
                check(needle not in data, "%s holds %r" % (os.path.basename(path), needle))
        with open(log_path, "rb") as f:
            lines = [l for l in f.read().decode().splitlines() if l]
        check(lines[0].startswith("signaal-intake: listening on") and lines[-1] == "signaal-intake: stopped"
              and len(lines) == 2, "the log holds more than start and stop: %r" % lines)
    finally:
        deployment.cleanup()


run([test_no_marker_reaches_any_file])
