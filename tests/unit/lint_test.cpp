#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/lint.h"
#include "core/questionnaire.h"
#include "core/routes.h"

using namespace signaal;
namespace fs = std::filesystem;

namespace {

// Reads tests/fixtures/lint/<name> the way signaal-lint reads a checkout, naming files
// relative to the tree so the findings read as they do when the tool runs inside it.
class FixtureTree {
 public:
  explicit FixtureTree(const std::string& name) : root_(fs::path(SIGNAAL_SOURCE_DIR) / "tests/fixtures/lint" / name) {}

  Document read(const std::string& relative) const {
    std::ifstream in(root_ / relative, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return {relative, text.str()};
  }

  LintInput input() const {
    LintInput input;
    input.questionnaire = read("web/content/questionnaire.json");
    input.indicators = read("web/content/indicators.json");
    if (fs::exists(root_ / "web/content/help.json")) input.help = read("web/content/help.json");
    input.locales_directory = "locales";
    std::vector<std::string> codes;
    for (const auto& entry : fs::directory_iterator(root_ / "locales")) codes.push_back(entry.path().filename().string());
    std::sort(codes.begin(), codes.end());
    for (const std::string& code : codes) {
      LocaleDocuments locale{code, "locales/" + code, read("locales/" + code + "/locale.json"), {}};
      std::vector<std::string> files;
      for (const auto& entry : fs::directory_iterator(root_ / "locales" / code)) {
        if (entry.path().filename() != "locale.json") files.push_back(entry.path().filename().string());
      }
      std::sort(files.begin(), files.end());
      for (const std::string& file : files) locale.messages.push_back(read("locales/" + code + "/" + file));
      input.locales.push_back(std::move(locale));
    }
    return input;
  }

 private:
  fs::path root_;
};

std::vector<std::string> lines(const std::vector<LintFinding>& findings) {
  std::vector<std::string> text;
  for (const LintFinding& finding : findings) text.push_back(to_string(finding));
  return text;
}

}  // namespace

TEST_CASE("consistent content has no findings", "[lint]") {
  CHECK(lines(lint(FixtureTree("clean").input())).empty());
}

TEST_CASE("every kind of content problem is found and named", "[lint]") {
  CHECK(lines(lint(FixtureTree("broken").input())) == std::vector<std::string>{
      "web/content/questionnaire.json: /questions/2/indicators/0/id: unknown indicator \"REC_DEC.NO_SUCH\"",
      "web/content/questionnaire.json: /questions/1/audiences: asked in professional mode but has no \"professional\" wording",
      "web/content/questionnaire.json: /questions/4/when: never asked: no profile and earlier answers make it true",
      "locales/en: /q.docs_kept.why: missing: why-we-ask text of question \"docs_kept\"",
      "locales/en/messages.json: /q.old_question.self: no question uses this key",
      "locales/nl/locale.json: /fallback/1: no locale \"de\"",
      "locales/nl: /q.docs_kept.why: missing: why-we-ask text of question \"docs_kept\"",
      "locales/nl/messages.json: /q.agee.self: no question uses this key",
      "locales/nl/messages.json: /help.helpline.description: placeholders {telefoon} differ from en's {phone}",
      "locales/nl/messages.json: /q.agee.self: not in the base locale \"en\"",
      "warning: locales/nl: /q.old_question.self: missing (shows the en text)",
      "warning: locales/nl: /result.hello: missing (shows the en text)",
      "web/content/help.json: /entries/0/show/flags/1: unknown flag \"CHILD\"",
      "locales/en: /help.shelter.description: missing: description of help entry \"shelter\"",
  });
}

TEST_CASE("a questionnaire that does not load is reported, locales are still checked", "[lint]") {
  LintInput input = FixtureTree("clean").input();
  input.questionnaire.text = R"({"id": "x", "version": "1", "engine": "th-ilo-palermo-v1", "questions": []})";
  CHECK(lines(lint(input)) == std::vector<std::string>{"web/content/questionnaire.json: /questions: no questions"});
  input.locales.erase(input.locales.begin());  // no en
  CHECK(lines(lint(input)) == std::vector<std::string>{
      "web/content/questionnaire.json: /questions: no questions",
      "locales: no base locale \"en\": every locale falls back to it",
      "locales/nl/locale.json: /fallback/0: no locale \"en\"",
  });
}

TEST_CASE("an unsafe word before the result is named, after it is allowed", "[lint]") {
  LintInput input = FixtureTree("clean").input();
  LocaleDocuments& en = input.locales.front();
  REQUIRE(en.code == "en");
  en.locale.text = R"({"code": "en", "name": "EN", "dir": "ltr", "script": "Latn", "fallback": [],
                            "produced_by": "lint fixture", "reviewed": false, "unsafe_words": ["Trafficking"]})";
  en.messages.push_back({"locales/en/extra.json",
                         R"({"start.title": "Human TRAFFICKING check", "result.note": "signs of trafficking"})"});
  CHECK(lines(lint(input)) == std::vector<std::string>{
      "locales/en/extra.json: /start.title: says \"Trafficking\" before the result (unsafe_words in locale.json)",
      "warning: locales/nl: /result.note: missing (shows the en text)",
      "warning: locales/nl: /start.title: missing (shows the en text)",
  });
}

TEST_CASE("route lengths per audience and final age group", "[lint][routes]") {
  const Document file = FixtureTree("clean").read("web/content/questionnaire.json");
  const RouteSearch search = search_routes(Questionnaire::load(file.text, file.file));
  REQUIRE(search.exhaustive);
  // age, arranged, (lied_job only when arranged = yes), docs_kept.
  const auto adult = search.lengths.at({Audience::self, AgeGroup::adult});
  CHECK(adult.shortest == 3);
  CHECK(adult.longest == 4);
  CHECK(search.lengths.count({Audience::professional, AgeGroup::unknown}) == 1);  // prefer_not on age
  CHECK(search.asked_as[2] == std::set<std::pair<Audience, AgeGroup>>{
      {Audience::self, AgeGroup::adult}, {Audience::self, AgeGroup::minor}, {Audience::self, AgeGroup::unknown},
      {Audience::professional, AgeGroup::adult}, {Audience::professional, AgeGroup::minor},
      {Audience::professional, AgeGroup::unknown}});
}

TEST_CASE("the shipped content passes the lint", "[lint][content]") {
  const fs::path root = SIGNAAL_SOURCE_DIR;
  if (!fs::exists(root / "web/content/questionnaire.json")) return;  // the content issue adds it
  // The tool runs it over the checkout (tests/lint.cmake); here: every question reachable.
  std::ifstream in(root / "web/content/questionnaire.json");
  std::ostringstream text;
  text << in.rdbuf();
  const RouteSearch search = search_routes(Questionnaire::load(text.str(), "web/content/questionnaire.json"));
  CHECK(search.exhaustive);
  for (size_t i = 0; i < search.asked_as.size(); ++i) CHECK_FALSE(search.asked_as[i].empty());
}
