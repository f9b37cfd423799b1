// signaal-intake: serves the static app and stores sealed envelopes it cannot read; and, for
// the organisation, exports and deletes them and stores sealed replies (docs/intake.md).
//   signaal-intake [serve] --config FILE
//   signaal-intake export --config FILE [--since YYYY-MM-DD] [--out FILE]
//   signaal-intake delete --config FILE --before YYYY-MM-DD
//   signaal-intake reply --config FILE REPLY_FILE...
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "config.h"
#include "core/envelope_types.h"
#include "core/follow_up_reply.h"
#include "core/load_error.h"
#include "day.h"
#include "http_server.h"
#include "intake_api.h"
#include "retention.h"
#include "routes.h"
#include "static_site.h"
#include "store.h"

namespace {

using namespace signaal::intake;

constexpr const char* kUsage =
    "usage: signaal-intake [serve] --config FILE\n"
    "       signaal-intake export --config FILE [--since YYYY-MM-DD] [--out FILE]\n"
    "       signaal-intake delete --config FILE --before YYYY-MM-DD\n"
    "       signaal-intake reply --config FILE REPLY_FILE...\n";

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Arguments {
  std::string command = "serve";
  std::map<std::string, std::string> options;  // "--config" -> "intake.json"
  std::vector<std::string> files;
};

Arguments parse_arguments(int argc, char** argv) {
  Arguments args;
  int i = 1;
  if (i < argc && argv[i][0] != '-') args.command = argv[i++];
  for (; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg.starts_with("--")) {
      if (i + 1 >= argc) throw UsageError(arg + " needs a value");
      args.options[arg] = argv[++i];
    } else {
      args.files.push_back(arg);
    }
  }
  if (!args.options.contains("--config")) throw UsageError("--config FILE is required");
  return args;
}

std::string day_option(const Arguments& args, const std::string& name, bool required) {
  const auto found = args.options.find(name);
  if (found == args.options.end()) {
    if (required) throw UsageError(name + " YYYY-MM-DD is required");
    return "";
  }
  if (!parse_day(found->second)) throw UsageError(name + " must be a date YYYY-MM-DD");
  return found->second;
}

// SIGINT/SIGTERM stop the server gracefully; they are taken by a thread, never in a handler.
int serve(const Config& config) {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  signal(SIGPIPE, SIG_IGN);

  const std::unique_ptr<Store> store = open_store(config.store);
  DailyExpiry expiry(*store, config.retention_days);
  IntakeApi api(config, *store);
  std::unique_ptr<StaticSite> site;
  if (!config.site_directory.empty()) site = std::make_unique<StaticSite>(config.site_directory);

  HttpServer server(config.limits);
  install_routes(server, config, api, site.get());
  const int port = server.bind_port(config.listen_address, config.listen_port);
  if (port < 0) {
    std::cerr << config.file << ": /listen: cannot listen on " << config.listen_address << ":"
              << config.listen_port << "\n";
    return 1;
  }
  std::atomic<bool> signalled{false};
  std::thread stopper([&server, &signalled, stop_signals] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    signalled = true;
    server.stop();
  });
  std::cerr << "signaal-intake: listening on http://" << config.listen_address << ":" << port
            << "\n";
  const bool served = server.listen_after_bind();
  if (!signalled) kill(getpid(), SIGTERM);  // wakes the stopper; it stays blocked if unused
  stopper.join();
  std::cerr << "signaal-intake: stopped\n";
  return served ? 0 : 1;
}

// Writes the envelopes as one concatenation of fixed-size envelopes, the form signaal-open
// reads: no framing is needed because every envelope is exactly kEnvelopeBytes long.
int export_envelopes(const Config& config, const Arguments& args) {
  const std::string since = day_option(args, "--since", false);
  const std::unique_ptr<Store> store = open_store(config.store);
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (const auto path = args.options.find("--out"); path != args.options.end()) {
    file.open(path->second, std::ios::binary | std::ios::trunc);
    if (!file) throw std::runtime_error(path->second + ": cannot write");
    out = &file;
  }
  long long count = 0;
  store->for_each_envelope(since, [&](const StoredEnvelope& envelope) {
    out->write(envelope.envelope.data(), static_cast<std::streamsize>(envelope.envelope.size()));
    ++count;
  });
  out->flush();
  if (!*out) throw std::runtime_error("export: write failed");
  std::cerr << "signaal-intake: exported " << count << " envelopes\n";
  return 0;
}

int delete_envelopes(const Config& config, const Arguments& args) {
  const std::string before = day_option(args, "--before", true);
  const std::unique_ptr<Store> store = open_store(config.store);
  const long long removed = store->delete_before(before);
  std::cerr << "signaal-intake: deleted " << removed << " envelopes and replies from before "
            << before << "\n";
  return 0;
}

int store_replies(const Config& config, const Arguments& args) {
  if (args.files.empty()) throw UsageError("reply needs one or more REPLY_FILEs");
  const std::unique_ptr<Store> store = open_store(config.store);
  for (const std::string& path : args.files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    const std::string reply{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    signaal::LookupTag tag{};
    const auto status = signaal::parse_reply_header(
        {reinterpret_cast<const std::uint8_t*>(reply.data()), reply.size()}, &tag);
    if (status != signaal::ReplyStatus::ok) {
      throw std::runtime_error(path + ": " + std::string(signaal::describe(status)));
    }
    store->put_reply({std::string(tag.begin(), tag.end()), reply, to_string(today_utc())});
  }
  std::cerr << "signaal-intake: stored " << args.files.size() << " replies\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const Arguments args = parse_arguments(argc, argv);
    if (!signaal::crypto_ready()) {
      std::cerr << "signaal-intake: libsodium could not be initialised\n";
      return 1;
    }
    const Config config = load_config(args.options.at("--config"));
    if (args.command == "serve") return serve(config);
    if (args.command == "export") return export_envelopes(config, args);
    if (args.command == "delete") return delete_envelopes(config, args);
    if (args.command == "reply") return store_replies(config, args);
    throw UsageError("unknown command \"" + args.command + "\"");
  } catch (const UsageError& error) {
    std::cerr << "signaal-intake: " << error.what() << "\n" << kUsage;
    return 2;
  } catch (const signaal::LoadError& error) {
    std::cerr << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "signaal-intake: " << error.what() << "\n";
    return 1;
  }
}
