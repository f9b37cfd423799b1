#include <catch2/catch.hpp>

#include "core/messages.h"

using namespace signaal;

namespace {

Document locale_json(const std::string& code, const std::string& fallback) {
  return {"locales/" + code + "/locale.json",
          R"({"code": ")" + code + R"(", "name": "x", "dir": "ltr", "script": "Latn", "fallback": )" + fallback +
              R"(, "produced_by": "test", "reviewed": false})"};
}

std::vector<std::string> load_findings(const Document& locale, const std::vector<Document>& files) {
  try {
    Locale::load(locale, files);
  } catch (const LoadError& e) {
    std::vector<std::string> lines;
    for (const Finding& finding : e.findings()) lines.push_back(to_string(finding));
    return lines;
  }
  return {};
}

std::vector<Locale> three_locales() {
  return {
      Locale::load(locale_json("en", "[]"),
                   {{"locales/en/ui.json", R"({"greeting": "Hello {name}", "only.en": "English", "exit": "Exit"})"}}),
      Locale::load(locale_json("ro", R"(["nl", "en"])"), {{"locales/ro/ui.json", R"({"exit": "Ieșire"})"}}),
      Locale::load(locale_json("nl", R"(["en"])"), {{"locales/nl/ui.json", R"({"exit": "Sluiten", "greeting": "Hallo {name}"})"}}),
  };
}

}  // namespace

TEST_CASE("locale metadata", "[messages]") {
  const Locale ar = Locale::load(
      {"locales/ar/locale.json",
       R"({"code": "ar", "name": "العربية", "dir": "rtl", "script": "Arab", "fallback": ["en"],
           "produced_by": "machine translation, not reviewed", "reviewed": false})"},
      {});
  CHECK(ar.info.dir == TextDirection::rtl);
  CHECK(ar.info.script == "Arab");
  CHECK(ar.info.fallback == std::vector<std::string>{"en"});
  CHECK_FALSE(ar.info.reviewed);
}

TEST_CASE("text follows the fallback chain", "[messages]") {
  const Catalog catalog = Catalog::build("ro", three_locales());
  CHECK(catalog.chain() == std::vector<std::string>{"ro", "nl", "en"});
  CHECK(catalog.text("exit") == "Ieșire");
  CHECK(catalog.text("greeting") == "Hallo {name}");
  CHECK(catalog.text("only.en") == "English");
  CHECK(catalog.missing().empty());
  CHECK_THROWS_AS(Catalog::build("fr", three_locales()), std::invalid_argument);
}

TEST_CASE("a key no locale has is shown by name and reported", "[messages]") {
  const Catalog catalog = Catalog::build("nl", three_locales());
  CHECK(catalog.text("q.age.self") == "[q.age.self]");
  CHECK(catalog.text("q.age.self") == "[q.age.self]");
  CHECK(catalog.text("section.about") == "[section.about]");
  CHECK(catalog.missing() == std::vector<std::string>{"q.age.self", "section.about"});
  CHECK_FALSE(catalog.has("q.age.self"));
  CHECK(catalog.has("only.en"));
}

TEST_CASE("format substitutes placeholders and reports mismatches", "[messages]") {
  const Catalog catalog = Catalog::build("en", three_locales());
  CHECK(catalog.format("greeting", {{"name", "Ana"}}) == "Hello Ana");
  CHECK(catalog.format_problems().empty());
  CHECK(catalog.format("greeting", {}) == "Hello {name}");
  CHECK(catalog.format("exit", {{"phone", "112"}}) == "Exit");
  CHECK(catalog.format_problems() == std::vector<std::string>{"greeting: no value for {name}", "exit: unused argument {phone}"});
}

TEST_CASE("placeholders are {name} with a-z, 0-9 and _", "[messages]") {
  CHECK(placeholders("Call {phone} ({hours}), {phone}") == std::set<std::string>{"hours", "phone"});
  CHECK(placeholders("{Not} { spaced } {} {ok_1} {unclosed").size() == 1);
}

TEST_CASE("load errors: duplicates across and within files, bad values, bad metadata", "[messages]") {
  CHECK(load_findings(locale_json("nl", "[\"en\"]"),
                      {{"locales/nl/a.json", R"({"exit": "Sluiten", "n": 3, "empty": ""})"},
                       {"locales/nl/b.json", R"({"exit": "Weg", "x": "1", "x": "2"})"}}) ==
        std::vector<std::string>{
            "locales/nl/a.json: /empty: empty text",
            "locales/nl/a.json: /n: expected a text (a string)",
            "locales/nl/b.json: /x: key defined twice in this file",
            "locales/nl/b.json: /exit: also defined in locales/nl/a.json (a key lives in exactly one file)",
        });
  CHECK(load_findings({"locales/xx/locale.json", R"({"code": "xx", "name": "x", "dir": "up", "fallback": ["xx"],
                                                     "produced_by": "t", "reviewed": "no"})"},
                      {}) ==
        std::vector<std::string>{
            "locales/xx/locale.json: /dir: unknown direction \"up\" (ltr, rtl)",
            "locales/xx/locale.json: missing field \"script\"",
            "locales/xx/locale.json: /fallback/0: a locale cannot fall back to itself",
            "locales/xx/locale.json: /reviewed: expected true or false",
        });
}

TEST_CASE("a part that arrives later adds its texts, or nothing when it has a problem", "[messages]") {
  Locale nl = Locale::load(locale_json("nl", "[]"), {{"locales/nl/ui.json", R"({"exit": "Sluiten"})"}});
  nl.add({{"locales/nl/results.json", R"({"result.title": "Uitkomst"})"}});
  CHECK(nl.messages.at("result.title") == "Uitkomst");
  CHECK(nl.key_file.at("result.title") == "locales/nl/results.json");
  CHECK(nl.messages.at("exit") == "Sluiten");

  try {
    nl.add({{"locales/nl/help.json", R"({"help.x": "x", "exit": "Weg"})"}});
    FAIL("a key defined again was taken");
  } catch (const LoadError& e) {
    REQUIRE(e.findings().size() == 1);
    CHECK(to_string(e.findings()[0]) ==
          "locales/nl/help.json: /exit: also defined in locales/nl/ui.json (a key lives in exactly one file)");
  }
  CHECK(nl.messages.count("help.x") == 0);  // nothing of the failed part was kept
  CHECK(nl.messages.at("exit") == "Sluiten");
}
