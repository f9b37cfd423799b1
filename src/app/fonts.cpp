// Fonts (see fonts.h).
#include "fonts.h"

namespace fonts {

namespace {
ImFont* g_faces[2] = {nullptr, nullptr};
}

bool Add(Face face, void* data, int size) {
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = true;
  cfg.Flags |= ImFontFlags_NoLoadError;
  cfg.OversampleH = 1;  // 1.92 bakes at the display density already; oversampling only costs memory
  cfg.OversampleV = 1;
  ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, size, 0.0f, &cfg);
  if (font == nullptr)
    return false;
  g_faces[static_cast<int>(face)] = font;
  return true;
}

void EnsureSomeFont() {
  if (g_faces[0] == nullptr)
    g_faces[0] = ImGui::GetIO().Fonts->AddFontDefault();
}

ImFont* Get(Face face) {
  ImFont* f = g_faces[static_cast<int>(face)];
  return f != nullptr ? f : g_faces[0];
}

}  // namespace fonts
