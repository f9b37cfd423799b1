// The indicator catalogue (web/content/indicators.json): language-neutral indicators with
// their dimension, grade per scoring profile and ICLS role. See shared content-model MODEL.md.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace signaal {

enum class Dimension { ACT, REC_DEC, REC_COE, REC_VUL, EXP, DEST_COE, DEST_VUL, RISK_MINOR, CTX, SAFE };
enum class Grade { none, W, M, S };            // "-" is none
enum class ScoringProfile { AL, AS, CL, CS };  // adult labour/sexual, child labour/sexual
enum class IclsRole { none, invol, coerc };

std::string_view to_string(Dimension);
std::optional<Dimension> dimension_from_string(std::string_view);
std::string_view to_string(Grade);  // "S", "M", "W", "-"
std::optional<Grade> grade_from_string(std::string_view);
std::string_view to_string(ScoringProfile);  // "AL", "AS", "CL", "CS"
std::string_view to_string(IclsRole);        // "invol", "coerc"; none is JSON null, "none" here

// The six dimensions that get a status (REC_DEC, REC_COE, REC_VUL, EXP, DEST_COE, DEST_VUL).
bool is_graded(Dimension);
inline constexpr std::array<Dimension, 6> kGradedDimensions = {
    Dimension::REC_DEC, Dimension::REC_COE, Dimension::REC_VUL,
    Dimension::EXP,     Dimension::DEST_COE, Dimension::DEST_VUL};

// The first segment of an indicator id in this dimension: the dimension's name, except
// RISK_MINOR whose indicators are MIN.*.
std::string_view id_prefix(Dimension);

struct Indicator {
  std::string id;  // "DEST_COE.DOCUMENTS"
  Dimension dimension{};
  std::array<Grade, 4> strength{};  // indexed by ScoringProfile
  std::vector<std::string> categories;
  std::vector<int> ilo11;
  IclsRole icls = IclsRole::none;
  std::string nl_273f;
  std::vector<std::string> sources;
  std::string label;  // English, for tools and reasons; the app shows locale texts

  Grade grade(ScoringProfile p) const { return strength[static_cast<size_t>(p)]; }
};

// The catalogue's JSON form of one indicator (what load reads back).
void to_json(nlohmann::json& j, const Indicator& indicator);

class IndicatorCatalogue {
 public:
  // Parses and validates the whole catalogue; throws LoadError naming `file` and the JSON
  // pointer of every problem (unknown dimension, grade, icls role, duplicate id, ...).
  static IndicatorCatalogue load(const std::string& json_text, const std::string& file);

  const Indicator* find(std::string_view id) const;  // nullptr when unknown
  const std::vector<Indicator>& all() const { return indicators_; }

 private:
  std::vector<Indicator> indicators_;
  std::map<std::string, size_t, std::less<>> index_;
};

}  // namespace signaal
