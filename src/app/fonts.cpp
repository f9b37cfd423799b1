// Fonts (see fonts.h).
#include "fonts.h"

#include <imgui_internal.h>  // ImFontAtlasFontDiscardBakes

namespace fonts {

namespace {
ImFont* g_faces[2] = {nullptr, nullptr};

// ImGui 1.92 merges a source into the atlas's last font only: the face to merge into is
// moved to the end for the call, then put back where it was (Fonts[0] stays the default).
ImFont* MergeInto(ImFont* face, ImFontConfig& cfg) {
  ImVector<ImFont*>& all = ImGui::GetIO().Fonts->Fonts;
  const int at = all.index_from_ptr(all.find(face));
  const int last = all.Size - 1;
  ImSwap(all[at], all[last]);
  cfg.MergeMode = true;
  ImFont* merged = ImGui::GetIO().Fonts->AddFont(&cfg);
  ImSwap(all[at], all[last]);
  // Glyphs looked up before this source arrived were cached as missing: forget them.
  if (merged != nullptr)
    ImFontAtlasFontDiscardBakes(ImGui::GetIO().Fonts, face, 0);
  return merged;
}
}  // namespace

bool Add(Face face, void* data, int size) {
  ImFontConfig cfg;
  cfg.FontData = data;
  cfg.FontDataSize = size;
  cfg.FontDataOwnedByAtlas = true;
  cfg.Flags |= ImFontFlags_NoLoadError;
  cfg.OversampleH = 1;  // 1.92 bakes at the display density already; oversampling only costs memory
  cfg.OversampleV = 1;
  ImFont*& slot = g_faces[static_cast<int>(face)];
  if (slot != nullptr)
    return MergeInto(slot, cfg) != nullptr;
  ImFont* font = ImGui::GetIO().Fonts->AddFont(&cfg);
  if (font == nullptr)
    return false;
  slot = font;
  return true;
}

bool HasAny() { return g_faces[0] != nullptr || g_faces[1] != nullptr; }

ImFont* Get(Face face) {
  ImFont* f = g_faces[static_cast<int>(face)];
  return f != nullptr ? f : g_faces[0];
}

}  // namespace fonts
