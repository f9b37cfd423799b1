#!/usr/bin/env bash
# End-to-end tests of the organisation's tools (registered by tests/crypto.cmake):
#   tools_test.sh CASE BIN_DIR TEST_SEAL WORK_DIR
set -euo pipefail
case_name=$1 bin=$2 seal_tool=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
rm -rf "$work" && mkdir -p "$work" && cd "$work"

fail() { echo "FAIL ($case_name): $*" >&2; exit 1; }
keygen() { "$bin/signaal-keygen" "$@"; }
now=2026-11-27T12:00:00Z

# An organisation in directory $1 with one key valid around $now, and a deployment config.
make_org() {
  keygen signing "$1" >/dev/null 2>&1
  keygen encryption "$1" --not-before 2026-10-01T00:00:00Z --days 120 >/dev/null 2>&1
  keygen bundle "$1" --now $now 2>/dev/null
  keygen config "$1" "$1/config.json" 2>/dev/null
}
# seal ORG REPORT OUT [args]: like the app, from the deployment config.
seal() {
  local org=$1 report=$2 out=$3
  shift 3
  "$seal_tool" seal "$org/config.json" "$report" "$out" --now $now "$@"
}
json_get() { /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

"$seal_tool" sample minimal >minimal.json
"$seal_tool" sample maximal >maximal.json

case $case_name in
keygen_modes)
  make_org org
  [ "$(stat -c %a org)" = 700 ] || fail "key directory is not 0700"
  [ "$(stat -c %a org/signing.key)" = 600 ] || fail "signing.key is not 0600"
  for f in org/enc-*.key; do [ "$(stat -c %a "$f")" = 600 ] || fail "$f is not 0600"; done
  [ "$(stat -c %a org/bundle.json)" = 644 ] || fail "bundle.json is not 0644"
  before=$(sha256sum org/signing.key)
  if keygen signing org 2>err.txt; then fail "a second signing key overwrote the first"; fi
  grep -q "never overwritten" err.txt || fail "no clear message on overwrite: $(cat err.txt)"
  [ "$(sha256sum org/signing.key)" = "$before" ] || fail "signing.key changed"
  # config keeps the app's fields and their order, and adds exactly ours
  printf '{\n  "intake_url": "/api/v1/envelopes",\n  "locales": ["nl"]\n}\n' >site.json
  keygen config org site.json 2>/dev/null
  [ "$(json_get site.json 'list(d)')" = "['intake_url', 'locales', 'signing_public_key', 'key_bundle']" ] ||
    fail "config fields: $(json_get site.json 'list(d)')"
  # a second key: the bundle holds both, the one ending later is chosen
  keygen encryption org --not-before 2026-11-01T00:00:00Z --days 120 >second.txt 2>/dev/null
  keygen bundle org --now $now 2>bundle.txt
  grep -q "apps seal to $(cat second.txt)" bundle.txt || fail "bundle did not pick the later key: $(cat bundle.txt)"
  [ "$(json_get org/bundle.json 'len(d["keys"])')" = 2 ] || fail "bundle does not hold both keys"
  ;;
open_batch)
  make_org org
  seal org minimal.json a.env --plain a.plain
  seal org maximal.json b.env --plain b.plain
  seal org minimal.json c.env --code "$("$seal_tool" code)" --plain c.plain
  for f in a.env b.env c.env; do [ "$(stat -c %s $f)" = 16488 ] || fail "$f is $(stat -c %s $f) bytes"; done
  # An export: good, truncated, good, tampered, good.
  head -c 9000 b.env >short.env
  cp c.env tampered.env
  printf '\x00' | dd of=tampered.env bs=1 seek=5000 conv=notrunc status=none
  cat a.env short.env b.env tampered.env c.env >export.bin
  if "$bin/signaal-open" --keys org export.bin >out.jsonl 2>err.txt; then fail "signaal-open exited 0 with bad envelopes"; fi
  [ "$(wc -l <out.jsonl)" = 5 ] || fail "expected 5 lines, got $(wc -l <out.jsonl)"
  statuses=$(/usr/bin/python3 -c "import json; print(' '.join(json.loads(l)['status'] for l in open('out.jsonl')))")
  [ "$statuses" = "ok truncated ok tampered ok" ] || fail "statuses: $statuses"
  grep -q "truncated: the envelope is truncated" err.txt || fail "no clear truncation error: $(cat err.txt)"
  # Each opened report equals, key for key, the JSON that was sealed (the consent screen's).
  /usr/bin/python3 - <<'PY' || fail "opened reports differ from what was sealed"
