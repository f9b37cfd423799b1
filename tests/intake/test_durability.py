"""SIGKILL under load: every envelope that got a 201 is in the store afterwards (SQLite in WAL
mode with synchronous=FULL, group commit)."""
import time

from intake_harness import Deployment, Server, check, run
from load_client import Load


def test_every_201_survives_sigkill(args):
    deployment = Deployment(args)
    try:
        envelopes = deployment.envelopes(4000)
        server = Server(deployment)
        load = Load(server.port, envelopes, threads=16)
        load.start()
        time.sleep(2.0)
        server.kill()  # SIGKILL, mid-load: no chance to flush anything
        load.stop()
        load.join()
        check(len(load.accepted) >= 50, "too little load to show anything: %d accepted" % len(load.accepted))
        check(len(load.accepted) < len(envelopes), "the kill came after the load had ended")
        stored = set(deployment.exported())
        lost = [i for i in load.accepted if envelopes[i] not in stored]
        print("  %d accepted before SIGKILL, %d in the store afterwards, %d lost"
              % (len(load.accepted), len(stored), len(lost)))
        check(not lost, "%d envelopes got 201 but are not in the store" % len(lost))
        # Restarting on the same file works and keeps them.
        server = Server(deployment)
        server.stop()
        check(set(deployment.exported()) == stored, "a restart changed the store")
    finally:
        deployment.cleanup()


run([test_every_201_survives_sigkill])
