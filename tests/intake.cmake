# Intake server tests (tests/intake/): each runs the real signaal-intake over HTTP on
# 127.0.0.1 with a port the kernel picks, with envelopes made by intake-testkit from the core.
if(NOT TARGET signaal-intake)
  return()
endif()

add_executable(intake-testkit ${CMAKE_CURRENT_SOURCE_DIR}/intake/intake_testkit.cpp)
target_link_libraries(intake-testkit PRIVATE signaal_core signaal_warnings)

find_package(Python3 REQUIRED COMPONENTS Interpreter)
file(GLOB intake_test_scripts CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/intake/test_*.py)
foreach(script ${intake_test_scripts})
  get_filename_component(stem ${script} NAME_WE)
  string(REPLACE "test_" "intake-" test_name ${stem})
  string(REPLACE "_" "-" test_name ${test_name})
  add_test(NAME ${test_name} COMMAND ${Python3_EXECUTABLE} ${script}
    --intake $<TARGET_FILE:signaal-intake> --testkit $<TARGET_FILE:intake-testkit>)
  # 77: a test that cannot run here says why and is reported as skipped (PostgreSQL only).
  set_tests_properties(${test_name} PROPERTIES TIMEOUT 300 LABELS intake SKIP_RETURN_CODE 77)
endforeach()

# libFuzzer targets (tests/fuzz/): built with clang, i.e. under the native-asan preset, where
# AddressSanitizer and UBSan are on already. The core and the intake library get coverage
# instrumentation so the fuzzer can find its way into the parsers. ctest runs each briefly,
# and replays every input in tests/fuzz/regressions/<target>/ (crashes found before);
# scripts/fuzz runs them for as long as asked.
if(CMAKE_CXX_COMPILER_ID STREQUAL "Clang" AND SIGNAAL_SANITIZE)
  target_compile_options(signaal_core PRIVATE -fsanitize=fuzzer-no-link)
  target_compile_options(signaal_intake_lib PRIVATE -fsanitize=fuzzer-no-link)
  set(fuzz_dir ${CMAKE_CURRENT_SOURCE_DIR}/fuzz)
  add_library(signaal_fuzz_support STATIC ${fuzz_dir}/fuzz_support.cpp)
  target_link_libraries(signaal_fuzz_support PUBLIC signaal_intake_lib PRIVATE signaal_warnings)
  target_compile_options(signaal_fuzz_support PRIVATE -fsanitize=fuzzer-no-link)
  file(GLOB fuzz_targets CONFIGURE_DEPENDS ${fuzz_dir}/fuzz_*.cpp)
  list(REMOVE_ITEM fuzz_targets ${fuzz_dir}/fuzz_support.cpp)
  foreach(source ${fuzz_targets})
    get_filename_component(stem ${source} NAME_WE)
    string(REPLACE "_" "-" target ${stem})
    add_executable(${target} ${source})
    target_link_libraries(${target} PRIVATE signaal_fuzz_support signaal_warnings)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer)
    target_compile_definitions(${target} PRIVATE SIGNAAL_FUZZ_SITE="${fuzz_dir}/site")
    set(corpus ${CMAKE_BINARY_DIR}/fuzz-corpus/${target})
    file(MAKE_DIRECTORY ${corpus})
    add_test(NAME ${target}-short COMMAND ${target} -max_total_time=10 -rss_limit_mb=2048
      -artifact_prefix=${CMAKE_BINARY_DIR}/fuzz-corpus/${target}- ${corpus})
    set_tests_properties(${target}-short PROPERTIES TIMEOUT 120 LABELS fuzz)
    file(GLOB regressions CONFIGURE_DEPENDS ${fuzz_dir}/regressions/${target}/*)
    if(regressions)
      add_test(NAME ${target}-regressions COMMAND ${target} ${regressions})
      set_tests_properties(${target}-regressions PROPERTIES LABELS fuzz)
    endif()
  endforeach()
endif()
