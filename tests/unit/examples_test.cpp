// The worked cases of the shared content model (tests/fixtures/examples.json, the project's
// copy of examples.json): each gives exactly its expected level, flags and categories.
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/assessment.h"

#include "source_files.h"

using namespace signaal;
using signaal::test::read_source_file;

TEST_CASE("the shared worked examples give their expected level, flags and categories") {
  const auto catalogue = IndicatorCatalogue::load(read_source_file("web/content/indicators.json"), "indicators.json");
  const auto examples = nlohmann::json::parse(read_source_file("tests/fixtures/examples.json"));
  REQUIRE(examples.size() == 3);
  for (const auto& example : examples) {
    INFO(example["id"].get<std::string>());
    // A case carries its story and expectations beside the contract's keys; they are ignored.
    const Assessment result = assess(catalogue, example.get<AssessmentInput>());
    CHECK(result.level == example["expected_level"].get<int>());
    CHECK(result.flags == example["expected_flags"].get<std::vector<std::string>>());
    CHECK(result.categories == example["expected_categories"].get<std::vector<std::string>>());
  }
}
