// intake-testkit: makes what the intake tests need with the real core: a signed development
// key bundle, valid sealed envelopes with a solved proof of work, a follow-up code's lookup id
// with a sealed reply to it, and a check that exported envelopes open.
//   intake-testkit keys DIR [ENDED_DAYS_AGO]   signing key, encryption key, signed bundle
//   intake-testkit envelopes DIR COUNT DIFFICULTY OUT    COUNT envelopes, concatenated
//   intake-testkit follow-up DIR DIFFICULTY OUTDIR       envelope.bin, lookup_id.bin, reply.bin
//   intake-testkit open DIR FILE                         prints how many envelopes open
#include <sodium.h>

#include <algorithm>
#include <chrono>
#include <optional>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/envelope.h"
#include "core/follow_up.h"
#include "core/follow_up_reply.h"
#include "core/key_bundle.h"
#include "core/proof_of_work.h"
#include "core/report.h"

namespace {

using namespace signaal;
using nlohmann::json;

std::int64_t now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot open");
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_all(const std::string& path, const void* data, size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(static_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) throw std::runtime_error(path + ": cannot write");
}

// A signed bundle with one key: valid for a year, or one that ended some days ago (the
// envelopes are then sealed to it all the same, as a tablet offline for weeks would).
int make_keys(const std::string& dir, std::optional<int> ended_days_ago) {
  SigningPublicKey signing_public{};
  SigningSecretKey signing_secret;
  crypto_sign_keypair(signing_public.data(), signing_secret.bytes.data());
  SecretKey secret;
  randombytes_buf(secret.bytes.data(), secret.bytes.size());
  const EncryptionKeyPair pair = key_pair_from_secret(secret);

  KeyBundle bundle;
  const std::int64_t end = ended_days_ago ? now() - *ended_days_ago * 86400 : now() + 365 * 86400;
  const std::int64_t start = end - 400 * 86400;
  bundle.keys.push_back({pair.key_id, pair.public_key, start, end});
  sign_key_bundle(&bundle, signing_secret);
  json bundle_json;
  to_json(bundle_json, bundle);
  const std::string deployment =
      json{{"signing_public_key", to_hex(signing_public)}, {"key_bundle", bundle_json}}.dump(2);
  write_all(dir + "/deployment.json", deployment.data(), deployment.size());
  const std::string key = json{{"secret_key", to_hex(secret.bytes)}}.dump();
  write_all(dir + "/secret.json", key.data(), key.size());
  return 0;
}

// The bundle's key, chosen as the app would at the last moment it was valid.
RecipientKey recipient(const std::string& dir) {
  const json deployment = json::parse(read_all(dir + "/deployment.json"));
  KeyBundle bundle;
  if (parse_key_bundle(deployment.at("key_bundle"), &bundle) != KeyBundleStatus::ok) {
    throw std::runtime_error("key bundle does not parse");
  }
  const std::int64_t when = std::min(now(), bundle.keys.front().not_after - 1);
  const auto signing_key = hex_array<32>(deployment.at("signing_public_key").get<std::string>());
  RecipientKey key;
  if (select_recipient_key(bundle, *signing_key, when, &key) != KeyBundleStatus::ok) {
    throw std::runtime_error("no recipient key in the bundle");
  }
  return key;
}

ReportContent sample_report() {
  ReportContent report;
  report.questionnaire_id = "signaal-test";
  report.questionnaire_version = "1.0.0";
  report.questionnaire_hash = std::string(64, 'a');
  report.audience = "self";
  report.locale = "nl";
  report.age_group = "adult";
  report.answers["docs_kept"].values = {"yes"};
  report.assessment = json{{"engine", "th-ilo-palermo-v1"}, {"level", 2}, {"categories", json::array()},
                           {"flags", json::array()}, {"dimensions", json::object()}, {"reasons", json::array()}};
  report.report_nonce = new_report_nonce();
  report.date = "2026-W10";
  return report;
}

Bytes sealed(const ReportContent& report, const RecipientKey& key, int difficulty) {
  Bytes envelope;
  std::string detail;
  const EnvelopeStatus status =
      seal_report(report, key, static_cast<std::uint8_t>(difficulty), &envelope, &detail);
  if (status != EnvelopeStatus::ok) {
    throw std::runtime_error("seal: " + std::string(describe(status)) + " " + detail);
  }
  if (solve_proof_of_work(envelope) != PowStatus::ok) throw std::runtime_error("proof of work failed");
  return envelope;
}

int make_envelopes(const std::string& dir, int count, int difficulty, const std::string& out_path) {
  const RecipientKey key = recipient(dir);
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  for (int i = 0; i < count; ++i) {
    const Bytes envelope = sealed(sample_report(), key, difficulty);
    out.write(reinterpret_cast<const char*>(envelope.data()), static_cast<std::streamsize>(envelope.size()));
  }
  if (!out) throw std::runtime_error(out_path + ": cannot write");
  return 0;
}

int make_follow_up(const std::string& dir, int difficulty, const std::string& out_dir) {
  FollowUpKeys keys;
  if (derive_follow_up_keys(generate_follow_up_code(), &keys) != FollowUpStatus::ok) {
    throw std::runtime_error("follow-up code");
  }
  ReportContent report = sample_report();
  report.follow_up = ReportFollowUp{keys.lookup_tag, keys.reply_public_key};
  const Bytes envelope = sealed(report, recipient(dir), difficulty);
  write_all(out_dir + "/envelope.bin", envelope.data(), envelope.size());
  write_all(out_dir + "/lookup_id.bin", keys.lookup_id.data(), keys.lookup_id.size());
  Bytes reply;
  if (seal_reply({"2026-03-01", "We read your report."}, keys.lookup_tag, keys.reply_public_key,
                 &reply) != ReplyStatus::ok) {
    throw std::runtime_error("seal reply");
  }
  write_all(out_dir + "/reply.bin", reply.data(), reply.size());
  return 0;
}

int open_all(const std::string& dir, const std::string& path) {
  const std::optional<std::array<std::uint8_t, 32>> secret_bytes =
      hex_array<32>(json::parse(read_all(dir + "/secret.json")).at("secret_key").get<std::string>());
  SecretKey secret;
  secret.bytes = *secret_bytes;
  const EncryptionKeyPair keys[] = {key_pair_from_secret(secret)};
  const std::string data = read_all(path);
  if (data.size() % kEnvelopeBytes != 0) throw std::runtime_error(path + ": not whole envelopes");
  int opened = 0;
  for (size_t offset = 0; offset < data.size(); offset += kEnvelopeBytes) {
    OpenedEnvelope result;
    const std::span<const std::uint8_t> envelope(
        reinterpret_cast<const std::uint8_t*>(data.data()) + offset, kEnvelopeBytes);
    if (open_envelope(envelope, keys, {}, &result) == EnvelopeStatus::ok) ++opened;
  }
  std::cout << opened << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    if (!crypto_ready()) throw std::runtime_error("libsodium could not be initialised");
    const std::string command = argc > 1 ? argv[1] : "";
    if (command == "keys" && argc >= 3) {
      return make_keys(argv[2], argc > 3 ? std::optional<int>(std::stoi(argv[3])) : std::nullopt);
    }
    if (command == "envelopes" && argc == 6) {
      return make_envelopes(argv[2], std::stoi(argv[3]), std::stoi(argv[4]), argv[5]);
    }
    if (command == "follow-up" && argc == 5) return make_follow_up(argv[2], std::stoi(argv[3]), argv[4]);
    if (command == "open" && argc == 4) return open_all(argv[2], argv[3]);
    std::cerr << "usage: see the top of tests/intake/intake_testkit.cpp\n";
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "intake-testkit: " << error.what() << "\n";
    return 1;
  }
}
