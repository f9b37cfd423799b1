#include "config.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>

#include <nlohmann/json.hpp>

#include "core/load_error.h"
#include "response_policy.h"

namespace signaal::intake {
namespace {

using nlohmann::json;

// Walks the document, collecting every finding instead of stopping at the first, so an
// operator fixes a file in one round.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}

  void fail(const std::string& pointer, const std::string& message) {
    findings_.push_back({file_, pointer, message});
  }
  const std::vector<Finding>& findings() const { return findings_; }

  // An object whose keys must all be known: a misspelt setting must not be silently ignored.
  bool object(const json& value, const std::string& pointer, const std::set<std::string>& keys) {
    if (!value.is_object()) {
      fail(pointer, "must be an object");
      return false;
    }
    for (const auto& [key, item] : value.items()) {
      if (!keys.contains(key)) fail(pointer + "/" + key, "unknown setting");
    }
    return true;
  }

  void text(const json& parent, const std::string& pointer, const char* key, std::string& out,
            bool required) {
    if (!parent.contains(key)) {
      if (required) fail(pointer + "/" + key, "missing");
      return;
    }
    const json& value = parent.at(key);
    if (!value.is_string() || value.get<std::string>().empty()) {
      fail(pointer + "/" + key, "must be a non-empty string");
      return;
    }
    out = value.get<std::string>();
  }

  void integer(const json& parent, const std::string& pointer, const char* key, int& out, int min,
               int max) {
    if (!parent.contains(key)) return;
    const json& value = parent.at(key);
    if (!value.is_number_integer() || value.get<long long>() < min || value.get<long long>() > max) {
      fail(pointer + "/" + key,
           "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
      return;
    }
    out = static_cast<int>(value.get<long long>());
  }

 private:
  std::string file_;
  std::vector<Finding> findings_;
};

std::string resolve(const std::filesystem::path& base, const std::string& path) {
  const std::filesystem::path p(path);
  return p.is_absolute() ? path : (base / p).lexically_normal().string();
}

void read_store(Reader& reader, const json& doc, Config& config,
                const std::filesystem::path& base) {
  if (!doc.contains("store")) {
    reader.fail("/store", "missing");
    return;
  }
  const json& store = doc.at("store");
  if (!reader.object(store, "/store", {"kind", "path", "dsn", "connections"})) return;
  std::string kind;
  reader.text(store, "/store", "kind", kind, true);
  if (kind == "sqlite") {
    config.store.kind = StoreKind::sqlite;
    reader.text(store, "/store", "path", config.store.path, true);
    if (!config.store.path.empty()) {
      config.store.path = resolve(base, config.store.path);
      const std::filesystem::path folder = std::filesystem::path(config.store.path).parent_path();
      if (!folder.empty() && !std::filesystem::is_directory(folder)) {
        reader.fail("/store/path", "no such directory: " + folder.string());
      }
    }
    if (store.contains("dsn")) reader.fail("/store/dsn", "only for the postgres store");
  } else if (kind == "postgres") {
    config.store.kind = StoreKind::postgres;
    reader.text(store, "/store", "dsn", config.store.dsn, true);
    reader.integer(store, "/store", "connections", config.store.connections, 1, 256);
    if (store.contains("path")) reader.fail("/store/path", "only for the sqlite store");
  } else if (!kind.empty()) {
    reader.fail("/store/kind", "unknown store \"" + kind + "\" (known: sqlite, postgres)");
  }
}

// "key_bundle" names a file holding the signed bundle, or a deployment config (web/config.json)
// holding it under "key_bundle". The signing key comes from "signing_public_key" here, or else
// from that deployment config.
void read_keys(Reader& reader, const json& doc, Config& config, const std::filesystem::path& base) {
  std::string bundle_path;
  reader.text(doc, "", "key_bundle", bundle_path, true);
  if (bundle_path.empty()) return;
  bundle_path = resolve(base, bundle_path);
  std::ifstream in(bundle_path, std::ios::binary);
  if (!in) {
    reader.fail("/key_bundle", "cannot open " + bundle_path);
    return;
  }
  const json file = json::parse(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>(),
                                nullptr, false);
  if (file.is_discarded() || !file.is_object()) {
    reader.fail("/key_bundle", bundle_path + " is not a JSON object");
    return;
  }
  const json& bundle_json = file.contains("key_bundle") ? file.at("key_bundle") : file;
  std::string detail;
  if (const KeyBundleStatus status = parse_key_bundle(bundle_json, &config.key_bundle, &detail);
      status != KeyBundleStatus::ok) {
    reader.fail("/key_bundle", bundle_path + ": " + std::string(describe(status)) +
                                   (detail.empty() ? "" : " (" + detail + ")"));
    return;
  }
  std::string signing_hex;
  if (doc.contains("signing_public_key")) {
    reader.text(doc, "", "signing_public_key", signing_hex, true);
  } else if (file.contains("signing_public_key") && file.at("signing_public_key").is_string()) {
    signing_hex = file.at("signing_public_key").get<std::string>();
  } else {
    reader.fail("/signing_public_key", "missing: the organisation's Ed25519 public key (64 hex)");
    return;
  }
  const std::optional<SigningPublicKey> signing_key = hex_array<32>(signing_hex);
  if (!signing_key) {
    reader.fail("/signing_public_key", "must be 64 hex digits");
    return;
  }
  if (const KeyBundleStatus status = verify_key_bundle(config.key_bundle, *signing_key);
      status != KeyBundleStatus::ok) {
    reader.fail("/key_bundle", bundle_path + ": " + std::string(describe(status)));
  }
}

void read_limits(Reader& reader, const json& doc, Limits& limits) {
  if (!doc.contains("limits")) return;
  const json& l = doc.at("limits");
  if (!reader.object(l, "/limits",
                     {"threads", "queued_connections", "request_seconds", "keep_alive_seconds",
                      "keep_alive_requests"})) {
    return;
  }
  reader.integer(l, "/limits", "threads", limits.threads, 2, 4096);
  reader.integer(l, "/limits", "queued_connections", limits.queued_connections, 0, 65536);
  reader.integer(l, "/limits", "request_seconds", limits.request_seconds, 1, 300);
  reader.integer(l, "/limits", "keep_alive_seconds", limits.keep_alive_seconds, 1, 300);
  reader.integer(l, "/limits", "keep_alive_requests", limits.keep_alive_requests, 1, 100000);
}

}  // namespace

Config load_config(const std::string& path) {
  const std::string& file = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw LoadError({{file, "", "cannot open the file"}});
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  const json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded()) throw LoadError({{file, "", "not valid JSON"}});

