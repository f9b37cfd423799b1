// Renderer backend: draws ImGui's ImDrawData with WebGL2 and keeps ImGui's dynamic font
// atlas textures (ImGuiBackendFlags_RendererHasTextures) on the GPU. Adapted from Dear
// ImGui's imgui_impl_opengl3.cpp, cut down to WebGL2 only; the GLSL lives in shaders/.
#pragma once

struct ImDrawData;

namespace renderer {

bool Init();      // false when the shaders do not compile or link
void Shutdown();
void RenderDrawData(ImDrawData* draw_data);

}  // namespace renderer
