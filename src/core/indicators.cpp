#include "indicators.h"

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "json_reader.h"

namespace signaal {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 10> kDimensionNames = {
    "ACT", "REC_DEC", "REC_COE", "REC_VUL", "EXP", "DEST_COE", "DEST_VUL", "RISK_MINOR", "CTX", "SAFE"};
constexpr std::array<ScoringProfile, 4> kProfiles = {ScoringProfile::AL, ScoringProfile::AS,
                                                     ScoringProfile::CL, ScoringProfile::CS};
// The activities plus the catalogue's own groupings; a typo here would silently drop an
// indicator from every category-based view, so unknown names are errors.
const std::set<std::string, std::less<>> kKnownCategories = {
    "labour", "domestic", "sexual",  "criminal", "begging", "other",
    "general", "minors",  "financial", "context", "safety"};

bool is_id_part_char(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'; }

// PREFIX.NAME[.NAME...]: dot-separated, non-empty parts of capitals, digits and underscores.
bool is_well_formed_id(std::string_view id) {
  if (id.find('.') == std::string_view::npos) return false;
  size_t part_length = 0;
  for (char c : id) {
    if (c == '.') {
      if (part_length == 0) return false;
      part_length = 0;
    } else if (is_id_part_char(c)) {
      ++part_length;
    } else {
      return false;
    }
  }
  return part_length > 0;
}

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// Reads one catalogue document, recording every problem instead of stopping at the first.
class CatalogueReader {
 public:
  explicit CatalogueReader(JsonReader& reader) : reader_(reader) {}

  std::vector<Indicator> read(const json& document) {
    std::vector<Indicator> indicators;
    if (!reader_.array(document, "")) return indicators;
    std::map<std::string, std::string, std::less<>> first_pointer_of_id;
    for (size_t i = 0; i < document.size(); ++i) {
      const std::string pointer = pointer_append("", i);
      Indicator indicator = read_indicator(document[i], pointer);
      if (indicator.id.empty()) continue;
      const auto [first, inserted] = first_pointer_of_id.emplace(indicator.id, pointer);
      if (!inserted) {
        reader_.error(pointer + "/id", "duplicate id " + in_quotes(indicator.id) + " (first at " + first->second + ")");
      }
      indicators.push_back(std::move(indicator));
    }
    return indicators;
  }

 private:
  Indicator read_indicator(const json& entry, const std::string& pointer) {
    Indicator indicator;
    if (!reader_.object(entry, pointer, {"id", "dimension", "strength", "categories", "ilo11", "icls", "nl_273f",
                                         "sources", "label"})) {
      return indicator;
    }
    std::optional<Dimension> dimension;
    if (const auto name = reader_.string(entry, "dimension", pointer, true)) {
      dimension = dimension_from_string(*name);
      if (dimension) {
        indicator.dimension = *dimension;
      } else {
        reader_.error(pointer + "/dimension", "unknown dimension " + in_quotes(*name));
      }
    }
    if (const auto id = reader_.string(entry, "id", pointer, true)) indicator.id = checked_id(*id, pointer + "/id", dimension);
    if (const json* strength = required_field(entry, "strength", pointer)) read_strength(*strength, pointer + "/strength", indicator);
    if (const json* categories = reader_.array_field(entry, "categories", pointer, true)) {
      indicator.categories = read_categories(*categories, pointer + "/categories");
    }
    if (const json* ilo11 = reader_.array_field(entry, "ilo11", pointer, true)) indicator.ilo11 = read_ilo11(*ilo11, pointer + "/ilo11");
    if (const json* icls = required_field(entry, "icls", pointer)) indicator.icls = read_icls(*icls, pointer + "/icls");
    if (const auto text = reader_.string(entry, "nl_273f", pointer, true)) indicator.nl_273f = non_empty(*text, pointer + "/nl_273f");
    if (const json* sources = reader_.array_field(entry, "sources", pointer, true)) {
      indicator.sources = read_strings(*sources, pointer + "/sources");
    }
    if (const auto label = reader_.string(entry, "label", pointer, true)) indicator.label = non_empty(*label, pointer + "/label");
    return indicator;
  }

  // For fields whose type varies (an object, a string or null): present or "missing field".
  const json* required_field(const json& entry, std::string_view key, const std::string& pointer) {
    const auto found = entry.find(key);
    if (found != entry.end()) return &*found;
    reader_.error(pointer, "missing field " + in_quotes(key));
    return nullptr;
  }

  // The id when it can serve as a key (well formed), else "". A prefix that contradicts the
  // dimension is reported but the id is kept, so duplicates are still found.
  std::string checked_id(const std::string& id, const std::string& pointer, std::optional<Dimension> dimension) {
    if (!is_well_formed_id(id)) {
      reader_.error(pointer, "malformed id " + in_quotes(id) + ": expected dot-separated parts of A-Z, 0-9 and _");
      return {};
    }
    const std::string_view prefix = std::string_view(id).substr(0, id.find('.'));
    if (dimension && prefix != id_prefix(*dimension)) {
      reader_.error(pointer, "id " + in_quotes(id) + " does not match dimension " + std::string(to_string(*dimension)) +
                                 " (expected prefix " + in_quotes(std::string(id_prefix(*dimension)) + ".") + ")");
    }
    return id;
  }

  void read_strength(const json& strength, const std::string& pointer, Indicator& indicator) {
    if (!reader_.object(strength, pointer, {"AL", "AS", "CL", "CS"})) return;
    for (ScoringProfile profile : kProfiles) {
      const auto text = reader_.string(strength, to_string(profile), pointer, true);
      if (!text) continue;
      const auto grade = grade_from_string(*text);
      if (grade) {
        indicator.strength[static_cast<size_t>(profile)] = *grade;
      } else {
        reader_.error(pointer_append(pointer, to_string(profile)), "unknown grade " + in_quotes(*text));
      }
    }
  }

  std::vector<std::string> read_strings(const json& array, const std::string& pointer) {
    std::vector<std::string> strings;
    for (size_t i = 0; i < array.size(); ++i) {
      const std::string item_pointer = pointer_append(pointer, i);
      if (array[i].is_string()) {
        strings.push_back(non_empty(array[i].get<std::string>(), item_pointer));
      } else {
        reader_.error(item_pointer, "expected a string");
      }
    }
    return strings;
  }

  std::vector<std::string> read_categories(const json& array, const std::string& pointer) {
    std::vector<std::string> categories;
    for (size_t i = 0; i < array.size(); ++i) {
      const std::string item_pointer = pointer_append(pointer, i);
      if (!array[i].is_string()) {
        reader_.error(item_pointer, "expected a string");
      } else if (!kKnownCategories.contains(array[i].get<std::string>())) {
        reader_.error(item_pointer, "unknown category " + in_quotes(array[i].get<std::string>()));
      } else {
        categories.push_back(array[i].get<std::string>());
      }
    }
    return categories;
  }

  std::vector<int> read_ilo11(const json& array, const std::string& pointer) {
    std::vector<int> numbers;
    for (size_t i = 0; i < array.size(); ++i) {
      const std::string item_pointer = pointer_append(pointer, i);
      if (!array[i].is_number_integer()) {
        reader_.error(item_pointer, "expected an integer");
        continue;
      }
      const auto number = array[i].get<long long>();
      if (number < 1 || number > 11) {
        reader_.error(item_pointer, "ILO indicator " + std::to_string(number) + " is not between 1 and 11");
        continue;
      }
      numbers.push_back(static_cast<int>(number));
    }
    return numbers;
  }

  IclsRole read_icls(const json& value, const std::string& pointer) {
    if (value.is_null()) return IclsRole::none;
    if (value == "invol") return IclsRole::invol;
    if (value == "coerc") return IclsRole::coerc;
    const std::string shown = value.is_string() ? in_quotes(value.get<std::string>()) : value.dump();
    reader_.error(pointer, "unknown ICLS role " + shown + " (expected \"invol\", \"coerc\" or null)");
    return IclsRole::none;
  }

  std::string non_empty(const std::string& text, const std::string& pointer) {
    if (text.empty()) reader_.error(pointer, "must not be empty");
    return text;
  }

  JsonReader& reader_;
};

}  // namespace

std::string_view to_string(Dimension dimension) { return kDimensionNames[static_cast<size_t>(dimension)]; }

std::optional<Dimension> dimension_from_string(std::string_view text) {
  const auto found = std::find(kDimensionNames.begin(), kDimensionNames.end(), text);
  if (found == kDimensionNames.end()) return std::nullopt;
  return static_cast<Dimension>(found - kDimensionNames.begin());
}

std::string_view to_string(Grade grade) {
  switch (grade) {
    case Grade::S: return "S";
    case Grade::M: return "M";
    case Grade::W: return "W";
    case Grade::none: return "-";
  }
  return "-";
}

std::optional<Grade> grade_from_string(std::string_view text) {
  if (text == "S") return Grade::S;
  if (text == "M") return Grade::M;
  if (text == "W") return Grade::W;
  if (text == "-") return Grade::none;
  return std::nullopt;
}

std::string_view to_string(ScoringProfile profile) {
  switch (profile) {
    case ScoringProfile::AL: return "AL";
    case ScoringProfile::AS: return "AS";
    case ScoringProfile::CL: return "CL";
    case ScoringProfile::CS: return "CS";
  }
  return "AL";
}

std::string_view to_string(IclsRole role) {
  switch (role) {
    case IclsRole::invol: return "invol";
    case IclsRole::coerc: return "coerc";
    case IclsRole::none: return "none";
  }
  return "none";
}

bool is_graded(Dimension dimension) {
  return std::find(kGradedDimensions.begin(), kGradedDimensions.end(), dimension) != kGradedDimensions.end();
}

std::string_view id_prefix(Dimension dimension) {
  return dimension == Dimension::RISK_MINOR ? "MIN" : to_string(dimension);
}

void to_json(json& j, const Indicator& indicator) {
  json strength = json::object();
  for (ScoringProfile profile : kProfiles) {
    strength[std::string(to_string(profile))] = to_string(indicator.grade(profile));
  }
  j = json{{"id", indicator.id},
           {"dimension", to_string(indicator.dimension)},
           {"strength", std::move(strength)},
           {"categories", indicator.categories},
           {"ilo11", indicator.ilo11},
           {"icls", indicator.icls == IclsRole::none ? json(nullptr) : json(to_string(indicator.icls))},
           {"nl_273f", indicator.nl_273f},
           {"sources", indicator.sources},
           {"label", indicator.label}};
}

IndicatorCatalogue IndicatorCatalogue::load(const std::string& json_text, const std::string& file) {
  JsonReader reader(file);
  IndicatorCatalogue catalogue;
  if (const auto document = reader.parse(json_text)) catalogue.indicators_ = CatalogueReader(reader).read(*document);
  reader.throw_if_any();
  for (size_t i = 0; i < catalogue.indicators_.size(); ++i) catalogue.index_.emplace(catalogue.indicators_[i].id, i);
  return catalogue;
}

const Indicator* IndicatorCatalogue::find(std::string_view id) const {
  const auto found = index_.find(id);
  return found == index_.end() ? nullptr : &indicators_[found->second];
}

}  // namespace signaal