  Reader reader(file);
  Config config;
  config.file = path;
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  if (!reader.object(doc, "",
                     {"listen", "site", "store", "key_bundle", "signing_public_key", "grace_days",
                      "minimum_pow_difficulty", "retention_days", "poll_floor_ms",
                      "content_security_policy", "limits"})) {
    throw LoadError(reader.findings());
  }
  if (doc.contains("listen") && reader.object(doc.at("listen"), "/listen", {"address", "port"})) {
    reader.text(doc.at("listen"), "/listen", "address", config.listen_address, false);
    reader.integer(doc.at("listen"), "/listen", "port", config.listen_port, 0, 65535);
  }
  if (doc.contains("site")) {
    reader.text(doc, "", "site", config.site_directory, true);
    if (!config.site_directory.empty()) {
      config.site_directory = resolve(base, config.site_directory);
      if (!std::filesystem::is_directory(config.site_directory)) {
        reader.fail("/site", "no such directory: " + config.site_directory);
      }
    }
  }
  read_store(reader, doc, config, base);
  read_keys(reader, doc, config, base);
  reader.integer(doc, "", "grace_days", config.grace_days, 0, 365);
  int difficulty = config.minimum_pow_difficulty;
  reader.integer(doc, "", "minimum_pow_difficulty", difficulty, 0, 40);
  config.minimum_pow_difficulty = static_cast<std::uint8_t>(difficulty);
  config.content_security_policy = kDefaultContentSecurityPolicy;
  reader.text(doc, "", "content_security_policy", config.content_security_policy, false);
  reader.integer(doc, "", "retention_days", config.retention_days, 1, 3650);
  int poll_floor_ms = static_cast<int>(config.poll_floor.count());
  reader.integer(doc, "", "poll_floor_ms", poll_floor_ms, 0, 5000);
  config.poll_floor = std::chrono::milliseconds(poll_floor_ms);
  read_limits(reader, doc, config.limits);
  if (!reader.findings().empty()) throw LoadError(reader.findings());
  return config;
}

}  // namespace signaal::intake
