# tests/e2e.cmake -- end-to-end TLS tests (ctest label "e2e"): real servers
# (openssl s_server, gnutls-serv, python3 ssl STARTTLS servers, a BearSSL
# server using the xcv adapter) on 127.0.0.1, checked with xcv-tls.
# Also links tests/test_adapter.c (label unit) with the adapter library.
if(TARGET xcv_bearssl)
  if(TARGET test_adapter)
    target_link_libraries(test_adapter PRIVATE xcv_bearssl)
  endif()

  add_executable(xcv_e2e_bearssl_server ${CMAKE_CURRENT_SOURCE_DIR}/e2e/bearssl_server.c)
  target_compile_options(xcv_e2e_bearssl_server PRIVATE ${XCV_WARNINGS})
  target_link_libraries(xcv_e2e_bearssl_server PRIVATE xcv_bearssl)

  if(TARGET xcv_tls)
    add_test(NAME e2e_tls
      COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/e2e/run.sh $<TARGET_FILE:xcv_tls>
              $<TARGET_FILE:xcv_e2e_bearssl_server> ${CMAKE_SOURCE_DIR}/vectors/tls)
    set_tests_properties(e2e_tls PROPERTIES LABELS e2e TIMEOUT 120)
  endif()
endif()
