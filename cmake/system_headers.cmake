# Header-only libraries from Debian packages (nlohmann-json3-dev, catch2), usable by both the
# native and the Emscripten build. The Emscripten toolchain must not see /usr/include as a
# whole (it would pick up glibc headers), so each library's folder is linked into a private
# include directory instead.
set(signaal_system_include ${CMAKE_BINARY_DIR}/system-include)
file(MAKE_DIRECTORY ${signaal_system_include})

function(signaal_link_system_header name path)
  if(NOT EXISTS ${path})
    message(FATAL_ERROR "${path} is missing: run scripts/setup (it installs the Debian package that provides ${name})")
  endif()
  file(CREATE_LINK ${path} ${signaal_system_include}/${name} SYMBOLIC)
endfunction()

signaal_link_system_header(nlohmann /usr/include/nlohmann)
signaal_link_system_header(catch2 /usr/include/catch2)

add_library(nlohmann_json INTERFACE)
target_include_directories(nlohmann_json SYSTEM INTERFACE ${signaal_system_include})
add_library(catch2 INTERFACE)
target_include_directories(catch2 SYSTEM INTERFACE ${signaal_system_include})
