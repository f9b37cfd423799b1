// The intake's request handling end to end: the fuzz input is the raw bytes a client sends
// on one connection (any number of requests), answered by the real routes, error handler and
// API over an in-memory store. The first byte picks whether the input is raw, or a POST
// framing a shaped envelope, so the envelope path is reached too.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "http_server.h"
#include "intake_api.h"
#include "routes.h"
#include "static_site.h"

namespace {

class MemoryStream final : public httplib::Stream {
 public:
  explicit MemoryStream(std::string input) : input_(std::move(input)) {}
  bool is_readable() const override { return position_ < input_.size(); }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, size_t size) override {
    if (position_ >= input_.size()) return 0;
    const size_t count = std::min(size, input_.size() - position_);
    input_.copy(ptr, count, position_);
    position_ += count;
    return static_cast<ssize_t>(count);
  }
  ssize_t write(const char*, size_t size) override { return static_cast<ssize_t>(size); }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip.clear();
    port = 0;
  }
  socket_t socket() const override { return INVALID_SOCKET; }

 private:
  std::string input_;
  size_t position_ = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace signaal;
  static fuzz::MemoryStore store;
  static intake::IntakeApi api(fuzz::fuzz_config(), store);
  static const intake::StaticSite site(SIGNAAL_FUZZ_SITE);
  static intake::HttpServer server{intake::Limits{}};
  static const bool routed = (intake::install_routes(server, fuzz::fuzz_config(), api, &site), true);
  (void)routed;

  std::string input(reinterpret_cast<const char*>(data), size);
  if (size > 0 && data[0] == 'E') {
    const Bytes envelope = fuzz::shaped_envelope({data + 1, size - 1});
    input = "POST /api/v1/envelopes HTTP/1.1\r\nContent-Length: " + std::to_string(envelope.size()) +
            "\r\n\r\n" + std::string(envelope.begin(), envelope.end());
  }
  MemoryStream stream(std::move(input));
  for (int requests = 0; requests < 8 && stream.is_readable(); ++requests) {
    if (!server.answer_one(stream, false)) break;
  }
  return 0;
}
