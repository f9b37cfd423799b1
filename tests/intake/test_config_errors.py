"""A malformed configuration stops the server at start, before it listens, with a message that
names the file and the setting."""
import json
import os
import socket

from intake_harness import Deployment, check, run


def start_with(deployment, config_text):
    with open(deployment.config_path, "w") as f:
        f.write(config_text)
    return deployment.intake("serve")


CASES = [
    # (change to the valid config, the setting the message must name, a word it must say)
    ({"store": {"kind": "mysql", "path": "x"}}, "/store/kind", 'unknown store "mysql"'),
    ({"store": {"kind": "sqlite"}}, "/store/path", "missing"),
    ({"store": {"kind": "postgres", "path": "x"}}, "/store/dsn", "missing"),
    ({"listen": {"address": "127.0.0.1", "port": 70000}}, "/listen/port", "0 to 65535"),
    ({"listen": {"adress": "127.0.0.1"}}, "/listen/adress", "unknown setting"),
    ({"site": "no-such-dir"}, "/site", "no such directory"),
    ({"key_bundle": "missing.json"}, "/key_bundle", "cannot open"),
    ({"signing_public_key": "00" * 32}, "/key_bundle", "signature"),
    ({"signing_public_key": "xyz"}, "/signing_public_key", "64 hex"),
    ({"grace_days": -1}, "/grace_days", "0 to 365"),
    ({"retention_days": "90"}, "/retention_days", "whole number"),
    ({"minimum_pow_difficulty": 99}, "/minimum_pow_difficulty", "0 to 40"),
    ({"limits": {"threads": 1}}, "/limits/threads", "2 to 4096"),
    ({"retention": 90}, "/retention", "unknown setting"),
]


def test_each_bad_setting_is_named(args):
    deployment = Deployment(args)
    try:
        valid = dict(deployment.config)
        for change, pointer, words in CASES:
            config = dict(valid)
            config.update(change)
            result = start_with(deployment, json.dumps(config))
            message = result.stderr.decode()
            check(result.returncode == 1, "%s: exit code %d" % (pointer, result.returncode))
            check("intake.json: %s: " % pointer in message and words in message,
                  "%s: message %r" % (pointer, message))
            check("listening" not in message, pointer + ": it started anyway")
        for text, words in [("{", "not valid JSON"), ("[]", "must be an object")]:
            result = start_with(deployment, text)
            check(result.returncode == 1 and "intake.json: " in result.stderr.decode()
                  and words in result.stderr.decode(), "%r: %r" % (text, result.stderr))
        # Several mistakes are reported together.
        config = dict(valid, grace_days=-1, retention_days=0)
        message = start_with(deployment, json.dumps(config)).stderr.decode()
        check("/grace_days" in message and "/retention_days" in message, "all findings at once")
        # An address that cannot be bound names the setting too.
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            config = dict(valid, listen={"address": "127.0.0.1", "port": taken.getsockname()[1]})
            result = start_with(deployment, json.dumps(config))
            check(result.returncode == 1 and "intake.json: /listen: cannot listen" in result.stderr.decode(),
                  "port in use: %r" % result.stderr)
        os.remove(deployment.config_path)
        result = deployment.intake("serve")
        check(result.returncode == 1 and "cannot open" in result.stderr.decode(), "missing config file")
    finally:
        deployment.cleanup()


run([test_each_bad_setting_is_named])
