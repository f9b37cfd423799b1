"""The PostgreSQL store against a real, throwaway PostgreSQL server (initdb + pg_ctl in a
temporary directory, a unix socket only): two stateless intake nodes share it as they would
behind a load balancer; every 201 survives SIGKILL of a node; export, delete, replies."""
import glob
import os
import pwd
import shutil
import subprocess
import sys
import time

from intake_harness import (Deployment, Server, check, run, ENVELOPE_PATH, POLL_PATH, REPLY_BYTES,
                            TEST_DIFFICULTY)
from load_client import Load

SKIP = 77  # tests/intake.cmake: SKIP_RETURN_CODE


class Postgres:
    def __init__(self, directory):
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        if not found:
            raise RuntimeError("no initdb under /usr/lib/postgresql (scripts/setup installs postgresql)")
        self.bin = os.path.dirname(found[-1])
        self.dir = os.path.join(directory, "pg")
        self.socket_dir = os.path.join(self.dir, "socket")
        os.makedirs(self.socket_dir)
        self.as_user = []
        if os.geteuid() == 0:  # PostgreSQL refuses to run as root
            pwd.getpwnam("postgres")
            shutil.chown(self.dir, "postgres")
            shutil.chown(self.socket_dir, "postgres")
            os.chmod(directory, 0o711)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self.port = 5432 + os.getpid() % 20000 + 10000
        data = os.path.join(self.dir, "data")
        self.run("initdb", "-D", data, "-U", "signaal", "--auth=trust", "-E", "UTF8", "--no-sync")
        self.run("pg_ctl", "-D", data, "-w", "-t", "60", "-l", os.path.join(self.dir, "server.log"),
                 "-o", "-c listen_addresses='' -k %s -p %d -c fsync=on -c synchronous_commit=on"
                 % (self.socket_dir, self.port), "start")
        self.data = data
        self.dsn = "host=%s port=%d user=signaal dbname=postgres" % (self.socket_dir, self.port)

    def run(self, tool, *argv):
        result = subprocess.run(self.as_user + [os.path.join(self.bin, tool), *argv],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError("%s failed: %s %s" % (tool, result.stdout, result.stderr))

    def stop(self):
        subprocess.run(self.as_user + [os.path.join(self.bin, "pg_ctl"), "-D", self.data, "-m", "immediate",
                                       "stop"], capture_output=True)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def test_two_nodes_share_one_database(args):
    deployment = Deployment(args)
    try:
        try:
            postgres = Postgres(deployment.dir)
        except (RuntimeError, KeyError, OSError) as error:
            print("SKIP: PostgreSQL could not start: %s" % error)
            sys.exit(SKIP)
        try:
            deployment.config["store"] = {"kind": "postgres", "dsn": postgres.dsn, "connections": 4}
            deployment.write_config()
            node_a, node_b = Server(deployment), Server(deployment)
            try:
                envelopes = deployment.envelopes(10)
                for i, envelope in enumerate(envelopes):
                    node = node_a if i % 2 else node_b
                    check(node.request("POST", ENVELOPE_PATH, envelope)[0] == 201, "post %d" % i)
                check(node_a.request("POST", ENVELOPE_PATH, envelopes[0])[0] == 201,
                      "a retry on the other node")
                check(node_a.request("POST", ENVELOPE_PATH, envelopes[0][:-1])[0] == 400, "truncated")
                check(sorted(deployment.exported()) == sorted(envelopes), "export holds every envelope once")

                # A reply stored by the organisation is found by either node.
                deployment.run_testkit("follow-up", deployment.dir, str(TEST_DIFFICULTY), deployment.dir)
                check(node_a.request("POST", ENVELOPE_PATH, read(os.path.join(deployment.dir, "envelope.bin")))[0]
                      == 201, "report with follow-up")
                result = deployment.intake("reply", os.path.join(deployment.dir, "reply.bin"))
                check(result.returncode == 0, "reply: " + result.stderr.decode())
                lookup_id = read(os.path.join(deployment.dir, "lookup_id.bin"))
                for node in (node_a, node_b):
                    status, _, data = node.request("POST", POLL_PATH, lookup_id)
                    check(status == 200 and data == read(os.path.join(deployment.dir, "reply.bin")), "poll")
                status, _, data = node_b.request("POST", POLL_PATH, os.urandom(32))
                check(status == 200 and len(data) == REPLY_BYTES, "poll miss")

                # SIGKILL one node under load: every 201 it gave is in the database.
                more = deployment.envelopes(3000)
                load = Load(node_b.port, more, threads=16)
                load.start()
                time.sleep(2.0)
                node_b.kill()
                load.stop()
                load.join()
                stored = set(deployment.exported())
                lost = [i for i in load.accepted if more[i] not in stored]
                print("  %d accepted before SIGKILL, %d lost" % (len(load.accepted), len(lost)))
                check(load.accepted and not lost, "%d envelopes got 201 but are not stored" % len(lost))
                check(node_a.request("GET", "/")[0] in (200, 404), "the other node kept serving")
            finally:
                node_a.stop()
                node_b.stop()
            result = deployment.intake("delete", "--before", "2999-01-01")
            check(result.returncode == 0 and deployment.exported() == [], "delete")
        finally:
            postgres.stop()
    finally:
        deployment.cleanup()


run([test_two_nodes_share_one_database])
