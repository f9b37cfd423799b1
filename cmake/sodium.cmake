# libsodium: the Debian package natively; for WebAssembly, compiled from the Debian source
# package that scripts/setup unpacks (pinned to the native version, 1.0.18, checksum verified).
if(NOT EMSCRIPTEN)
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
  add_library(sodium ALIAS PkgConfig::SODIUM)
  return()
endif()

set(sodium_src ${CMAKE_SOURCE_DIR}/build/third_party/libsodium)
if(NOT EXISTS ${sodium_src}/.signaal-ok)
  message(FATAL_ERROR "libsodium sources are missing in ${sodium_src}: run scripts/setup")
endif()

# The tarball has no configure script; version.h is made here from its template.
file(READ ${sodium_src}/src/libsodium/include/sodium/version.h.in sodium_version_h)
string(REPLACE "@VERSION@" "1.0.18" sodium_version_h "${sodium_version_h}")
string(REPLACE "@SODIUM_LIBRARY_VERSION_MAJOR@" "10" sodium_version_h "${sodium_version_h}")
string(REPLACE "@SODIUM_LIBRARY_VERSION_MINOR@" "3" sodium_version_h "${sodium_version_h}")
string(REPLACE "@SODIUM_LIBRARY_MINIMAL_DEF@" "" sodium_version_h "${sodium_version_h}")
# It goes beside its siblings (it includes "export.h"), in the unpacked tree outside git.
file(CONFIGURE OUTPUT ${sodium_src}/src/libsodium/include/sodium/version.h CONTENT "${sodium_version_h}")

file(GLOB_RECURSE sodium_sources ${sodium_src}/src/libsodium/*.c)
add_library(sodium STATIC ${sodium_sources})
target_compile_definitions(sodium PUBLIC SODIUM_STATIC PRIVATE CONFIGURED=1)
target_include_directories(sodium SYSTEM
  PUBLIC ${sodium_src}/src/libsodium/include
  PRIVATE ${sodium_src}/src/libsodium/include/sodium)
target_compile_options(sodium PRIVATE -w -Oz)
