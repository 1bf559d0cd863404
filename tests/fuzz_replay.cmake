# Replays every fuzz corpus and every regression input through the fuzz
# targets with a plain main() driver (fuzz/replay_main.c), so ordinary gcc
# builds (and scripts/test) exercise them. Label: fuzz.
set(XCV_REPLAY_TARGETS der cert pem ident verify)
find_package(OpenSSL QUIET)
if(OpenSSL_FOUND)
  list(APPEND XCV_REPLAY_TARGETS diff_openssl)
endif()
foreach(t ${XCV_REPLAY_TARGETS})
  if(NOT EXISTS ${CMAKE_SOURCE_DIR}/fuzz/fuzz_${t}.c)
    continue()
  endif()
  add_executable(replay_${t} ${CMAKE_SOURCE_DIR}/fuzz/fuzz_${t}.c ${CMAKE_SOURCE_DIR}/fuzz/replay_main.c)
  target_include_directories(replay_${t} PRIVATE ${CMAKE_SOURCE_DIR}/src ${CMAKE_SOURCE_DIR}/fuzz)
  target_compile_options(replay_${t} PRIVATE -Wall -Wextra -Werror)
  target_link_libraries(replay_${t} PRIVATE xcv_static)
  if(t STREQUAL "diff_openssl")
    target_link_libraries(replay_${t} PRIVATE OpenSSL::Crypto)
  endif()
  add_test(NAME replay_${t} COMMAND replay_${t}
           ${CMAKE_SOURCE_DIR}/fuzz/corpus/${t} ${CMAKE_SOURCE_DIR}/fuzz/regressions/${t})
  set_tests_properties(replay_${t} PROPERTIES LABELS fuzz)
endforeach()

# fuzz/oss-fuzz/build.sh is checked by scripts/test-oss-fuzz-build (run by
# hand or in a fuzzing CI job): not a ctest test, it takes 1-3 minutes.
