// The intake server's settings, read from one JSON file (docs/intake.md lists every key).
// Every bad setting stops the server before it listens, with a message that names the file
// and the setting's JSON pointer: `intake.json: /store/kind: unknown store "mysql"`.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "core/key_bundle.h"
#include "core/proof_of_work.h"

namespace signaal::intake {

enum class StoreKind { sqlite, postgres };

struct StoreConfig {
  StoreKind kind = StoreKind::sqlite;
  std::string path;  // sqlite: the database file
  std::string dsn;   // postgres: a libpq connection string
  int connections = 4;  // postgres: size of the connection pool
};

// Bounds that keep slow and flooding clients from starving everyone else.
struct Limits {
  int threads = 64;                 // connections served at once
  int queued_connections = 256;     // accepted but waiting for a thread; beyond this: shed
  int request_seconds = 10;         // whole request (headers and body) must arrive within this
  int keep_alive_seconds = 5;       // idle time allowed between requests on one connection
  int keep_alive_requests = 100;    // requests per connection
};

struct Config {
  std::string file;  // the config file as named on the command line (for messages)
  std::string listen_address = "127.0.0.1";
  int listen_port = 8080;
  std::string site_directory;  // static app; empty = serve only the API
  StoreConfig store;
  // The organisation's signed key bundle, verified under its signing key at start. Envelopes
  // are accepted for a key until its not_after plus the grace period: a tablet may carry a
  // sealed envelope for weeks offline.
  KeyBundle key_bundle;
  int grace_days = 30;
  std::uint8_t minimum_pow_difficulty = kPowDifficulty;
  std::string content_security_policy;
  int retention_days = 90;
  std::chrono::milliseconds poll_floor{200};  // every poll answer waits at least this long
  Limits limits;
};

// Reads and checks the file; relative paths are taken relative to the file's directory.
// Throws signaal::LoadError with every finding.
Config load_config(const std::string& path);

}  // namespace signaal::intake
