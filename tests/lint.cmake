# signaal-lint as the content writer runs it: on a broken fixture tree (non-zero exit, findings
# named by file and JSON path) and, once it exists, on the shipped content (no errors).
add_test(NAME lint-broken-fixture
  COMMAND ${CMAKE_COMMAND} -DLINT=$<TARGET_FILE:signaal-lint>
          -DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/fixtures/lint/broken/expected.txt
          -P ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/lint/expect_failure.cmake
  WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/lint/broken)

add_test(NAME lint-clean-fixture COMMAND signaal-lint
  WORKING_DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/lint/clean)

add_test(NAME lint-explicit-paths COMMAND signaal-lint
  --content ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/lint/clean/web/content
  --locales ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/lint/clean/locales)

if(EXISTS ${CMAKE_SOURCE_DIR}/web/content/questionnaire.json)
  add_test(NAME lint-shipped-content COMMAND signaal-lint WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  add_test(NAME lint-routes COMMAND signaal-lint --routes WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
  set_tests_properties(lint-routes PROPERTIES PASS_REGULAR_EXPRESSION "self adult: shortest [0-9]+, longest [0-9]+")
endif()
