# tests/abi.cmake -- ABI and zero-allocation tests (ctest label "abi").
#
#   abi_core_symbols   the core objects as built (sanitized or not) reference
#                      no denied symbol (malloc, stdio, getenv, time, ...)
#   abi_core_plain     the same sources compiled without sanitizer/coverage
#                      instrumentation: symbols, and empty .data/.bss
#   abi_selftest       check-objects rejects scratch objects using malloc,
#                      stdio and globals (tests/abi/selftest_*.c, not src/)
#   abi_layers         scripts/check-layers: #include edges of src/
#   abi_selftest_layers  check-layers rejects bad scratch trees
#   abi_headers        each header compiles on its own (C, C++ for include/)
#   abi_symbols        libxcv.so exports exactly tests/abi/symbols.txt
#   abi_stack          (gcc only) xcv_cert_parse's worst call path, from
#                      scripts/stack-usage, stays within XCV_STACK_BUDGET
set(XCV_ABI_DIR ${CMAKE_SOURCE_DIR}/tests/abi)
set(XCV_ABI_NM nm)
if(CMAKE_NM)
  set(XCV_ABI_NM ${CMAKE_NM})
endif()
set(XCV_ABI_OBJDUMP objdump)
if(CMAKE_OBJDUMP)
  set(XCV_ABI_OBJDUMP ${CMAKE_OBJDUMP})
endif()

# The core compiled without instrumentation: sanitizers and coverage add
# their own globals and runtime calls, which would hide (or fake) findings.
add_library(xcv_core_plain OBJECT ${XCV_CORE_SOURCES})
target_include_directories(xcv_core_plain PRIVATE
  ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/src ${BEARSSL_INCLUDE_DIR})
get_target_property(xcv_plain_opts xcv_core_plain COMPILE_OPTIONS)
if(xcv_plain_opts)
  list(REMOVE_ITEM xcv_plain_opts ${XCV_SAN_FLAGS}
       -fprofile-instr-generate -fcoverage-mapping)
  set_property(TARGET xcv_core_plain PROPERTY COMPILE_OPTIONS ${xcv_plain_opts})
endif()
target_compile_options(xcv_core_plain PRIVATE ${XCV_CORE_WARNINGS} -fvisibility=hidden)
set_target_properties(xcv_core_plain PROPERTIES POSITION_INDEPENDENT_CODE ON)

file(GENERATE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/abi_core_objects.txt
     CONTENT "$<JOIN:$<TARGET_OBJECTS:xcv_core>,\n>\n")
file(GENERATE OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/abi_core_plain_objects.txt
     CONTENT "$<JOIN:$<TARGET_OBJECTS:xcv_core_plain>,\n>\n")

add_test(NAME abi_core_symbols
  COMMAND bash ${XCV_ABI_DIR}/check-objects --nm ${XCV_ABI_NM} --objdump ${XCV_ABI_OBJDUMP}
          @${CMAKE_CURRENT_BINARY_DIR}/abi_core_objects.txt)
add_test(NAME abi_core_plain
  COMMAND bash ${XCV_ABI_DIR}/check-objects --sections --nm ${XCV_ABI_NM}
          --objdump ${XCV_ABI_OBJDUMP} @${CMAKE_CURRENT_BINARY_DIR}/abi_core_plain_objects.txt)
add_test(NAME abi_selftest
  COMMAND bash ${XCV_ABI_DIR}/selftest ${CMAKE_C_COMPILER} ${XCV_ABI_NM} ${XCV_ABI_OBJDUMP})
add_test(NAME abi_layers
  COMMAND bash ${CMAKE_SOURCE_DIR}/scripts/check-layers ${CMAKE_SOURCE_DIR}/src
          ${XCV_ABI_DIR}/layers.txt)
add_test(NAME abi_selftest_layers COMMAND bash ${XCV_ABI_DIR}/selftest-layers)

find_program(XCV_CXX NAMES g++ c++ clang++)
set(xcv_cxx -)
if(XCV_CXX)
  set(xcv_cxx ${XCV_CXX})
endif()
add_test(NAME abi_headers
  COMMAND bash ${XCV_ABI_DIR}/check-headers ${CMAKE_C_COMPILER} ${xcv_cxx} ${CMAKE_SOURCE_DIR}
          ${BEARSSL_INCLUDE_DIR})
add_test(NAME abi_symbols
  COMMAND bash ${XCV_ABI_DIR}/check-symbols $<TARGET_FILE:xcv_shared> ${CMAKE_SOURCE_DIR}
          ${XCV_ABI_NM})

set_tests_properties(abi_core_symbols abi_core_plain abi_selftest abi_layers
  abi_selftest_layers abi_headers abi_symbols PROPERTIES LABELS abi)

# Stack budget of the parser (bytes, gcc -O3 on x86-64; README records the
# current figure). Needs gcc 12's -fcallgraph-info.
set(XCV_STACK_BUDGET 4096)
if(CMAKE_C_COMPILER_ID STREQUAL "GNU" AND CMAKE_C_COMPILER_VERSION VERSION_GREATER_EQUAL 10)
  add_test(NAME abi_stack
    COMMAND bash ${CMAKE_SOURCE_DIR}/scripts/stack-usage --max ${XCV_STACK_BUDGET} xcv_cert_parse)
  set_tests_properties(abi_stack PROPERTIES LABELS abi ENVIRONMENT "CC=${CMAKE_C_COMPILER}")
endif()
