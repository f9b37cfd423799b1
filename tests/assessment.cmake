# The assessment engine (src/core/assessment.h) against an independent reference of MODEL.md's
# rule and docs/assessment.md's readings (tests/assessment/reference_model.py), through
# signaal-eval, on random and targeted inputs with a fixed seed.
add_test(NAME assessment-differential
  COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/assessment/differential_test.py
    --eval $<TARGET_FILE:signaal-eval> --catalogue ${CMAKE_SOURCE_DIR}/web/content/indicators.json
    --examples ${CMAKE_CURRENT_SOURCE_DIR}/fixtures/examples.json)
set_tests_properties(assessment-differential PROPERTIES LABELS assessment)
