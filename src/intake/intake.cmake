# The intake server: a library of everything but main (the tests and fuzz targets drive its
# handlers directly) and the signaal-intake binary. Debian packages only: cpp-httplib (built
# as a shared library by Debian; its pkg-config flags must match that build), SQLite, libpq.
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)
pkg_check_modules(LIBPQ REQUIRED IMPORTED_TARGET libpq)
find_package(Threads REQUIRED)

set(intake_main ${CMAKE_CURRENT_SOURCE_DIR}/signaal_intake.cpp)
list(REMOVE_ITEM intake_sources ${intake_main})
add_library(signaal_intake_lib STATIC ${intake_sources})
target_include_directories(signaal_intake_lib PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(signaal_intake_lib
  PUBLIC signaal_core PkgConfig::HTTPLIB PkgConfig::SQLITE3 PkgConfig::LIBPQ Threads::Threads
  PRIVATE signaal_warnings)

add_executable(signaal-intake ${intake_main})
target_link_libraries(signaal-intake PRIVATE signaal_intake_lib signaal_warnings)
