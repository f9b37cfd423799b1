// The indicator catalogue loader: the shipped catalogue loads whole; every broken fixture
// under tests/fixtures/indicators/ fails with exactly the finding that names its problem.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/indicators.h"
#include "core/load_error.h"

#include "source_files.h"

using namespace signaal;
using signaal::test::read_source_file;

namespace {

// The findings of loading fixture `name`, printed as the tools print them.
std::vector<std::string> findings_of_fixture(const std::string& name) {
  try {
    IndicatorCatalogue::load(read_source_file("tests/fixtures/indicators/" + name), name);
  } catch (const LoadError& error) {
    std::vector<std::string> printed;
    for (const Finding& finding : error.findings()) printed.push_back(to_string(finding));
    return printed;
  }
  FAIL("fixture " << name << " loaded without findings");
  return {};
}

}  // namespace

TEST_CASE("the shipped catalogue loads all 80 indicators with their grades and roles") {
  const auto catalogue = IndicatorCatalogue::load(read_source_file("web/content/indicators.json"), "indicators.json");
  REQUIRE(catalogue.all().size() == 80);

  const Indicator* tasks = catalogue.find("DEST_COE.FORCED_TASKS_CLIENTS");
  REQUIRE(tasks != nullptr);
  CHECK(tasks->dimension == Dimension::DEST_COE);
  CHECK(tasks->grade(ScoringProfile::AL) == Grade::M);
  CHECK(tasks->grade(ScoringProfile::AS) == Grade::S);
  CHECK(tasks->icls == IclsRole::invol);

  const Indicator* runaway = catalogue.find("MIN.RUNAWAY");
  REQUIRE(runaway != nullptr);
  CHECK(runaway->dimension == Dimension::RISK_MINOR);
  CHECK(runaway->grade(ScoringProfile::CS) == Grade::none);
  CHECK(runaway->icls == IclsRole::none);

  const Indicator* debt = catalogue.find("DEST_COE.DEBT_BONDAGE");
  REQUIRE(debt != nullptr);
  CHECK(debt->ilo11 == std::vector<int>{9});
  CHECK(debt->label == "debt that must be worked off and keeps growing/uncontrolled");

  CHECK(catalogue.find("DEST_COE.NOT_THERE") == nullptr);
  CHECK(catalogue.all().front().id == "ACT.RECRUITED");
}

TEST_CASE("an indicator converts back to the catalogue's JSON form") {
  const std::string text = read_source_file("tests/fixtures/indicators/valid.json");
  const auto catalogue = IndicatorCatalogue::load(text, "valid.json");
  CHECK(nlohmann::json(catalogue.all()) == nlohmann::json::parse(text));
}

TEST_CASE("each broken catalogue fails with the exact finding") {
  using Findings = std::vector<std::string>;
  CHECK(findings_of_fixture("bad_grade.json") == Findings{"bad_grade.json: /1/strength/AS: unknown grade \"X\""});
  CHECK(findings_of_fixture("unknown_dimension.json") ==
        Findings{"unknown_dimension.json: /1/dimension: unknown dimension \"EXPLOIT\""});
  CHECK(findings_of_fixture("missing_field.json") == Findings{"missing_field.json: /0: missing field \"label\""});
  CHECK(findings_of_fixture("wrong_type.json") == Findings{"wrong_type.json: /0/ilo11: expected an array"});
  CHECK(findings_of_fixture("duplicate_id.json") ==
        Findings{"duplicate_id.json: /2/id: duplicate id \"DEST_COE.DOCUMENTS\" (first at /0)"});
  CHECK(findings_of_fixture("prefix_mismatch.json") ==
        Findings{"prefix_mismatch.json: /0/id: id \"EXP.DOCUMENTS\" does not match dimension DEST_COE "
                 "(expected prefix \"DEST_COE.\")"});
  CHECK(findings_of_fixture("bad_icls.json") ==
        Findings{"bad_icls.json: /0/icls: unknown ICLS role \"coercion\" (expected \"invol\", \"coerc\" or null)"});
  CHECK(findings_of_fixture("missing_profile.json") == Findings{"missing_profile.json: /0/strength: missing field \"CS\""});
  CHECK(findings_of_fixture("unknown_profile.json") ==
        Findings{"unknown_profile.json: /0/strength/XS: unknown field \"XS\""});
  CHECK(findings_of_fixture("ilo_out_of_range.json") ==
        Findings{"ilo_out_of_range.json: /1/ilo11/1: ILO indicator 12 is not between 1 and 11"});
  CHECK(findings_of_fixture("unknown_category.json") ==
        Findings{"unknown_category.json: /0/categories/1: unknown category \"labor\""});
  CHECK(findings_of_fixture("malformed_id.json") ==
        Findings{"malformed_id.json: /0/id: malformed id \"dest_coe.documents\": expected dot-separated parts of "
                 "A-Z, 0-9 and _"});
  CHECK(findings_of_fixture("empty_label.json") == Findings{"empty_label.json: /0/label: must not be empty"});
  CHECK(findings_of_fixture("not_an_array.json") == Findings{"not_an_array.json: expected an array"});
}

TEST_CASE("malformed JSON is one finding with the parse error's position") {
  CHECK(findings_of_fixture("malformed.json") ==
        std::vector<std::string>{"malformed.json: not valid JSON: parse error at line 4, column 24: syntax error "
                                 "while parsing object separator - unexpected string literal; expected ':'"});
}

TEST_CASE("every problem of a catalogue is reported, in document order, and what() lists them") {
  const std::vector<std::string> expected = {
      "many_errors.json: /0/lable: unknown field \"lable\"",
      "many_errors.json: /0: missing field \"dimension\"",
      "many_errors.json: /0/strength/CL: unknown grade \"strong\"",
      "many_errors.json: /0/icls: unknown ICLS role 3 (expected \"invol\", \"coerc\" or null)",
      "many_errors.json: /0: missing field \"label\"",
  };
  CHECK(findings_of_fixture("many_errors.json") == expected);
  try {
    IndicatorCatalogue::load(read_source_file("tests/fixtures/indicators/many_errors.json"), "many_errors.json");
  } catch (const LoadError& error) {
    CHECK(std::string(error.what()) == expected[0] + "\n" + expected[1] + "\n" + expected[2] + "\n" + expected[3] +
                                           "\n" + expected[4]);
  }
}

TEST_CASE("a finding prints as file: pointer: message, or file: message for the whole document") {
  CHECK(to_string(Finding{"indicators.json", "/12/strength/AS", "unknown grade \"X\""}) ==
        "indicators.json: /12/strength/AS: unknown grade \"X\"");
  CHECK(to_string(Finding{"input", "", "expected an object"}) == "input: expected an object");
}

TEST_CASE("grade, dimension and id prefix names round-trip") {
  for (const char* name : {"S", "M", "W", "-"}) CHECK(to_string(*grade_from_string(name)) == name);
  CHECK_FALSE(grade_from_string("X").has_value());
  CHECK(dimension_from_string("RISK_MINOR") == Dimension::RISK_MINOR);
  CHECK_FALSE(dimension_from_string("EXPLOIT").has_value());
  CHECK(id_prefix(Dimension::RISK_MINOR) == "MIN");
  CHECK(id_prefix(Dimension::DEST_COE) == "DEST_COE");
  CHECK(is_graded(Dimension::DEST_VUL));
  CHECK_FALSE(is_graded(Dimension::RISK_MINOR));
}
