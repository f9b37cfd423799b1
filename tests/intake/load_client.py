"""A small load client: threads with kept-alive connections post envelopes and record which
ones got 201 and how long each took. Used by the durability test and scripts/bench-intake."""
import http.client
import threading
import time


class Load:
    def __init__(self, port, envelopes, threads, path="/api/v1/envelopes"):
        self.port = port
        self.envelopes = envelopes
        self.path = path
        self.next = 0
        self.lock = threading.Lock()
        self.accepted = []      # indexes of envelopes that got 201
        self.latencies = []     # seconds, of the 201s
        self.other = 0          # answers other than 201
        self.errors = 0         # connections that broke
        self.stopping = False
        self.workers = [threading.Thread(target=self.work, daemon=True) for _ in range(threads)]

    def take(self):
        with self.lock:
            if self.stopping or self.next >= len(self.envelopes):
                return None
            self.next += 1
            return self.next - 1

    def work(self):
        conn = None
        while True:
            index = self.take()
            if index is None:
                break
            try:
                if conn is None:
                    conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                started = time.monotonic()
                conn.request("POST", self.path, body=self.envelopes[index],
                             headers={"Content-Type": "application/octet-stream"})
                response = conn.getresponse()
                response.read()
                elapsed = time.monotonic() - started
                with self.lock:
                    if response.status == 201:
                        self.accepted.append(index)
                        self.latencies.append(elapsed)
                    else:
                        self.other += 1
            except (OSError, http.client.HTTPException):
                with self.lock:
                    self.errors += 1
                if conn is not None:
                    conn.close()
                conn = None
                if self.stopping:
                    break
                time.sleep(0.01)
        if conn is not None:
            conn.close()

    def start(self):
        for worker in self.workers:
            worker.start()

    def stop(self):
        with self.lock:
            self.stopping = True

    def join(self):
        for worker in self.workers:
            worker.join()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else float("nan")
