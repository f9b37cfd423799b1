#include "report.h"

#include <algorithm>
#include <set>

#include <sodium.h>

#include "report_date.h"
#include "utf8.h"

namespace signaal {
namespace {

using nlohmann::json;

bool is_token(std::string_view s, std::size_t max) {  // [a-z0-9_]{1,max}
  return !s.empty() && s.size() <= max && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

bool is_printable_ascii(std::string_view s, std::size_t max) {
  return !s.empty() && s.size() <= max &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= 0x20 && c < 0x7f; });
}

bool is_locale(std::string_view s) {
  return !s.empty() && s.size() <= 35 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool is_hex(std::string_view s, std::size_t length) {
  return s.size() == length && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

bool is_string_array(const json& j) {
  return j.is_array() && std::all_of(j.begin(), j.end(), [](const json& e) { return e.is_string(); });
}

std::optional<std::string> check_text(const std::string& text, std::size_t max,
                                      const char* pointer) {
  auto count = count_text_code_points(text);
  if (!count) return std::string(pointer) + ": not valid UTF-8 or holds control characters";
  if (*count > max)
    return std::string(pointer) + ": " + std::to_string(*count) + " characters, at most " +
           std::to_string(max);
  return std::nullopt;
}

// Reads a required member of a given kind, or throws naming it.
const json& member(const json& j, const char* key, const std::string& pointer) {
  auto it = j.find(key);
  if (it == j.end()) throw ReportFormatError(pointer + "/" + key, "missing");
  return *it;
}

std::string string_member(const json& j, const char* key, const std::string& pointer) {
  const json& v = member(j, key, pointer);
  if (!v.is_string()) throw ReportFormatError(pointer + "/" + key, "must be a string");
  return v.get<std::string>();
}

template <std::size_t N>
std::array<std::uint8_t, N> hex_member(const json& j, const char* key, const std::string& pointer) {
  auto bytes = hex_array<N>(string_member(j, key, pointer));
  if (!bytes) throw ReportFormatError(pointer + "/" + key, "must be " + std::to_string(2 * N) + " hex digits");
  return *bytes;
}

void only_keys(const json& j, std::initializer_list<const char*> allowed, const std::string& pointer) {
  for (auto it = j.begin(); it != j.end(); ++it) {
    const std::string& key = it.key();
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; }))
      throw ReportFormatError(pointer + "/" + key, "unknown key");
  }
}

}  // namespace

namespace {

bool is_disallowed_control(std::uint32_t cp) {
  return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7f || (cp >= 0x80 && cp < 0xa0);
}

}  // namespace

std::optional<std::size_t> count_text_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    std::size_t length = 0;
    if (!decode_utf8(text, i, &cp, &length) || is_disallowed_control(cp)) return std::nullopt;
    i += length;
    ++count;
  }
  return count;
}

std::string fit_report_text(std::string_view text, std::size_t max_code_points) {
  std::string out;
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size() && count < max_code_points;) {
    std::uint32_t cp = 0;
    std::size_t length = 1;
    if (!decode_utf8(text, i, &cp, &length)) {
      i += 1;  // a stray byte: dropped, the rest is kept
      continue;
    }
    if (cp == '\r') {
      const bool crlf = i + 1 < text.size() && text[i + 1] == '\n';
      if (!crlf) out += '\n', ++count;  // an old Mac line end is still a line end
    } else if (!is_disallowed_control(cp)) {
      out.append(text.substr(i, length));
      ++count;
    }
    i += length;
  }
  return out;
}

std::array<std::uint8_t, kReportNonceBytes> new_report_nonce() {
  crypto_ready();
  std::array<std::uint8_t, kReportNonceBytes> nonce{};
  randombytes_buf(nonce.data(), nonce.size());
  return nonce;
}

