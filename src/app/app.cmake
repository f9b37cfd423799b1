# The WebAssembly app: signaal-app -> app.js + app.wasm, then the whole static site in
# SIGNAAL_SITE_DIR (web/ + merged locales + subset fonts + the app). See docs/app.md.

# The site the servers and the browser tests use. The wasm preset's tree (build/wasm) puts
# it at build/site, where scripts/test and the intake server look for it.
if(CMAKE_BINARY_DIR STREQUAL "${CMAKE_SOURCE_DIR}/build/wasm")
  set(site_default ${CMAKE_SOURCE_DIR}/build/site)
else()
  set(site_default ${CMAKE_BINARY_DIR}/site)
endif()
set(SIGNAAL_SITE_DIR ${site_default} CACHE PATH "Where the app's static site is assembled")

# --- Shaders: shaders/*.glsl embedded as string constants
file(GLOB shader_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.glsl)
set(shader_header ${CMAKE_CURRENT_BINARY_DIR}/generated/shaders_embedded.h)
add_custom_command(
  OUTPUT ${shader_header}
  COMMAND ${CMAKE_COMMAND} -DSHADER_DIR=${CMAKE_SOURCE_DIR}/shaders -DOUTPUT=${shader_header}
          -P ${CMAKE_CURRENT_SOURCE_DIR}/tools/embed_shaders.cmake
  DEPENDS ${shader_sources} ${CMAKE_CURRENT_SOURCE_DIR}/tools/embed_shaders.cmake
  COMMENT "Embedding shaders/*.glsl")

# --- The program
file(GLOB app_all_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/screens/*.cpp)
add_executable(signaal-app ${app_all_sources} ${shader_header})
set_target_properties(signaal-app PROPERTIES OUTPUT_NAME app SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
target_include_directories(signaal-app PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_CURRENT_SOURCE_DIR}
  ${CMAKE_CURRENT_BINARY_DIR}/generated)
target_link_libraries(signaal-app PRIVATE signaal_core imgui signaal_warnings)
target_compile_options(signaal-app PRIVATE -Oz)
set(app_exports _malloc _free _signaal_add_file _signaal_file_failed _signaal_add_font _signaal_start
  _signaal_locale_ready _signaal_part_ready _signaal_sealer_ready _signaal_activate _signaal_text_edit _signaal_text_blur _signaal_answer_count
  _signaal_focus _signaal_prefer_contrast _signaal_set_voices _signaal_outbox_count)
list(JOIN app_exports "," app_exports_joined)
target_link_options(signaal-app PRIVATE
  -Oz --no-entry
  -sENVIRONMENT=web -sFILESYSTEM=0 -sMALLOC=emmalloc -sALLOW_MEMORY_GROWTH=1
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sDYNAMIC_EXECUTION=0          # no eval: the Content-Security-Policy forbids it
  -sMODULARIZE=1 -sEXPORT_NAME=createSignaal
  -sEXPORTED_FUNCTIONS=${app_exports_joined}
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  -sTEXTDECODER=2
  # The JS glue through Closure (npm google-closure-compiler, EM_CLOSURE_COMPILER in the
  # wasm presets): 12.3 -> 7.5 KB brotli.
  --closure 1 --closure-args=--externs=${CMAKE_CURRENT_SOURCE_DIR}/closure_externs.js)
set_property(TARGET signaal-app APPEND PROPERTY LINK_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/closure_externs.js)

# --- The sealer: every piece of cryptography in a program of its own (sealer/sealer.cpp),
# fetched only when a person may report or read a reply. Optimised for speed, not size: the
# proof of work is what a phone waits for, and this download is not on the way to a question.
add_executable(signaal-sealer ${CMAKE_CURRENT_SOURCE_DIR}/sealer/sealer.cpp)
set_target_properties(signaal-sealer PROPERTIES OUTPUT_NAME sealer SUFFIX ".js"
  RUNTIME_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
target_include_directories(signaal-sealer PRIVATE ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(signaal-sealer PRIVATE signaal_core signaal_warnings)
target_compile_options(signaal-sealer PRIVATE -O2)
target_link_options(signaal-sealer PRIVATE
  -O2 --no-entry
  -sENVIRONMENT=web -sFILESYSTEM=0 -sMALLOC=emmalloc -sALLOW_MEMORY_GROWTH=1
  -sDYNAMIC_EXECUTION=0
  -sMODULARIZE=1 -sEXPORT_NAME=createSealer
  -sEXPORTED_FUNCTIONS=_malloc,_free,_sealer_call,_sealer_envelope,_sealer_envelope_size
  -sEXPORTED_RUNTIME_METHODS=UTF8ToString,stringToUTF8,lengthBytesUTF8
  -sTEXTDECODER=2
  --closure 1 --closure-args=--externs=${CMAKE_CURRENT_SOURCE_DIR}/closure_externs.js)
set_property(TARGET signaal-sealer APPEND PROPERTY LINK_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/closure_externs.js)

# --- The site
find_program(SIGNAAL_FONT_PYTHON NAMES python3 PATHS /usr/bin NO_DEFAULT_PATH)
# Debian's fonts-noto-core and fonts-noto-cjk, cut per locale (tools/site_fonts.py).
set(fonts_dir /usr/share/fonts)
file(GLOB_RECURSE site_inputs CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/* ${CMAKE_SOURCE_DIR}/locales/*)
add_custom_command(
  OUTPUT ${SIGNAAL_SITE_DIR}/.stamp
  COMMAND ${SIGNAAL_FONT_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/tools/build_site.py
          --web ${CMAKE_SOURCE_DIR}/web --locales ${CMAKE_SOURCE_DIR}/locales
          --app $<TARGET_FILE_DIR:signaal-app> --fonts ${fonts_dir} --out ${SIGNAAL_SITE_DIR}
  COMMAND ${CMAKE_COMMAND} -E touch ${SIGNAAL_SITE_DIR}/.stamp
  DEPENDS signaal-app signaal-sealer ${site_inputs} ${CMAKE_CURRENT_SOURCE_DIR}/tools/build_site.py
          ${CMAKE_CURRENT_SOURCE_DIR}/tools/site_fonts.py
  COMMENT "Assembling the site in ${SIGNAAL_SITE_DIR}")
add_custom_target(signaal-site ALL DEPENDS ${SIGNAAL_SITE_DIR}/.stamp)
