"""Oversized, truncated, garbage, slow and flooding clients leave the intake serving everyone
else: an ordinary client keeps getting its envelopes stored while they misbehave."""
import os
import socket
import threading
import time

from intake_harness import Deployment, Server, check, run, ENVELOPE_BYTES, ENVELOPE_PATH

LIMITS = {"threads": 16, "queued_connections": 32, "request_seconds": 3, "keep_alive_seconds": 2}


def connect(port):
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\1\0\0\0\0\0\0\0")
    return s


def served_in_time(server, envelope, seconds):
    started = time.monotonic()
    status = server.request("POST", ENVELOPE_PATH, envelope, timeout=seconds)[0]
    return status == 201 and time.monotonic() - started < seconds


def with_server(args, body):
    deployment = Deployment(args, extra={"limits": LIMITS})
    server = Server(deployment)
    try:
        body(deployment, server)
        check(server.process.poll() is None, "the server died")
    finally:
        server.stop()
        deployment.cleanup()


def test_malformed_requests(args):
    def body(deployment, server):
        envelopes = deployment.envelopes(2)
        attacks = [
            b"\x16\x03\x01\x02\x00" + os.urandom(500),  # a TLS hello
            os.urandom(4096),
            b"GET / HTTP/1.1\r\n" + b"X: " + b"a" * 100000 + b"\r\n\r\n",  # a huge header
            b"GET /" + b"a" * 100000 + b" HTTP/1.1\r\n\r\n",  # a huge URI
            b"POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\n" % ENVELOPE_PATH.encode()
            + b"x" * 65536,  # announced oversized
            b"POST %s HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n%x\r\n" % (
                ENVELOPE_PATH.encode(), 10 ** 9) + b"y" * 65536,  # chunked oversized
            b"POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % (
                ENVELOPE_PATH.encode(), ENVELOPE_BYTES) + envelopes[1][:1000],  # truncated, then gone
            b"GET / HTTP/1.1\r\n" + b"H: v\r\n" * 20000 + b"\r\n",  # many headers
        ]
        for attack in attacks:
            try:
                with connect(server.port) as s:
                    s.sendall(attack)
                    s.shutdown(socket.SHUT_WR)
                    s.settimeout(5)
                    while s.recv(65536):
                        pass
            except OSError:
                pass  # the server may cut us off: that is fine
        check(served_in_time(server, envelopes[0], 3), "an ordinary client was not served")
    with_server(args, body)


def test_slow_clients(args):
    """More trickling clients than threads: each is cut off at the request deadline, so an
    ordinary client waits at most about that long, and is served at once when they are fewer."""
    def body(deployment, server):
        envelopes = deployment.envelopes(3)
        stop = threading.Event()

        def trickle(count):
            sockets = []
            for i in range(count):
                s = connect(server.port)
                s.sendall(b"POST %s HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n"
                          % (ENVELOPE_PATH.encode(), ENVELOPE_BYTES) if i % 2 else b"GET / HTTP/1.1\r\n")
                sockets.append(s)
            while not stop.is_set():
                for s in sockets:
                    try:
                        s.send(b"a")
                    except OSError:
                        pass
                time.sleep(0.5)
            for s in sockets:
                s.close()

        few = threading.Thread(target=trickle, args=(8,))
        few.start()
        time.sleep(0.5)
        try:
            check(served_in_time(server, envelopes[0], 1.0), "8 slow clients slowed an ordinary one")
        finally:
            stop.set()
            few.join()
        stop.clear()
        many = threading.Thread(target=trickle, args=(40,))
        many.start()
        time.sleep(0.5)
        try:
            # 40 slow clients, 16 threads: served once the deadline (3 s) frees threads.
            ok = False
            deadline = time.monotonic() + 10
            while not ok and time.monotonic() < deadline:
                try:
                    ok = served_in_time(server, envelopes[1], 8)
                except OSError:
                    time.sleep(0.2)
            check(ok, "40 slow clients starved an ordinary one")
        finally:
            stop.set()
            many.join()
        check(served_in_time(server, envelopes[2], 1.0), "not served at once after the slow clients left")
    with_server(args, body)


def test_connection_flood(args):
    """Hundreds of idle connections at once: those beyond the pool and queue are shed with 503,
    the rest time out, and an ordinary client is served within seconds, then at once."""
    def body(deployment, server):
        envelopes = deployment.envelopes(2)
        flood = []
        for _ in range(400):
            try:
                flood.append(connect(server.port))
            except OSError:
                break
        shed = 0
        for s in flood:
            s.settimeout(0.01)
            try:
                shed += s.recv(64).startswith(b"HTTP/1.1 503")
            except OSError:
                pass
        ok = False
        deadline = time.monotonic() + 15
        while not ok and time.monotonic() < deadline:
            try:
                ok = served_in_time(server, envelopes[0], 8)
            except OSError:
                time.sleep(0.2)
        for s in flood:
            s.close()
        print("  %d flood connections, %d shed at once with 503" % (len(flood), shed))
        check(ok, "the flood starved an ordinary client")
        check(shed > 0, "nothing was shed")
        time.sleep(0.5)
        check(served_in_time(server, envelopes[1], 1.0), "not served at once after the flood")
    with_server(args, body)


run([test_malformed_requests, test_slow_clients, test_connection_flood])