std::optional<std::string> validate_report(const ReportContent& r) {
  static const std::set<std::string, std::less<>> audiences{"self", "self_minor", "professional"};
  static const std::set<std::string, std::less<>> age_groups{"adult", "minor", "unknown"};
  if (!is_printable_ascii(r.questionnaire_id, 64)) return "/questionnaire/id: 1-64 printable ASCII characters";
  if (!is_printable_ascii(r.questionnaire_version, 64)) return "/questionnaire/version: 1-64 printable ASCII characters";
  if (!is_hex(r.questionnaire_hash, 64)) return "/questionnaire/hash: 64 lowercase hex digits";
  if (!audiences.contains(r.audience)) return "/audience: self, self_minor or professional";
  if (!is_locale(r.locale)) return "/locale: 1-35 characters of [A-Za-z0-9-]";
  if (!age_groups.contains(r.age_group)) return "/age_group: adult, minor or unknown";
  for (const auto& [question, answer] : r.answers) {
    if (!is_token(question, 64)) return "/answers: question id '" + question + "' is not [a-z0-9_]{1,64}";
    if (answer.values.empty() || answer.values.size() > 16)
      return "/answers/" + question + ": 1-16 values";
    for (const auto& v : answer.values)
      if (!is_token(v, 64)) return "/answers/" + question + ": value is not [a-z0-9_]{1,64}";
  }
  const json& a = r.assessment;
  if (!a.is_object()) return "/assessment: must be an object";
  auto level = a.find("level");
  if (level == a.end() || !level->is_number_integer() || level->get<std::int64_t>() < 0 ||
      level->get<std::int64_t>() > 4)
    return "/assessment/level: an integer 0-4";
  for (const char* key : {"categories", "flags"}) {
    auto it = a.find(key);
    if (it == a.end() || !is_string_array(*it)) return std::string("/assessment/") + key + ": an array of strings";
  }
  if (!is_report_day(r.date) && !is_report_iso_week(r.date)) return "/date: YYYY-MM-DD or YYYY-Www";
  if (r.free_text) {
    if (auto e = check_text(*r.free_text, kFreeTextMaxCodePoints, "/free_text")) return e;
  }
  if (r.contact) {
    if (auto e = check_text(*r.contact, kContactMaxCodePoints, "/contact")) return e;
  }
  return std::nullopt;
}

void to_json(json& j, const ReportContent& r) {
  json answers = json::object();
  for (const auto& [question, answer] : r.answers) answers[question] = answer.values;
  j = json{{"report_format", kReportFormat},
           {"questionnaire", {{"id", r.questionnaire_id}, {"version", r.questionnaire_version}, {"hash", r.questionnaire_hash}}},
           {"audience", r.audience},
           {"locale", r.locale},
           {"age_group", r.age_group},
           {"answers", answers},
           {"assessment", r.assessment},
           {"report_nonce", to_hex(r.report_nonce)},
           {"date", r.date}};
  if (r.free_text) j["free_text"] = *r.free_text;
  if (r.contact) j["contact"] = *r.contact;
  if (r.follow_up)
    j["follow_up"] = {{"lookup_tag", to_hex(r.follow_up->lookup_tag)},
                      {"reply_public_key", to_hex(r.follow_up->reply_public_key)}};
}

void from_json(const json& j, ReportContent& r) {
  if (!j.is_object()) throw ReportFormatError("", "the report must be a JSON object");
  only_keys(j, {"report_format", "questionnaire", "audience", "locale", "age_group", "answers",
                "assessment", "report_nonce", "date", "free_text", "contact", "follow_up"}, "");
  const json& format = member(j, "report_format", "");
  if (!format.is_number_integer() || format.get<std::int64_t>() != kReportFormat)
    throw ReportFormatError("/report_format", "must be 1");
  const json& q = member(j, "questionnaire", "");
  if (!q.is_object()) throw ReportFormatError("/questionnaire", "must be an object");
  only_keys(q, {"id", "version", "hash"}, "/questionnaire");
  ReportContent out;
  out.questionnaire_id = string_member(q, "id", "/questionnaire");
  out.questionnaire_version = string_member(q, "version", "/questionnaire");
  out.questionnaire_hash = string_member(q, "hash", "/questionnaire");
  out.audience = string_member(j, "audience", "");
  out.locale = string_member(j, "locale", "");
  out.age_group = string_member(j, "age_group", "");
  const json& answers = member(j, "answers", "");
  if (!answers.is_object()) throw ReportFormatError("/answers", "must be an object");
  for (const auto& [question, values] : answers.items()) {
    if (!is_string_array(values)) throw ReportFormatError("/answers/" + question, "must be an array of strings");
    out.answers[question].values = values.get<std::vector<std::string>>();
  }
  out.assessment = member(j, "assessment", "");
  out.report_nonce = hex_member<kReportNonceBytes>(j, "report_nonce", "");
  out.date = string_member(j, "date", "");
  if (j.contains("free_text")) out.free_text = string_member(j, "free_text", "");
  if (j.contains("contact")) out.contact = string_member(j, "contact", "");
  if (j.contains("follow_up")) {
    const json& f = j["follow_up"];
    if (!f.is_object()) throw ReportFormatError("/follow_up", "must be an object");
    only_keys(f, {"lookup_tag", "reply_public_key"}, "/follow_up");
    out.follow_up = ReportFollowUp{hex_member<32>(f, "lookup_tag", "/follow_up"),
                                   hex_member<32>(f, "reply_public_key", "/follow_up")};
  }
  if (auto problem = validate_report(out)) {
    const auto colon = problem->find(": ");
    throw ReportFormatError(problem->substr(0, colon), problem->substr(colon + 2));
  }
  r = std::move(out);
}

}  // namespace signaal
