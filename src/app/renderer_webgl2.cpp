// Renderer backend for WebGL2 (see renderer_webgl2.h).
// Index
// - [SECTION] Data
// - [SECTION] Textures
// - [SECTION] Device objects
// - [SECTION] Render

#include "renderer_webgl2.h"

#include <GLES3/gl3.h>
#include <imgui.h>

#include <cstddef>
#include <cstdint>

#include "shaders_embedded.h"  // generated from shaders/*.glsl by app.cmake

namespace renderer {

//-----------------------------------------------------------------------------
// [SECTION] Data
//-----------------------------------------------------------------------------

namespace {

struct Data {
  GLuint program = 0;
  GLint loc_texture = 0;
  GLint loc_proj = 0;
  GLuint vbo = 0;
  GLuint ebo = 0;
  GLuint vao = 0;
};

Data g;

GLuint ToGl(ImTextureID id) { return static_cast<GLuint>(static_cast<intptr_t>(id)); }

//-----------------------------------------------------------------------------
// [SECTION] Textures
//-----------------------------------------------------------------------------

void DestroyTexture(ImTextureData* tex) {
  GLuint id = ToGl(tex->GetTexID());
  glDeleteTextures(1, &id);
  tex->SetTexID(ImTextureID_Invalid);
  tex->SetStatus(ImTextureStatus_Destroyed);
}

// ImGui 1.92 grows and patches its atlas while running (glyphs are rasterised on first use,
// at the display's density): create, update regions of, or destroy GPU textures on request.
void UpdateTexture(ImTextureData* tex) {
  if (tex->Status == ImTextureStatus_WantCreate) {
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    // Glyphs are baked at the display's density, one texel per device pixel: nearest sampling
    // keeps their edges as rasterised, where linear sampling at the fractional device offsets
    // a CSS-px layout lands on (x 2.6, x 3) blurs every stroke. Lines are drawn as geometry
    // (ImFontAtlasFlags_NoBakedLines), so nothing else needs the texture filtered.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, tex->Width, tex->Height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 tex->GetPixels());
    tex->SetTexID(static_cast<ImTextureID>(id));
    tex->SetStatus(ImTextureStatus_OK);
  } else if (tex->Status == ImTextureStatus_WantUpdates) {
    glBindTexture(GL_TEXTURE_2D, ToGl(tex->GetTexID()));
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, tex->Width);  // WebGL2 has it, unlike WebGL1
    for (const ImTextureRect& r : tex->Updates)
      glTexSubImage2D(GL_TEXTURE_2D, 0, r.x, r.y, r.w, r.h, GL_RGBA, GL_UNSIGNED_BYTE,
                      tex->GetPixelsAt(r.x, r.y));
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    tex->SetStatus(ImTextureStatus_OK);
  } else if (tex->Status == ImTextureStatus_WantDestroy && tex->UnusedFrames > 0) {
    DestroyTexture(tex);
  }
}

//-----------------------------------------------------------------------------
// [SECTION] Device objects
//-----------------------------------------------------------------------------

GLuint CompileShader(GLenum type, const char* source) {
  GLuint shader = glCreateShader(type);
  glShaderSource(shader, 1, &source, nullptr);
  glCompileShader(shader);
  GLint ok = GL_FALSE;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (ok == GL_FALSE) {
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

}  // namespace

bool Init() {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = "signaal_webgl2";
  io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
  io.Fonts->Flags |= ImFontAtlasFlags_NoBakedLines;

  GLuint vs = CompileShader(GL_VERTEX_SHADER, shaders::kImguiVert);
  GLuint fs = CompileShader(GL_FRAGMENT_SHADER, shaders::kImguiFrag);
  if (vs == 0 || fs == 0)
    return false;
  g.program = glCreateProgram();
  glAttachShader(g.program, vs);
  glAttachShader(g.program, fs);
  glLinkProgram(g.program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = GL_FALSE;
  glGetProgramiv(g.program, GL_LINK_STATUS, &ok);
  if (ok == GL_FALSE)
    return false;
  g.loc_texture = glGetUniformLocation(g.program, "Texture");
  g.loc_proj = glGetUniformLocation(g.program, "ProjMtx");

  glGenBuffers(1, &g.vbo);
  glGenBuffers(1, &g.ebo);
  glGenVertexArrays(1, &g.vao);
  glBindVertexArray(g.vao);
  glBindBuffer(GL_ARRAY_BUFFER, g.vbo);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.ebo);
  glEnableVertexAttribArray(0);
  glEnableVertexAttribArray(1);
  glEnableVertexAttribArray(2);
  const GLsizei stride = sizeof(ImDrawVert);
  glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<void*>(offsetof(ImDrawVert, pos)));
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                        reinterpret_cast<void*>(offsetof(ImDrawVert, uv)));
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                        reinterpret_cast<void*>(offsetof(ImDrawVert, col)));
  glBindVertexArray(0);
  return true;
}

