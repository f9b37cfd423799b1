// The screens' view of the core (see model.h).
#include "model.h"

#include <algorithm>
#include <nlohmann/json.hpp>

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
constexpr std::string_view kResultPartSuffix = ".result.json";

std::string LocaleFile(const std::string& code) { return "locales/" + code + ".json"; }
// "locales/nl.json" and "locales/nl.result.json" -> "nl".
std::string LocaleCode(const std::string& file) {
  const std::string_view name = std::string_view(file).substr(std::string_view("locales/").size());
  return std::string(name.substr(0, name.find('.')));
}

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
  read_.erase(name);  // a file sent again is read again
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

// A site locale file is one object: each member is a file of locales/<code>/ by name. The
// start part ("locales/nl.json") makes the locale; its result part ("locales/nl.result.json")
// adds to it once the locale is there.
void Model::LoadLocale(const signaal::Document& merged) {
  signaal::JsonReader r(merged.file);
  const std::optional<json> j = r.parse(merged.text);
  const bool result_part = merged.file.ends_with(kResultPartSuffix);
  if (j && !j->is_object())
    r.error("", "expected an object");
  else if (j && !result_part && !j->contains("locale.json"))
    r.error("/locale.json", "missing");
  r.throw_if_any();
  const std::string code = LocaleCode(merged.file);
  const std::string dir = "locales/" + code + "/";
  std::vector<signaal::Document> messages;
  for (const auto& [name, content] : j->items())
    if (name != "locale.json")
      messages.push_back({dir + name, content.dump()});
  const auto same = [&](const signaal::Locale& l) { return l.info.code == code; };
  const auto known = std::find_if(locales_.begin(), locales_.end(), same);
  if (result_part) {
    if (known == locales_.end())
      throw LoadError({{merged.file, "", "arrived without " + LocaleFile(code)}});
    known->add(messages);
    return;
  }
  signaal::Locale locale = signaal::Locale::load({dir + "locale.json", j->at("locale.json").dump()}, messages);
  if (known != locales_.end())
    *known = std::move(locale);
  else
    locales_.push_back(std::move(locale));
}

// Every locale file not read yet, start parts before result parts; each is read once.
void Model::LoadLocaleFiles() {
  for (const bool result_part : {false, true})
    for (const signaal::Document& d : files_)
      if (d.file.starts_with("locales/") && d.file != kLocaleIndexFile &&
          d.file.ends_with(kResultPartSuffix) == result_part && read_.insert(d.file).second)
        Collect(findings_, d.file, [&] { LoadLocale(d); });
}

const signaal::Document* Model::Require(const char* name) {
  const signaal::Document* d = File(name);
  const bool failed = std::any_of(findings_.begin(), findings_.end(), [&](const Finding& f) { return f.file == name; });
  if (d == nullptr && !failed)
    findings_.push_back({name, "", "was not loaded"});
  return d;
}

bool Model::Load() {
  if (const auto* d = Require(kConfigFile))
    Collect(findings_, d->file, [&] { LoadConfig(*d); });
  std::unique_ptr<signaal::Questionnaire> questionnaire;
  if (const auto* d = Require(kQuestionnaireFile))
    Collect(findings_, d->file, [&] {
      questionnaire = std::make_unique<signaal::Questionnaire>(signaal::Questionnaire::load(d->text, d->file));
    });
  if (const auto* d = Require(kLocaleIndexFile))
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
  questionnaire_ = std::move(questionnaire);
  return true;
}

bool Model::LoadResultPart() {
  const size_t before = findings_.size();
  std::unique_ptr<signaal::IndicatorCatalogue> catalogue;
  if (const auto* d = Require(kIndicatorsFile))
    Collect(findings_, d->file, [&] {
      catalogue = std::make_unique<signaal::IndicatorCatalogue>(signaal::IndicatorCatalogue::load(d->text, d->file));
    });
  if (const auto* d = Require(kHelpFile))
    Collect(findings_, d->file, [&] { LoadHelp(*d); });
  LoadLocaleFiles();
  // A catalog holds copies of its locales: built again, it has their result texts too.
  for (std::optional<signaal::Catalog>* catalog : {&catalog_, &second_})
    if (catalog->has_value()) {
      const std::string code = (*catalog)->info().code;
      Collect(findings_, LocaleFile(code), [&] { *catalog = signaal::Catalog::build(code, locales_); });
    }
  // Its fetches that failed were said before (FileFailed); what failed reading it, just now.
  const auto fetch_failed = [](const Finding& f) {
    return f.file == kIndicatorsFile || f.file == kHelpFile || f.file.ends_with(kResultPartSuffix);
  };
  result_part_failed_ = findings_.size() != before || std::any_of(findings_.begin(), findings_.end(), fetch_failed);
  if (result_part_failed_)
    return false;
  catalogue_ = std::move(catalogue);
  return true;
}

nlohmann::json Model::ContentTexts() const {
  return nlohmann::json::array({File(kQuestionnaireFile)->text, File(kIndicatorsFile)->text});
}

//-----------------------------------------------------------------------------
// Locale
//-----------------------------------------------------------------------------

bool Model::HasLocale(const std::string& code) const {
  return std::any_of(locales_.begin(), locales_.end(), [&](const signaal::Locale& l) { return l.info.code == code; });
}

bool Model::SetLocale(const std::string& code) {
  const size_t before = findings_.size();
  LoadLocaleFiles();
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
