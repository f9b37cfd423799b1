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
