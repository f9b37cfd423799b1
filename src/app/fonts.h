// Fonts: subsets of Noto Sans (made at build time, fetched by web/boot.js) handed over as
// bytes. ImGui 1.92 rasterises glyphs on first use at the display's density, so one face
// serves every size. Per-script faces (Arabic, Ethiopic, CJK) are added the same way later.
#pragma once

#include <imgui.h>

namespace fonts {

enum class Face { regular, bold };

// Takes ownership of `data` (allocated with IM_ALLOC). False when the bytes are no font.
bool Add(Face face, void* data, int size);
// ImGui's built-in face, so that an error about a missing font can still be read.
void EnsureSomeFont();
ImFont* Get(Face face);

}  // namespace fonts