void Shutdown() {
  for (ImTextureData* tex : ImGui::GetPlatformIO().Textures)
    if (tex->RefCount == 1 && tex->GetTexID() != ImTextureID_Invalid)
      DestroyTexture(tex);
  glDeleteVertexArrays(1, &g.vao);
  glDeleteBuffers(1, &g.vbo);
  glDeleteBuffers(1, &g.ebo);
  glDeleteProgram(g.program);
  g = Data{};
  ImGuiIO& io = ImGui::GetIO();
  io.BackendRendererName = nullptr;
  io.BackendFlags &= ~ImGuiBackendFlags_RendererHasTextures;
}

//-----------------------------------------------------------------------------
// [SECTION] Render
//-----------------------------------------------------------------------------

// The canvas belongs to this renderer alone, so no GL state is saved and restored.
void RenderDrawData(ImDrawData* draw_data) {
  const float fb_w = draw_data->DisplaySize.x * draw_data->FramebufferScale.x;
  const float fb_h = draw_data->DisplaySize.y * draw_data->FramebufferScale.y;
  if (fb_w <= 0.0f || fb_h <= 0.0f)
    return;

  if (draw_data->Textures != nullptr)
    for (ImTextureData* tex : *draw_data->Textures)
      if (tex->Status != ImTextureStatus_OK)
        UpdateTexture(tex);

  glViewport(0, 0, static_cast<GLsizei>(fb_w), static_cast<GLsizei>(fb_h));
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  glEnable(GL_SCISSOR_TEST);

  const float l = draw_data->DisplayPos.x;
  const float r = draw_data->DisplayPos.x + draw_data->DisplaySize.x;
  const float t = draw_data->DisplayPos.y;
  const float b = draw_data->DisplayPos.y + draw_data->DisplaySize.y;
  const float ortho[4][4] = {
      {2.0f / (r - l), 0.0f, 0.0f, 0.0f},
      {0.0f, 2.0f / (t - b), 0.0f, 0.0f},
      {0.0f, 0.0f, -1.0f, 0.0f},
      {(r + l) / (l - r), (t + b) / (b - t), 0.0f, 1.0f},
  };
  glUseProgram(g.program);
  glUniform1i(g.loc_texture, 0);
  glUniformMatrix4fv(g.loc_proj, 1, GL_FALSE, &ortho[0][0]);
  glActiveTexture(GL_TEXTURE0);
  glBindVertexArray(g.vao);

  const ImVec2 clip_off = draw_data->DisplayPos;
  const ImVec2 clip_scale = draw_data->FramebufferScale;
  for (const ImDrawList* list : draw_data->CmdLists) {
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list->VtxBuffer.Size) * sizeof(ImDrawVert),
                 list->VtxBuffer.Data, GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(list->IdxBuffer.Size) * sizeof(ImDrawIdx),
                 list->IdxBuffer.Data, GL_STREAM_DRAW);
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback != nullptr)
        continue;  // the app registers no draw callbacks
      const ImVec2 min((cmd.ClipRect.x - clip_off.x) * clip_scale.x,
                       (cmd.ClipRect.y - clip_off.y) * clip_scale.y);
      const ImVec2 max((cmd.ClipRect.z - clip_off.x) * clip_scale.x,
                       (cmd.ClipRect.w - clip_off.y) * clip_scale.y);
      if (max.x <= min.x || max.y <= min.y)
        continue;
      glScissor(static_cast<GLint>(min.x), static_cast<GLint>(fb_h - max.y),
                static_cast<GLsizei>(max.x - min.x), static_cast<GLsizei>(max.y - min.y));
      glBindTexture(GL_TEXTURE_2D, ToGl(cmd.GetTexID()));
      // WebGL2 has no base-vertex draw: ImGuiBackendFlags_RendererHasVtxOffset stays off, so
      // VtxOffset is always 0 and 16-bit indices address the whole list.
      glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount),
                     sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT,
                     reinterpret_cast<void*>(static_cast<intptr_t>(cmd.IdxOffset * sizeof(ImDrawIdx))));
    }
  }
  glBindVertexArray(0);
  glDisable(GL_SCISSOR_TEST);
}

}  // namespace renderer
