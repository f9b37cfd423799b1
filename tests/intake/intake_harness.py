"""What every intake test needs: a temporary deployment (keys, envelopes, site, config), a
real signaal-intake on 127.0.0.1 at a port the kernel picks, and an HTTP client.

Each test script takes --intake PATH --testkit PATH (tests/intake.cmake passes them)."""
import argparse
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ENVELOPE_BYTES = 16488
REPLY_BYTES = 4184
ENVELOPE_PATH = "/api/v1/envelopes"
POLL_PATH = "/api/v1/replies"
TEST_DIFFICULTY = 8  # cheap proofs for tests; the configured minimum matches it


def arguments():
    parser = argparse.ArgumentParser()
    parser.add_argument("--intake", required=True)
    parser.add_argument("--testkit", required=True)
    args = parser.parse_args()
    args.intake = os.path.abspath(args.intake)
    args.testkit = os.path.abspath(args.testkit)
    return args


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)


class Deployment:
    """A temporary directory with a signed key bundle, a small site and an intake config."""

    def __init__(self, args, store=None, extra=None, ended_days_ago=None):
        """ended_days_ago: the bundle's one key ended that long ago (default: valid a year)."""
        self.args = args
        self.dir = tempfile.mkdtemp(prefix="signaal-intake-test-")
        self.run_testkit("keys", self.dir, *([str(ended_days_ago)] if ended_days_ago is not None else []))
        self.site = os.path.join(self.dir, "site")
        os.mkdir(self.site)
        self.config_path = os.path.join(self.dir, "intake.json")
        self.config = {
            "listen": {"address": "127.0.0.1", "port": 0},
            "site": "site",
            "store": store or {"kind": "sqlite", "path": "intake.sqlite"},
            "key_bundle": "deployment.json",
            "minimum_pow_difficulty": TEST_DIFFICULTY,
            "poll_floor_ms": 100,
        }
        self.config.update(extra or {})
        self.write_config()

    def write_config(self):
        with open(self.config_path, "w") as f:
            json.dump(self.config, f)

    def run_testkit(self, *argv):
        result = subprocess.run([self.args.testkit, *argv], capture_output=True, text=True)
        if result.returncode != 0:
            raise Failure("intake-testkit %s failed: %s" % (argv[0], result.stderr))
        return result.stdout

    def envelopes(self, count, difficulty=TEST_DIFFICULTY):
        path = os.path.join(self.dir, "made-%d.bin" % time.monotonic_ns())
        self.run_testkit("envelopes", self.dir, str(count), str(difficulty), path)
        with open(path, "rb") as f:
            data = f.read()
        os.remove(path)
        return [data[i:i + ENVELOPE_BYTES] for i in range(0, len(data), ENVELOPE_BYTES)]

    def intake(self, *argv):
        return subprocess.run([self.args.intake, *argv, "--config", self.config_path],
                              capture_output=True)

    def exported(self, *argv):
        result = self.intake("export", *argv)
        check(result.returncode == 0, "export failed: %s" % result.stderr.decode())
        data = result.stdout
        check(len(data) % ENVELOPE_BYTES == 0, "export is not whole envelopes")
        return [data[i:i + ENVELOPE_BYTES] for i in range(0, len(data), ENVELOPE_BYTES)]

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class Server:
    """signaal-intake serving a deployment; its stderr goes to a file in the deployment."""

    def __init__(self, deployment):
        self.deployment = deployment
        self.log_path = os.path.join(deployment.dir, "intake.log")
        self.log = open(self.log_path, "ab")
        self.log_start = self.log.tell()  # a restarted server appends to the same log
        self.process = subprocess.Popen(
            [deployment.args.intake, "serve", "--config", deployment.config_path],
            stdout=self.log, stderr=self.log, cwd=deployment.dir)
        self.port = self.wait_for_port()

    def wait_for_port(self):
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            with open(self.log_path) as f:
                f.seek(self.log_start)
                found = re.findall(r"listening on http://127\.0\.0\.1:(\d+)", f.read())
            if found:
                return int(found[-1])
            if self.process.poll() is not None:
                raise Failure("signaal-intake exited at start: " + open(self.log_path).read())
            time.sleep(0.05)
        raise Failure("signaal-intake did not start listening")

    def connection(self, timeout=10):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=10):
        """Returns (status, headers as a list of (name, value), body)."""
        conn = self.connection(timeout)
        try:
            all_headers = {"Content-Type": "application/octet-stream"} if body is not None else {}
            all_headers.update(headers or {})
            conn.request(method, path, body=body, headers=all_headers)
            response = conn.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            conn.close()

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.log.close()


def header(headers, name):
    values = [v for k, v in headers if k.lower() == name.lower()]
    return values[0] if len(values) == 1 else (None if not values else values)


def run(tests):
    """Runs each test function(args); prints one line per test; exits 1 if any failed."""
    args = arguments()
    failed = 0
    for test in tests:
        started = time.monotonic()
        try:
            test(args)
            print("PASS %s (%.1fs)" % (test.__name__, time.monotonic() - started), flush=True)
        except Exception as error:  # a test's failure must not hide the others
            failed += 1
            print("FAIL %s: %s: %s" % (test.__name__, type(error).__name__, error), flush=True)
    sys.exit(1 if failed else 0)
