#include "static_site.h"

#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "response_policy.h"

namespace signaal::intake {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

std::string_view extension_of(std::string_view path) {
  const size_t slash = path.rfind('/');
  const size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  return path.substr(dot + 1);
}

// A name like "app.3f2a9c1b.wasm": some dot-separated part is 8 or more hex digits.
bool has_content_hash(std::string_view path) {
  const size_t slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  size_t start = 0;
  while (start < name.size()) {
    size_t end = name.find('.', start);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view part = name.substr(start, end - start);
    if (start > 0 && end < name.size() && part.size() >= 8 &&
        part.find_first_not_of("0123456789abcdef") == std::string_view::npos) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

struct FileVersion {
  std::string path;
  std::string encoding;  // "" for the file itself
  std::string etag;
};

std::optional<FileVersion> find_file(const std::string& path, const std::string& encoding) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return std::nullopt;
  char etag[96];
  std::snprintf(etag, sizeof etag, "\"%llx-%llx%s%s\"", static_cast<unsigned long long>(info.st_size),
                static_cast<unsigned long long>(info.st_mtim.tv_sec) * 1000000000ULL +
                    static_cast<unsigned long long>(info.st_mtim.tv_nsec),
                encoding.empty() ? "" : "-", encoding.c_str());
  return FileVersion{path, encoding, etag};
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
  if (if_none_match == "*") return true;
  size_t start = 0;
  while (start < if_none_match.size()) {
    size_t end = if_none_match.find(',', start);
    if (end == std::string_view::npos) end = if_none_match.size();
    std::string_view tag = if_none_match.substr(start, end - start);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == etag) return true;
    start = end + 1;
  }
  return false;
}

}  // namespace

std::optional<std::string> site_relative_path(std::string_view request_path) {
  if (request_path.empty() || request_path.front() != '/') return std::nullopt;
  std::string path(request_path.substr(1));
  if (path.empty() || path.back() == '/') path += "index.html";
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    const std::string_view part(path.data() + start, end - start);
    // No empty parts, no ".", "..", or hidden files; only plain names.
    if (part.empty() || part.front() == '.') return std::nullopt;
    for (const char c : part) {
      if (!is_name_char(c)) return std::nullopt;
    }
    start = end + 1;
  }
  return path;
}

std::string content_type_for(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kTypes{{
      {"html", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"},
      {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"},
      {"wasm", "application/wasm"},
      {"json", "application/json"},
      {"map", "application/json"},
      {"webmanifest", "application/manifest+json"},
      {"txt", "text/plain; charset=utf-8"},
      {"svg", "image/svg+xml"},
      {"png", "image/png"},
      {"webp", "image/webp"},
      {"ico", "image/x-icon"},
      {"jpg", "image/jpeg"},
      {"woff2", "font/woff2"},
      {"woff", "font/woff"},
      {"ttf", "font/ttf"},
      {"otf", "font/otf"},
      {"mp3", "audio/mpeg"},
      {"ogg", "audio/ogg"},
      {"opus", "audio/ogg"},
      {"bin", "application/octet-stream"},
  }};
  const std::string_view extension = extension_of(path);
  for (const auto& [ext, type] : kTypes) {
    if (ext == extension) return std::string(type);
  }
  return "application/octet-stream";
}

AcceptedEncodings parse_accept_encoding(std::string_view header) {
  AcceptedEncodings accepted;
  size_t start = 0;
  while (start < header.size()) {
    size_t end = header.find(',', start);
    if (end == std::string_view::npos) end = header.size();
    std::string_view item = header.substr(start, end - start);
    start = end + 1;
    std::string_view q;
    if (const size_t semi = item.find(';'); semi != std::string_view::npos) {
      q = item.substr(semi + 1);
      item = item.substr(0, semi);
    }
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    while (!q.empty() && q.front() == ' ') q.remove_prefix(1);
    // "q=0", "q=0.0", "q=0.000" refuse; any other weight accepts.
    const bool refused = q.starts_with("q=0") && q.find_first_not_of("0.", 2) == std::string_view::npos;
    if (refused) continue;
    if (item == "br") accepted.br = true;
    if (item == "gzip") accepted.gzip = true;
  }
  return accepted;
}

bool StaticSite::serve(const httplib::Request& req, httplib::Response& res) const {
  const std::optional<std::string> relative = site_relative_path(req.path);
  if (!relative) return false;
  const std::string full = directory_ + "/" + *relative;
  const std::optional<FileVersion> plain = find_file(full, "");
  if (!plain) return false;

  const AcceptedEncodings accepted = parse_accept_encoding(req.get_header_value("Accept-Encoding"));
  std::optional<FileVersion> chosen;
  if (accepted.br) chosen = find_file(full + ".br", "br");
  if (!chosen && accepted.gzip) chosen = find_file(full + ".gz", "gzip");
  if (!chosen) chosen = plain;

  res.set_header("Vary", "Accept-Encoding");
  res.set_header("ETag", chosen->etag);
  set_cache_control(res, has_content_hash(*relative) ? "public, max-age=31536000, immutable"
                                                     : "no-cache");
  if (req.has_header("If-None-Match") && etag_matches(req.get_header_value("If-None-Match"), chosen->etag)) {
    res.status = 304;
    return true;
  }
  std::ifstream in(chosen->path, std::ios::binary);
  if (!in) return false;
  std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  if (!chosen->encoding.empty()) res.set_header("Content-Encoding", chosen->encoding);
  set_exact_body(res, std::move(body), content_type_for(*relative));
  return true;
}

}  // namespace signaal::intake
