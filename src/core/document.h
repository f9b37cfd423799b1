// A data file as a caller hands it to the core, which never opens files itself: the name
// findings should carry ("locales/nl/questionnaire.json") and the text.
#pragma once

#include <string>

namespace signaal {

struct Document {
  std::string file;
  std::string text;
};

}  // namespace signaal
