// The reasons behind the result, in plain words for this audience: shown on the result screen
// and, as part of what would be sent, on the consent screen.
#pragma once

#include "app/app.h"

namespace screens {

// One bullet per distinct text: several rules may say the same thing in plain words.
void Reasons(app::App& a);

}  // namespace screens
