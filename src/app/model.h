// What the screens show and change, over the core: the loaded content (questionnaire,
// indicator catalogue, help directory, deployment config), the message catalog of the chosen
// locale and the one session in memory. The browser hands every file over as text (see
// web/boot.js); nothing here touches the network or storage.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/assessment.h"
#include "core/document.h"
#include "core/indicators.h"
#include "core/load_error.h"
#include "core/messages.h"
#include "core/questionnaire.h"
#include "core/session.h"

namespace app {

// The deployment settings of web/config.json that the app itself uses.
struct Config {
  std::string exit_url;
  std::string intake_url;
  std::string replies_url;  // empty: this deployment offers no follow-up replies
  std::string default_locale;
  std::vector<std::string> locales;  // offered, in the order the start screen lists them
};

// An entry of web/content/help.json.
struct HelpEntry {
  std::string id, name, phone, web, hours;
  std::vector<int> levels;
  std::vector<std::string> flags, categories;
  bool always = false;
};

class Model {
 public:
  // --- Loading: files arrive one by one, then Load() checks them all at once. The start
  // part is what the questions need: the config, the questionnaire, the locale index and
  // "locales/<code>.json". The result part follows once the first question shows: the
  // indicator catalogue, the help directory and "locales/<code>.result.json" (docs/app.md).
  void AddFile(std::string name, std::string text);
  void FileFailed(std::string name, std::string reason);  // a fetch that failed
  bool Load();  // the start part; false when anything failed; Findings() says what
  bool LoadResultPart();  // the same, for the result part (its locale texts join the catalogs)
  const std::vector<signaal::Finding>& Findings() const { return findings_; }
  bool Loaded() const { return questionnaire_ != nullptr; }
  bool ResultPartLoaded() const { return catalogue_ != nullptr; }
  bool ResultPartFailed() const { return result_part_failed_; }

  // --- Locale: the catalog of the chosen locale; locale files are the site's merge of
  // locales/<code>/*.json, in its two parts.
  bool SetLocale(const std::string& code);  // false (and findings) when it cannot be built
  bool HasLocale(const std::string& code) const;
  bool HasCatalog() const { return catalog_.has_value(); }
  const signaal::LocaleInfo& Locale() const { return catalog_->info(); }
  const std::vector<signaal::LocaleInfo>& Offered() const { return offered_; }
  std::string Text(std::string_view key) const;
  std::string Format(std::string_view key, const std::map<std::string, std::string>& args) const;
  bool HasText(std::string_view key) const { return catalog_ && catalog_->has(key); }

  // --- Two languages: the person answers in the locale above, the worker reads along in this
  // one (their own, loaded when they chose it). Gone with Wipe().
  bool SetSecondLocale(const std::string& code);
  // The worker's catalog, or null when there is none or it is the person's language too.
  const signaal::Catalog* Second() const;
  // Handed over: the person answers alone and decides whether the worker sees the result.
  void SetHandedOver(bool handed_over) { handed_over_ = handed_over; }
  bool HandedOver() const { return handed_over_; }

  const Config& GetConfig() const { return config_; }
  // The whole config.json: the report's key bundle is checked from it when sending.
  const nlohmann::json& ConfigJson() const { return config_json_; }
  const signaal::Questionnaire& GetQuestionnaire() const { return *questionnaire_; }
  // The questionnaire's and the indicator catalogue's texts as loaded: the sealer names the
  // report's content by their SHA-256. Needs the result part.
  nlohmann::json ContentTexts() const;

  // --- Session: created when the person says who is filling this in.
  void Begin(signaal::Audience audience);
  signaal::Session* GetSession() { return session_.get(); }
  signaal::Audience Audience() const { return audience_; }
  // The key of a question's text in the wording its session picks: "q.<id>.<wording>".
  std::string QuestionKey(const signaal::Question& q) const;
  std::string QuestionText(const signaal::Question& q) const { return Text(QuestionKey(q)); }
  signaal::Assessment Assess() const;
  std::vector<const HelpEntry*> HelpFor(const signaal::Assessment& a) const;
  // Every answer gone, the session too (quick exit, start again).
  void Wipe();

 private:
  std::vector<signaal::Document> files_;
  std::vector<signaal::Finding> findings_;
  Config config_;
  nlohmann::json config_json_;
  std::set<std::string> read_;  // the locale files read into locales_
  bool result_part_failed_ = false;
  std::vector<signaal::LocaleInfo> offered_;
  std::vector<signaal::Locale> locales_;
  std::optional<signaal::Catalog> catalog_;
  std::optional<signaal::Catalog> second_;
  bool handed_over_ = false;
  std::unique_ptr<signaal::IndicatorCatalogue> catalogue_;
  std::unique_ptr<signaal::Questionnaire> questionnaire_;
  std::vector<HelpEntry> help_;
  signaal::Audience audience_ = signaal::Audience::self;
  std::unique_ptr<signaal::Session> session_;

  const signaal::Document* File(std::string_view name) const;
  const signaal::Document* Require(const char* name);  // the file, or a finding that it is missing
  void LoadConfig(const signaal::Document& doc);
  void LoadHelp(const signaal::Document& doc);
  void LoadLocale(const signaal::Document& merged);
  void LoadLocaleFiles();
};

}  // namespace app
