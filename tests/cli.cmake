# tests/cli.cmake -- the xcv command-line contract (ctest label "cli"):
#   cli_show     `xcv show` output and exit status (tools/test-xcv-show)
#   cli_verify   `xcv verify`: exit codes, --json, the diagnostics' key
#                phrases, --pin, --system, --anchors, --purpose, --time
#                (tests/cli/test-verify, over vectors/demo and generated certs)
#   cli_demo     scripts/demo's scenario runner on the built binary
if(TARGET xcv_cli)
  add_test(NAME cli_show
    COMMAND bash ${CMAKE_SOURCE_DIR}/tools/test-xcv-show $<TARGET_FILE:xcv_cli> ${CMAKE_SOURCE_DIR})
  add_test(NAME cli_verify
    COMMAND bash ${CMAKE_SOURCE_DIR}/tests/cli/test-verify $<TARGET_FILE:xcv_cli> ${CMAKE_SOURCE_DIR})
  add_test(NAME cli_demo
    COMMAND bash ${CMAKE_SOURCE_DIR}/scripts/demo --no-build --xcv $<TARGET_FILE:xcv_cli>)
  set_tests_properties(cli_show cli_verify cli_demo PROPERTIES LABELS cli)
endif()
