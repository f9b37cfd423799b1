// The sealer: a second, small WebAssembly program that holds every piece of cryptography the
// app needs, loaded only when a person may send a report or read a reply (web/sealer.js).
// Most people never report, so the program every phone downloads first carries none of it.
//
// One entry point takes an operation and a JSON request and answers JSON (docs/app.md, "The
// sealer"); the sealed envelope stays in this module's memory until the page uploads it and
// the app forgets it. Everything secret is zeroed when dropped.
#include <emscripten/emscripten.h>
#include <sodium.h>

#include <nlohmann/json.hpp>
#include <string>

#include "core/envelope.h"
#include "core/follow_up.h"
#include "core/follow_up_reply.h"
#include "core/key_bundle.h"
#include "core/proof_of_work.h"
#include "core/report.h"

namespace {

using nlohmann::json;

struct Sealer {
  signaal::Bytes envelope;  // sealed, its proof of work searched or found
  signaal::PowSearch pow;
  bool solved = false;
  std::string answer;  // the last answer's text, valid until the next call
};
Sealer g;

void Forget() {
  if (!g.envelope.empty())
    sodium_memzero(g.envelope.data(), g.envelope.size());
  g.envelope.clear();
  g.pow = signaal::PowSearch{};
  g.solved = false;
}

void Wipe(std::string& s) {
  sodium_memzero(s.data(), s.size());
  s.clear();
}

json Status(std::string_view name) { return {{"status", name}}; }

// 64 hex: SHA-256 of the questionnaire and the indicator catalogue, as the app loaded them.
std::string ContentHash(const json& texts) {
  crypto_hash_sha256_state sha;
  crypto_hash_sha256_init(&sha);
  for (const json& text : texts) {
    const std::string& t = text.get_ref<const std::string&>();
    crypto_hash_sha256_update(&sha, reinterpret_cast<const unsigned char*>(t.data()), t.size());
  }
  std::array<std::uint8_t, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256_final(&sha, digest.data());
  return signaal::to_hex(digest);
}

// {"report": <ReportContent, its hash left empty>, "content": [questionnaire, indicators],
//  "config": <config.json>, "now": <Unix seconds>} -> {"status": "ok", "difficulty": d} or the
// key bundle's or the envelope's status name (nothing is sealed then).
json Seal(const json& request) {
  Forget();
  signaal::RecipientKey recipient;
  std::string detail;
  const signaal::KeyBundleStatus key =
      signaal::select_recipient_key(request.at("config"), request.at("now").get<std::int64_t>(), &recipient, &detail);
  if (key != signaal::KeyBundleStatus::ok)
    return Status(signaal::status_name(key));
  json report_json = request.at("report");
  report_json.at("questionnaire")["hash"] = ContentHash(request.at("content"));
  signaal::ReportContent report;
  try {
    signaal::from_json(report_json, report);
  } catch (const signaal::ReportFormatError& e) {
    return {{"status", signaal::status_name(signaal::EnvelopeStatus::bad_inner)}, {"detail", e.what()}};
  }
  const signaal::EnvelopeStatus sealed = signaal::seal_report(report, recipient, signaal::kPowDifficulty, &g.envelope, &detail);
  for (std::optional<std::string>* text : {&report.free_text, &report.contact})
    if (text->has_value())
      Wipe(**text);
  if (sealed != signaal::EnvelopeStatus::ok || signaal::begin_pow_search(g.envelope, &g.pow) != signaal::PowStatus::ok) {
    Forget();
    return Status(signaal::status_name(sealed));
  }
  return {{"status", "ok"}, {"difficulty", g.pow.difficulty}};
}

// {"ms": budget} -> {"solved": bool, "attempts": n}: searches for about that long.
json Solve(const json& request) {
  const double until = emscripten_get_now() + request.at("ms").get<double>();
  while (!g.solved && !g.envelope.empty() && emscripten_get_now() < until)
    g.solved = signaal::continue_pow_search(&g.pow, 512, g.envelope) == signaal::PowStatus::ok;
  return {{"solved", g.solved}, {"attempts", g.pow.attempts}};
}

json NewCode() {
  std::string code = signaal::generate_follow_up_code();
  json answer = {{"code", code}};
  Wipe(code);
  return answer;
}

// {"shown": code, "typed": code} -> {"status": "ok", "lookup_tag", "reply_public_key"} or
// {"status": "mismatch"}: the typed code must be the one shown.
json FollowUp(const json& request) {
  std::string shown, typed;
  signaal::FollowUpKeys keys;
  const bool same =
      signaal::normalise_follow_up_code(request.at("shown").get<std::string>(), &shown) == signaal::FollowUpStatus::ok &&
      signaal::normalise_follow_up_code(request.at("typed").get<std::string>(), &typed) == signaal::FollowUpStatus::ok &&
      shown == typed && signaal::derive_follow_up_keys(shown, &keys) == signaal::FollowUpStatus::ok;
  Wipe(shown);
  Wipe(typed);
  if (!same)
    return Status("mismatch");
  json answer = {{"status", "ok"},
                 {"lookup_tag", signaal::to_hex(keys.lookup_tag)},
                 {"reply_public_key", signaal::to_hex(keys.reply_public_key)}};
  keys = signaal::FollowUpKeys{};
  return answer;
}

// {"code"} -> {"status": "ok", "lookup_id"} or the code's status name (a typing mistake).
json Lookup(const json& request) {
  signaal::FollowUpKeys keys;
  const signaal::FollowUpStatus status = signaal::derive_follow_up_keys(request.at("code").get<std::string>(), &keys);
  if (status != signaal::FollowUpStatus::ok)
    return Status(signaal::status_name(status));
  json answer = {{"status", "ok"}, {"lookup_id", signaal::to_hex(keys.lookup_id)}};
  keys = signaal::FollowUpKeys{};
  return answer;
}

// {"code", "reply": hex} -> {"status": "ok", "date", "text"} or the reply's status name (no
// reply stored: the intake answers random bytes, which fail).
json OpenReply(const json& request) {
  signaal::FollowUpKeys keys;
  if (signaal::derive_follow_up_keys(request.at("code").get<std::string>(), &keys) != signaal::FollowUpStatus::ok)
    return Status("bad_code");
  const std::string& hex = request.at("reply").get_ref<const std::string&>();
  signaal::Bytes bytes(hex.size() / 2);
  if (!signaal::from_hex(hex, bytes))
    return Status("malformed");
  signaal::ReplyContent reply;
  const signaal::ReplyStatus status = signaal::open_reply(bytes, keys, &reply);
  keys = signaal::FollowUpKeys{};
  if (status != signaal::ReplyStatus::ok)
    return Status(signaal::status_name(status));
  json answer = {{"status", "ok"}, {"date", reply.date}, {"text", reply.text}};
  Wipe(reply.text);
  return answer;
}

json Answer(std::string_view op, const json& request) {
  if (op == "seal") return Seal(request);
  if (op == "solve") return Solve(request);
  if (op == "forget") return Forget(), json::object();
  if (op == "new_code") return NewCode();
  if (op == "follow_up") return FollowUp(request);
  if (op == "lookup") return Lookup(request);
  if (op == "open_reply") return OpenReply(request);
  return Status("unknown_operation");
}

}  // namespace

extern "C" {

// Every call: an operation and its JSON request, the answer's JSON text back (valid until the
// next call). A request that is not what the operation expects answers {"status": "malformed"}.
EMSCRIPTEN_KEEPALIVE const char* sealer_call(const char* op, const char* request) {
  Wipe(g.answer);
  if (sodium_init() < 0) {
    g.answer = Status("crypto_unavailable").dump();
    return g.answer.c_str();
  }
  try {
    g.answer = Answer(op, json::parse(request)).dump();
  } catch (const json::exception&) {
    g.answer = Status("malformed").dump();
  }
  return g.answer.c_str();
}

// The sealed envelope while there is one (the page copies it out to upload it).
EMSCRIPTEN_KEEPALIVE const std::uint8_t* sealer_envelope() { return g.envelope.data(); }
EMSCRIPTEN_KEEPALIVE int sealer_envelope_size() { return g.solved ? static_cast<int>(g.envelope.size()) : 0; }

}  // extern "C"
