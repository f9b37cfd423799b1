#!/usr/bin/python3
"""An independent implementation of docs/envelope.md, with python3-nacl (Debian), to check
envelopes sealed by our C++ core or by the wasm app in a browser.

  open_with_pynacl.py --key ENC_KEY_FILE [--config CONFIG] [--expect PLAIN] [--min-difficulty N] ENVELOPE...

For each envelope: the fixed size, magic, version, reserved bytes; the key id derivation; the
proof of work; crypto_box_seal opening with nacl.public.SealedBox; ISO/IEC 7816-4 unpadding;
the report JSON's keys. With --config, the deployment config's key bundle signature is checked
over the canonical bytes and the envelope's key must be in it. With --expect, the sealed JSON
must equal that file byte for byte (what the consent screen showed). Prints the report JSON
of each envelope; exits 1 on the first failure, naming it.
"""
import argparse
import hashlib
import json
import struct
import sys
from datetime import datetime, timezone

import nacl.exceptions
import nacl.public
import nacl.signing

ENVELOPE_BYTES = 16488
HEADER_BYTES = 48
PADDED_BYTES = 16384
NONCE_OFFSET = HEADER_BYTES + PADDED_BYTES + 48
REPORT_KEYS = {"report_format", "questionnaire", "audience", "locale", "age_group", "answers",
               "assessment", "report_nonce", "date", "free_text", "contact", "follow_up"}
REQUIRED_KEYS = REPORT_KEYS - {"free_text", "contact", "follow_up"}


def blake2b_256(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=32).digest()


def key_id_of(public_key: bytes) -> bytes:
    return blake2b_256(b"signaal-key-id-v1" + public_key)[:8]


def unix(text: str) -> int:
    return int(datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp())


def check_bundle(config: dict) -> set:
    bundle = config["key_bundle"]
    signed = b"signaal-key-bundle-v1" + struct.pack(">I", len(bundle["keys"]))
    ids = set()
    for key in bundle["keys"]:
        public_key = bytes.fromhex(key["public_key"])
        key_id = bytes.fromhex(key["key_id"])
        if key_id_of(public_key) != key_id:
            raise SystemExit(f"bundle: key id {key['key_id']} is not derived from its public key")
        signed += key_id + public_key + struct.pack(">qq", unix(key["not_before"]), unix(key["not_after"]))
        ids.add(key_id)
    verify_key = nacl.signing.VerifyKey(bytes.fromhex(config["signing_public_key"]))
    try:
        verify_key.verify(signed, bytes.fromhex(bundle["signature"]))
    except nacl.exceptions.BadSignatureError:
        raise SystemExit("bundle: the signature does not verify over the canonical bytes")
    return ids


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte:
            return bits + 8 - byte.bit_length()
        bits += 8
    return bits


def open_envelope(data: bytes, secret_key: nacl.public.PrivateKey, issued: set, min_difficulty: int) -> bytes:
    if len(data) != ENVELOPE_BYTES:
        raise ValueError(f"size {len(data)}, expected {ENVELOPE_BYTES}")
    if data[0:4] != b"SGNL" or data[4] != 1 or data[6:8] != b"\0\0":
        raise ValueError("header: magic, version or reserved bytes wrong")
    difficulty, key_id, lookup_tag = data[5], data[8:16], data[16:48]
    own_id = key_id_of(bytes(secret_key.public_key))
    if key_id != own_id:
        raise ValueError(f"sealed to key {key_id.hex()}, this key is {own_id.hex()}")
    if issued and key_id not in issued:
        raise ValueError("the envelope's key is not in the deployment's bundle")
    challenge = blake2b_256(data[:NONCE_OFFSET])
    work = blake2b_256(b"signaal-pow-v1" + challenge + data[NONCE_OFFSET:])
    if difficulty < min_difficulty or leading_zero_bits(work) < difficulty:
        raise ValueError(f"proof of work fails (difficulty {difficulty})")
    padded = nacl.public.SealedBox(secret_key).decrypt(data[HEADER_BYTES:NONCE_OFFSET])
    if len(padded) != PADDED_BYTES:
        raise ValueError("inner size wrong")
    end = padded.rstrip(b"\0")
    if not end.endswith(b"\x80"):
        raise ValueError("inner padding is not ISO/IEC 7816-4")
    plain = end[:-1]
    report = json.loads(plain.decode("utf-8"))
    if not REQUIRED_KEYS <= set(report) <= REPORT_KEYS:
        raise ValueError(f"report keys wrong: {sorted(report)}")
    if "follow_up" in report and bytes.fromhex(report["follow_up"]["lookup_tag"]) != lookup_tag:
        raise ValueError("the sealed lookup tag differs from the header's")
    return plain


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--key", required=True, help="enc-<id>.key from signaal-keygen")
    parser.add_argument("--config", help="deployment config with signing_public_key and key_bundle")
    parser.add_argument("--expect", help="the exact report JSON the envelope must hold")
    parser.add_argument("--min-difficulty", type=int, default=0)
    parser.add_argument("envelopes", nargs="+")
    args = parser.parse_args()
    with open(args.key) as f:
        key_file = json.load(f)
    secret_key = nacl.public.PrivateKey(bytes.fromhex(key_file["secret_key"]))
    issued = set()
    if args.config:
        with open(args.config) as f:
            issued = check_bundle(json.load(f))
    expected = open(args.expect, "rb").read() if args.expect else None
    for path in args.envelopes:
        with open(path, "rb") as f:
            data = f.read()
        try:
            plain = open_envelope(data, secret_key, issued, args.min_difficulty)
        except (ValueError, nacl.exceptions.CryptoError) as e:
            print(f"{path}: {e}", file=sys.stderr)
            return 1
        if expected is not None and plain != expected:
            print(f"{path}: the sealed report differs from {args.expect}", file=sys.stderr)
            return 1
        print(plain.decode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
