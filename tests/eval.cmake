# signaal-eval, the evaluation contract on the command line: the shared worked examples give
# their expected level, flags and categories; bad inputs exit non-zero naming the key.
set(eval_fixtures ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/eval)
set(eval_check ${eval_fixtures}/check_eval.cmake)

foreach(case V01 V07 V12)
  add_test(NAME eval-${case}
    COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:signaal-eval> -DINPUT=${eval_fixtures}/${case}.json
            -DEXPECTED=${eval_fixtures}/${case}.expected.json -P ${eval_check})
endforeach()
add_test(NAME eval-V01-stdin
  COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:signaal-eval> -DINPUT=${eval_fixtures}/V01.json -DSTDIN=ON
          -DEXPECTED=${eval_fixtures}/V01.expected.json -P ${eval_check})

# name, fixture, the key (RFC 6901 pointer) or position stderr must name
set(eval_bad_inputs
  "unknown-indicator|bad_unknown_indicator.json|^input: /answers/EXP\\.NOT_AN_INDICATOR: unknown indicator \"EXP\\.NOT_AN_INDICATOR\""
  "unknown-state|bad_unknown_state.json|^input: /answers/DEST_COE\\.DOCUMENTS: unknown state \"maybe\""
  "unknown-activity|bad_unknown_activity.json|^input: /activities/0: unknown activity \"farming\""
  "wrong-type|bad_wrong_type.json|^input: /under16: expected true or false"
  "malformed|bad_malformed.json|^input: not valid JSON: parse error at line 2, column 1")
foreach(bad ${eval_bad_inputs})
  string(REPLACE "|" ";" fields "${bad}")
  list(GET fields 0 name)
  list(GET fields 1 fixture)
  list(GET fields 2 regex)
  add_test(NAME eval-bad-${name}
    COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:signaal-eval> -DINPUT=${eval_fixtures}/${fixture}
            -DEXIT_CODE=2 "-DSTDERR_REGEX=${regex}" -P ${eval_check})
endforeach()

add_test(NAME eval-missing-file
  COMMAND ${CMAKE_COMMAND} -DTOOL=$<TARGET_FILE:signaal-eval> -DINPUT=${eval_fixtures}/no_such_case.json
          -DEXIT_CODE=1 "-DSTDERR_REGEX=no_such_case\\.json: cannot open" -P ${eval_check})