import json
lines = [json.loads(l) for l in open("out.jsonl")]
for line, plain in ((lines[0], "a.plain"), (lines[2], "b.plain"), (lines[4], "c.plain")):
    assert line["report"] == json.load(open(plain)), plain
assert lines[4]["lookup_tag"] == lines[4]["report"]["follow_up"]["lookup_tag"]
PY
  # A single envelope file, and an empty one
  "$bin/signaal-open" --keys org a.env >single.jsonl 2>/dev/null || fail "a single envelope did not open"
  : >empty.env
  if "$bin/signaal-open" --keys org empty.env a.env >mixed.jsonl 2>/dev/null; then fail "empty file accepted"; fi
  [ "$(wc -l <mixed.jsonl)" = 2 ] || fail "an empty file stopped the batch"
  ;;
wrong_and_unknown_key)
  make_org org
  make_org other
  seal org minimal.json a.env
  # The organisation's own second key file, but not the one the envelope was sealed to.
  keygen encryption org2 --not-before 2026-10-01T00:00:00Z --days 10 >/dev/null 2>&1 || true
  cp org/bundle.json bundle.json
  "$bin/signaal-open" --key org2/enc-*.key --bundle bundle.json a.env >out.jsonl 2>err.txt && fail "wrong key opened"
  [ "$(json_get out.jsonl 'd["status"]')" = wrong_key ] || fail "expected wrong_key: $(cat out.jsonl)"
  grep -q "wrong key file" err.txt || fail "wrong_key message unclear: $(cat err.txt)"
  "$bin/signaal-open" --keys other a.env >out.jsonl 2>err.txt && fail "a foreign key opened"
  [ "$(json_get out.jsonl 'd["status"]')" = unknown_key_id ] || fail "expected unknown_key_id: $(cat out.jsonl)"
  grep -q "not one of this organisation's keys (key id" err.txt || fail "unknown_key_id message unclear"
  # A relabelled key id (header changed to the other key) cannot open: tampered, not a crash.
  /usr/bin/python3 - <<'PY'
import json, glob
d = open("a.env", "rb").read()
other = json.load(open(glob.glob("other/enc-*.key")[0]))
open("relabelled.env", "wb").write(d[:8] + bytes.fromhex(other["key_id"]) + d[16:])
PY
  "$bin/signaal-open" --keys other relabelled.env >out.jsonl 2>/dev/null && fail "relabelled opened"
  [ "$(json_get out.jsonl 'd["status"]')" = tampered ] || fail "expected tampered: $(cat out.jsonl)"
  # A damaged key file (the secret no longer matches its id) is refused when loading, naming it.
  /usr/bin/python3 -c "
import json, glob
k = json.load(open(glob.glob('org/enc-*.key')[0])); k['secret_key'] = '11' * 32
json.dump(k, open('damaged.key', 'w'))"
  "$bin/signaal-open" --key damaged.key a.env >/dev/null 2>err.txt && fail "damaged key accepted"
  grep -q "damaged.key: the key id or public key does not belong" err.txt || fail "damaged key message: $(cat err.txt)"
  ;;
refusals)
  make_org org
  make_org other
  refused() {  # refused EXPECTED_STATUS CONFIG [seal args]
    local expected=$1 config=$2
    shift 2
    mkdir -p r && cp "$config" r/config.json
    if seal r minimal.json r.env "$@" 2>err.txt; then fail "sealed despite $expected"; fi
    grep -q "refused: $expected" err.txt || fail "expected $expected: $(cat err.txt)"
    [ ! -e r.env ] || fail "an envelope was written despite $expected"
  }
  /usr/bin/python3 -c "
import json
c = json.load(open('org/config.json')); del c['key_bundle']['signature']; json.dump(c, open('unsigned.json', 'w'))
c = json.load(open('org/config.json')); c['signing_public_key'] = json.load(open('other/config.json'))['signing_public_key']; json.dump(c, open('stranger.json', 'w'))
c = json.load(open('org/config.json')); c['key_bundle']['keys'][0]['not_after'] = '2030-01-01T00:00:00Z'; json.dump(c, open('stretched.json', 'w'))
"
  refused unsigned_bundle unsigned.json
  refused bad_signature stranger.json
  refused bad_signature stretched.json
  refused expired org/config.json --now 2027-06-01T00:00:00Z
  refused not_yet_valid org/config.json --now 2026-09-01T00:00:00Z
  ;;
