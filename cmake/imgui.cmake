# Dear ImGui 1.92.2b from the Debian source package that scripts/setup unpacks (pinned and
# checksummed): the core only; the app brings its own web platform layer and renderer.
set(imgui_src ${CMAKE_SOURCE_DIR}/build/third_party/imgui)
if(NOT EXISTS ${imgui_src}/.signaal-ok)
  message(FATAL_ERROR "Dear ImGui sources are missing in ${imgui_src}: run scripts/setup")
endif()

add_library(imgui STATIC
  ${imgui_src}/imgui.cpp
  ${imgui_src}/imgui_draw.cpp
  ${imgui_src}/imgui_tables.cpp
  ${imgui_src}/imgui_widgets.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${imgui_src})
# No demo, no ini/log files (nothing is ever written), no debug windows in the shipped app.
target_compile_definitions(imgui PUBLIC
  IMGUI_DISABLE_DEFAULT_FONT   # the app's own Noto cuts only (9.5 KB of wasm less)
  IMGUI_DISABLE_DEMO_WINDOWS
  IMGUI_DISABLE_DEBUG_TOOLS
  IMGUI_DISABLE_FILE_FUNCTIONS
  IMGUI_DISABLE_DEFAULT_SHELL_FUNCTIONS
  IMGUI_DISABLE_OBSOLETE_FUNCTIONS)
target_compile_options(imgui PRIVATE -w -Oz)
