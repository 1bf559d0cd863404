# tools/xcv.cmake -- the xcv command-line tool (build/xcv: `xcv verify`,
# `xcv show`), its diagnostics printer tools/diag.c and its verify options
# tools/cliopts.c (both also linked by the example TLS client). Its tests
# are in tests/cli.cmake (ctest label "cli").
#
# Built only once the core modules it calls exist, so that a partly written
# tree still configures and builds.
set(XCV_TOOL_NEEDS cert.c name.c sig.c errors.c time.c der.c pem.c ident.c anchors.c path.c
    verify.c store_file.c)
set(XCV_TOOL_READY ON)
foreach(f ${XCV_TOOL_NEEDS})
  if(NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/src/${f})
    set(XCV_TOOL_READY OFF)
  endif()
endforeach()

if(XCV_TOOL_READY)
  add_executable(xcv_cli ${CMAKE_CURRENT_SOURCE_DIR}/tools/xcv.c
                         ${CMAKE_CURRENT_SOURCE_DIR}/tools/cliopts.c
                         ${CMAKE_CURRENT_SOURCE_DIR}/tools/diag.c)
  set_target_properties(xcv_cli PROPERTIES OUTPUT_NAME xcv
                        RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
  target_include_directories(xcv_cli PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/tools)
  target_compile_options(xcv_cli PRIVATE ${XCV_WARNINGS})
  target_link_libraries(xcv_cli PRIVATE xcv_static)
  install(TARGETS xcv_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
else()
  message(STATUS "xcv CLI not built yet: waiting for src/{${XCV_TOOL_NEEDS}}")
endif()
