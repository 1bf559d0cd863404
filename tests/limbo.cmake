# tests/limbo.cmake -- the x509-limbo suite through xcv-limbo (label: limbo).
#
# Compares the harness results with the suite's expectations and the
# committed list of known differences, tests/limbo/expected.txt (see
# tests/limbo/compare.py). The suite is read from $XCV_LIMBO_JSON when set,
# else from ../shared/vectors/limbo/limbo.json beside the repository; when
# absent the test is skipped with a message.
if(TARGET xcv_limbo)
  find_package(Python3 COMPONENTS Interpreter QUIET)
  if(Python3_Interpreter_FOUND)
    add_test(NAME limbo
             COMMAND ${Python3_EXECUTABLE} ${CMAKE_SOURCE_DIR}/tests/limbo/compare.py
                     --harness $<TARGET_FILE:xcv_limbo>
                     --limbo ${CMAKE_SOURCE_DIR}/../shared/vectors/limbo/limbo.json
                     --expected ${CMAKE_SOURCE_DIR}/tests/limbo/expected.txt)
    set_tests_properties(limbo PROPERTIES LABELS limbo SKIP_RETURN_CODE 77 TIMEOUT 600)
  else()
    message(STATUS "limbo test not registered: python3 not found")
  endif()
endif()
