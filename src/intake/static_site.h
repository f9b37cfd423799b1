// Serves the built app from a directory: the right Content-Type (application/wasm for the
// module), a precompressed .br or .gz twin when the client accepts it, and caching that keeps
// the shell cacheable but always revalidated (ETag, 304), so an update reaches every device.
// Files whose names carry a content hash (app.1a2b3c4d.wasm) never change and are immutable.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <httplib.h>

namespace signaal::intake {

// The file a request path names inside the site, or nothing for a path that leaves the
// directory, names a hidden file, or is not a plain name.
std::optional<std::string> site_relative_path(std::string_view request_path);

std::string content_type_for(std::string_view path);

// Which encodings an Accept-Encoding header allows (q=0 refuses).
struct AcceptedEncodings {
  bool br = false;
  bool gzip = false;
};
AcceptedEncodings parse_accept_encoding(std::string_view header);

class StaticSite {
 public:
  explicit StaticSite(std::string directory) : directory_(std::move(directory)) {}

  // Fills res for GET/HEAD of the path; returns false when there is no such file (404).
  bool serve(const httplib::Request& req, httplib::Response& res) const;

 private:
  std::string directory_;
};

}  // namespace signaal::intake
