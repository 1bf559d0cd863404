# tools/tls.cmake -- the BearSSL X.509 engine adapter (library xcv_bearssl,
# adapters/bearssl_x509.c, header include/xcv_bearssl.h) and the example TLS
# client `xcv-tls` (examples/tls_check.c). Tests: tests/e2e.cmake (label e2e)
# and tests/test_adapter.c (label unit).
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/adapters/bearssl_x509.c)
  add_library(xcv_bearssl STATIC ${CMAKE_CURRENT_SOURCE_DIR}/adapters/bearssl_x509.c)
  set_target_properties(xcv_bearssl PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_include_directories(xcv_bearssl PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>
    PRIVATE ${BEARSSL_INCLUDE_DIR})
  target_compile_options(xcv_bearssl PRIVATE ${XCV_CORE_WARNINGS})
  target_link_libraries(xcv_bearssl PUBLIC xcv_static ${BEARSSL_LIBRARY})
  install(TARGETS xcv_bearssl ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})

  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/examples/tls_check.c AND
     EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tools/diag.c)
    # The diagnostics printer and the verify options shared with
    # `xcv verify` (tools/diag.c, tools/cliopts.c).
    add_executable(xcv_tls ${CMAKE_CURRENT_SOURCE_DIR}/examples/tls_check.c
                           ${CMAKE_CURRENT_SOURCE_DIR}/tools/cliopts.c
                           ${CMAKE_CURRENT_SOURCE_DIR}/tools/diag.c)
    target_include_directories(xcv_tls PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/tools)
    set_target_properties(xcv_tls PROPERTIES OUTPUT_NAME xcv-tls
                          RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
    target_compile_options(xcv_tls PRIVATE ${XCV_WARNINGS})
    target_link_libraries(xcv_tls PRIVATE xcv_bearssl)
    install(TARGETS xcv_tls RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
  endif()
endif()
