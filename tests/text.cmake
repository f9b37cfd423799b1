# Arabic shaping and the bidi algorithm (src/core/arabic_shaping.h, bidi.h) against independent
# implementations: GNU FriBidi for the display order, HarfBuzz with Noto Sans Arabic for the
# glyphs; on the Arabic locale's texts and tests/text/hard_cases.txt.
add_executable(signaal-test-display-line ${CMAKE_CURRENT_SOURCE_DIR}/text/display_line.cpp)
target_link_libraries(signaal-test-display-line PRIVATE signaal_core signaal_warnings)

foreach(reference fribidi harfbuzz)
  add_test(NAME text-${reference}
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/text/reference_test.py ${reference}
      $<TARGET_FILE:signaal-test-display-line> ${CMAKE_SOURCE_DIR}/locales/ar
      ${CMAKE_CURRENT_SOURCE_DIR}/text/hard_cases.txt)
  set_tests_properties(text-${reference} PROPERTIES LABELS text)
endforeach()
