// Fonts: subsets of Noto Sans (made at build time, fetched by web/boot.js) handed over as
// bytes. ImGui 1.92 rasterises glyphs on first use at the display's density, so one face
// serves every size. A face may have several sources (the locale's script, Latin for
// English, the language names of the start screen): the first is the face, each later one is
// merged in and used for the glyphs the earlier ones lack. Sources may arrive after the first
// frame (a language switch); glyphs already looked up are then looked up again.
#pragma once

#include <imgui.h>

namespace fonts {

enum class Face { regular, bold };

// Takes ownership of `data` (allocated with IM_ALLOC). The first call for a face makes it,
// later ones merge into it. False when the bytes are no font.
bool Add(Face face, void* data, int size);
// Some face was made: without one nothing can be drawn (the page then speaks: app::Start).
bool HasAny();
ImFont* Get(Face face);

}  // namespace fonts
