# The organisation's tools end to end (docs/envelope.md): keygen -> seal (a test tool standing
# in for the app) -> open, replies, stats, and an independent opening with python3-nacl.
add_executable(signaal-test-seal ${CMAKE_CURRENT_SOURCE_DIR}/crypto/test_seal.cpp)
target_include_directories(signaal-test-seal PRIVATE ${CMAKE_SOURCE_DIR}/src/tools ${CMAKE_CURRENT_SOURCE_DIR}/crypto)
target_link_libraries(signaal-test-seal PRIVATE signaal_tool_common signaal_warnings)

foreach(case keygen_modes open_batch wrong_and_unknown_key refusals reply stats pynacl)
  add_test(NAME crypto-${case}
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/crypto/tools_test.sh ${case}
      $<TARGET_FILE_DIR:signaal-keygen> $<TARGET_FILE:signaal-test-seal> ${CMAKE_CURRENT_BINARY_DIR}/crypto-${case})
  set_tests_properties(crypto-${case} PROPERTIES LABELS crypto)
endforeach()
