// The screens' view of the core (see model.h).
#include "model.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sodium.h>

#include "core/json_reader.h"

namespace app {

namespace {

using nlohmann::json;
using signaal::Finding;
using signaal::LoadError;

constexpr const char* kConfigFile = "config.json";
constexpr const char* kIndicatorsFile = "content/indicators.json";
constexpr const char* kQuestionnaireFile = "content/questionnaire.json";
constexpr const char* kHelpFile = "content/help.json";
constexpr const char* kLocaleIndexFile = "locales/index.json";

std::string LocaleFile(const std::string& code) { return "locales/" + code + ".json"; }

// The strings of an array field; a member that is no string is a finding.
std::vector<std::string> Strings(signaal::JsonReader& r, const json& object, const char* key, const std::string& at,
                                 bool required) {
  std::vector<std::string> out;
  if (const json* list = r.array_field(object, key, at, required))
    for (size_t i = 0; i < list->size(); ++i) {
      if ((*list)[i].is_string())
        out.push_back((*list)[i].get<std::string>());
      else
        r.error(signaal::pointer_append(signaal::pointer_append(at, key), i), "expected a string");
    }
  return out;
}

// Runs a core loader and keeps its findings instead of letting them escape.
template <typename Fn>
void Collect(std::vector<Finding>& findings, const std::string& file, Fn&& load) {
  try {
    load();
  } catch (const LoadError& e) {
    findings.insert(findings.end(), e.findings().begin(), e.findings().end());
  } catch (const std::exception& e) {
    findings.push_back({file, "", e.what()});
  }
}

}  // namespace

//-----------------------------------------------------------------------------
// Loading
//-----------------------------------------------------------------------------

void Model::AddFile(std::string name, std::string text) {
  const auto same = [&](const signaal::Document& d) { return d.file == name; };
  files_.erase(std::remove_if(files_.begin(), files_.end(), same), files_.end());
  files_.push_back({std::move(name), std::move(text)});
}

void Model::FileFailed(std::string name, std::string reason) {
  findings_.push_back({std::move(name), "", std::move(reason)});
}

const signaal::Document* Model::File(std::string_view name) const {
  for (const signaal::Document& d : files_)
    if (d.file == name)
      return &d;
  return nullptr;
}

// Only the fields the app uses are read: the config also carries the envelope's settings.
void Model::LoadConfig(const signaal::Document& doc) {
  signaal::JsonReader r(doc.file);
  const std::optional<json> j = r.parse(doc.text);
  if (j && j->is_object()) {
    config_json_ = *j;
    config_.exit_url = r.string(*j, "exit_url", "", true).value_or("");
    config_.intake_url = r.string(*j, "intake_url", "", true).value_or("");
    config_.replies_url = r.string(*j, "replies_url", "", true).value_or("");
    config_.default_locale = r.string(*j, "default_locale", "", true).value_or("");
    config_.locales = Strings(r, *j, "locales", "", true);
    // The exit must leave for a real site at once: never a relative or script address.
    if (!config_.exit_url.empty() && config_.exit_url.rfind("https://", 0) != 0)
      r.error("/exit_url", "must be an https:// address");
    if (r.ok() && config_.locales.empty())
      r.error("/locales", "must name at least one locale");
  } else if (j) {
    r.error("", "expected an object");
  }
  r.throw_if_any();
}

void Model::LoadHelp(const signaal::Document& doc) {
  signaal::JsonReader r(doc.file);
  const std::optional<json> j = r.parse(doc.text);
  help_.clear();
  const json* entries = j && j->is_object() ? r.array_field(*j, "entries", "", true) : nullptr;
  if (j && !j->is_object())
    r.error("", "expected an object");
  for (size_t i = 0; entries != nullptr && i < entries->size(); ++i) {
    const json& e = (*entries)[i];
    const std::string at = signaal::pointer_append("/entries", i);
    if (!e.is_object()) {
      r.error(at, "expected an object");
      continue;
    }
    HelpEntry h;
    h.id = r.plain_id(e, "id", at, true).value_or("");
    h.name = r.string(e, "name", at, true).value_or("");
    h.phone = e.contains("phone") && e["phone"].is_string() ? e["phone"].get<std::string>() : "";
    h.web = e.contains("web") && e["web"].is_string() ? e["web"].get<std::string>() : "";
    h.hours = e.contains("hours") && e["hours"].is_string() ? e["hours"].get<std::string>() : "";
    if (e.contains("show") && e["show"].is_object()) {
      const json& show = e["show"];
      const std::string show_at = signaal::pointer_append(at, "show");
      if (const json* levels = r.array_field(show, "levels", show_at, false))
        for (const json& l : *levels)
          if (l.is_number_integer())
            h.levels.push_back(l.get<int>());
      h.flags = Strings(r, show, "flags", show_at, false);
      h.categories = Strings(r, show, "categories", show_at, false);
      h.always = r.boolean(show, "always", show_at, false).value_or(false);
    }
    help_.push_back(std::move(h));
  }
  r.throw_if_any();
}

// A site locale file is one object: each member is a file of locales/<code>/ by name.
void Model::LoadLocale(const signaal::Document& merged) {
  signaal::JsonReader r(merged.file);
  const std::optional<json> j = r.parse(merged.text);
  if (j && (!j->is_object() || !j->contains("locale.json")))
    r.error("/locale.json", "missing");
  r.throw_if_any();
  const std::string dir = merged.file.substr(0, merged.file.size() - 5) + "/";  // locales/nl/
  signaal::Document meta{dir + "locale.json", j->at("locale.json").dump()};
  std::vector<signaal::Document> messages;
  for (const auto& [name, content] : j->items())
    if (name != "locale.json")
      messages.push_back({dir + name, content.dump()});
  signaal::Locale locale = signaal::Locale::load(meta, messages);
  const auto same = [&](const signaal::Locale& l) { return l.info.code == locale.info.code; };
  locales_.erase(std::remove_if(locales_.begin(), locales_.end(), same), locales_.end());
  locales_.push_back(std::move(locale));
}

bool Model::Load() {
  const auto require = [&](const char* name) -> const signaal::Document* {
    const signaal::Document* d = File(name);
    const bool failed = std::any_of(findings_.begin(), findings_.end(),
                                    [&](const Finding& f) { return f.file == name; });
    if (d == nullptr && !failed)
      findings_.push_back({name, "", "was not loaded"});
    return d;
  };
  if (const auto* d = require(kConfigFile))
    Collect(findings_, d->file, [&] { LoadConfig(*d); });
  if (const auto* d = require(kIndicatorsFile))
    Collect(findings_, d->file, [&] {
      catalogue_ = std::make_unique<signaal::IndicatorCatalogue>(signaal::IndicatorCatalogue::load(d->text, d->file));
    });
  std::unique_ptr<signaal::Questionnaire> questionnaire;
  if (const auto* d = require(kQuestionnaireFile))
    Collect(findings_, d->file, [&] {
      questionnaire = std::make_unique<signaal::Questionnaire>(signaal::Questionnaire::load(d->text, d->file));
    });
  if (const auto* d = require(kHelpFile))
    Collect(findings_, d->file, [&] { LoadHelp(*d); });
  if (const auto* d = require(kLocaleIndexFile))
    Collect(findings_, d->file, [&] {
      signaal::JsonReader r(d->file);
      const std::optional<json> j = r.parse(d->text);
      r.throw_if_any();
      offered_.clear();
      for (const std::string& code : config_.locales) {
        if (!j->contains(code)) {
          findings_.push_back({kConfigFile, "/locales", "no locale \"" + code + "\" in the site"});
          continue;
        }
        signaal::LocaleInfo info;
        from_json(j->at(code), info);
        offered_.push_back(std::move(info));
      }
    });
  if (!findings_.empty())
    return false;
  crypto_hash_sha256_state sha;
  crypto_hash_sha256_init(&sha);
  for (const char* name : {kQuestionnaireFile, kIndicatorsFile}) {
    const std::string& text = File(name)->text;
    crypto_hash_sha256_update(&sha, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  }
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&sha, digest);
  char hex[2 * crypto_hash_sha256_BYTES + 1];
  content_hash_ = sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  questionnaire_ = std::move(questionnaire);
  return true;
}

//-----------------------------------------------------------------------------
// Locale
//-----------------------------------------------------------------------------

bool Model::HasLocale(const std::string& code) const {
  return std::any_of(locales_.begin(), locales_.end(), [&](const signaal::Locale& l) { return l.info.code == code; });
}

bool Model::SetLocale(const std::string& code) {
  const size_t before = findings_.size();
  for (const signaal::Document& d : files_)
    if (d.file.rfind("locales/", 0) == 0 && d.file != kLocaleIndexFile)
      Collect(findings_, d.file, [&] { LoadLocale(d); });
  if (findings_.size() == before)
    Collect(findings_, LocaleFile(code), [&] { catalog_ = signaal::Catalog::build(code, locales_); });
  return findings_.size() == before;
}

bool Model::SetSecondLocale(const std::string& code) {
  const size_t before = findings_.size();
  Collect(findings_, LocaleFile(code), [&] { second_ = signaal::Catalog::build(code, locales_); });
  return findings_.size() == before;
}

const signaal::Catalog* Model::Second() const {
  if (!second_ || !catalog_ || second_->info().code == catalog_->info().code)
    return nullptr;
  return &*second_;
}

std::string Model::Text(std::string_view key) const {
  return catalog_ ? catalog_->text(key) : "[" + std::string(key) + "]";
}

std::string Model::Format(std::string_view key, const std::map<std::string, std::string>& args) const {
  return catalog_ ? catalog_->format(key, args) : "[" + std::string(key) + "]";
}

//-----------------------------------------------------------------------------
// Session
//-----------------------------------------------------------------------------

void Model::Begin(signaal::Audience audience) {
  audience_ = audience;
  session_ = std::make_unique<signaal::Session>(*questionnaire_, audience);
}

std::string Model::QuestionKey(const signaal::Question& q) const {
  const signaal::Wording w = session_ ? session_->wording_audience(q) : signaal::Wording::self;
  return "q." + q.id + "." + std::string(signaal::to_string(w));
}

signaal::Assessment Model::Assess() const {
  return signaal::assess(*catalogue_, session_->assessment_input());
}

std::vector<const HelpEntry*> Model::HelpFor(const signaal::Assessment& a) const {
  const auto any_of = [](const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
    return std::any_of(wanted.begin(), wanted.end(),
                       [&](const std::string& w) { return std::find(have.begin(), have.end(), w) != have.end(); });
  };
  std::vector<const HelpEntry*> out;
  for (const HelpEntry& h : help_)
    if (h.always || std::find(h.levels.begin(), h.levels.end(), a.level) != h.levels.end() ||
        any_of(h.flags, a.flags) || any_of(h.categories, a.categories))
      out.push_back(&h);
  return out;
}

void Model::Wipe() {
  if (session_)
    session_->wipe();
  session_.reset();
  second_.reset();
  handed_over_ = false;
}

}  // namespace app