reply)
  make_org org
  code=$("$seal_tool" code)
  seal org minimal.json a.env --code "$code"
  seal org minimal.json b.env
  "$bin/signaal-open" --keys org a.env >a.jsonl 2>/dev/null
  "$bin/signaal-open" --keys org b.env >b.jsonl 2>/dev/null
  "$bin/signaal-reply" --report a.jsonl --text "Thank you. Call 0800-1234 when you are safe." --date 2026-12-01 --out reply.bin 2>/dev/null
  [ "$(stat -c %s reply.bin)" = 4184 ] || fail "reply is $(stat -c %s reply.bin) bytes"
  typed=$(echo "$code" | tr 'A-Z-' 'a-z ')  # lower case, spaces for dashes
  "$seal_tool" open-reply "$typed" reply.bin >reply.json || fail "the code holder cannot open the reply"
  [ "$(json_get reply.json 'd["text"]')" = "Thank you. Call 0800-1234 when you are safe." ] || fail "reply text: $(cat reply.json)"
  if "$seal_tool" open-reply "$("$seal_tool" code)" reply.bin 2>err.txt; then fail "another code opened the reply"; fi
  grep -q wrong_code err.txt || fail "expected wrong_code: $(cat err.txt)"
  if "$bin/signaal-reply" --report b.jsonl --text hi --out r2.bin 2>err.txt; then fail "replied without follow-up"; fi
  grep -q "took no follow-up code" err.txt || fail "no-follow-up message: $(cat err.txt)"
  ;;
stats)
  make_org org
  seal org minimal.json a.env
  seal org maximal.json b.env
  seal org maximal.json c.env
  cat a.env b.env c.env >export.bin
  "$bin/signaal-open" --keys org export.bin 2>/dev/null | "$bin/signaal-stats" >stats.json
  [ "$(json_get stats.json 'd["reports"]')" = 3 ] || fail "reports: $(cat stats.json)"
  [ "$(json_get stats.json 'd["level"]')" = "{'0': 1, '4': 2}" ] || fail "levels: $(json_get stats.json 'd["level"]')"
  [ "$(json_get stats.json 'd["flag"]["MINOR"]')" = 2 ] || fail "flags"
  [ "$(json_get stats.json 'd["locale"]')" = "{'nl': 1, 'ti-ER': 2}" ] || fail "locales"
  [ "$(json_get stats.json 'sorted(d)')" = "['age_group', 'audience', 'category', 'flag', 'level', 'locale', 'month', 'reports', 'skipped']" ] ||
    fail "stats keys: $(json_get stats.json 'sorted(d)')"
  ! grep -q '😀\|📞\|free_text\|contact\|answers' stats.json || fail "free text or contact data in the stats"
  "$bin/signaal-open" --keys org export.bin 2>/dev/null | "$bin/signaal-stats" --min-count 2 >small.json
  [ "$(json_get small.json 'd["locale"]["nl"]')" = "<2" ] || fail "small counts are not suppressed"
  ;;
pynacl)
  make_org org
  seal org minimal.json a.env --plain a.plain
  seal org maximal.json b.env --plain b.plain --code "$("$seal_tool" code)"
  key=$(ls org/enc-*.key)
  /usr/bin/python3 "$here/open_with_pynacl.py" --key "$key" --config org/config.json --expect a.plain --min-difficulty 15 a.env >/dev/null ||
    fail "python3-nacl could not open a.env"
  /usr/bin/python3 "$here/open_with_pynacl.py" --key "$key" --config org/config.json --expect b.plain --min-difficulty 15 b.env >/dev/null ||
    fail "python3-nacl could not open b.env"
  # and it notices what it must notice
  if /usr/bin/python3 "$here/open_with_pynacl.py" --key "$key" --expect a.plain b.env 2>/dev/null; then fail "pynacl: wrong expectation accepted"; fi
  head -c 100 a.env >short.env
  if /usr/bin/python3 "$here/open_with_pynacl.py" --key "$key" short.env 2>/dev/null; then fail "pynacl: truncated accepted"; fi
  ;;
*) fail "unknown case" ;;
esac
echo "ok: $case_name"
