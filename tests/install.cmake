# tests/install.cmake -- install tests (ctest label "install"): install the
# build tree into a temporary prefix, then build programs outside the tree
# against it with pkg-config and with find_package(xcv), and run them.
set(XCV_INSTALL_PREFIX ${CMAKE_BINARY_DIR}/install-test/prefix)
set(XCV_INSTALL_DIR ${CMAKE_SOURCE_DIR}/tests/install)
# A sanitized library needs the sanitizer runtime in the consumer too.
string(JOIN " " xcv_install_extra ${XCV_SAN_FLAGS})

add_test(NAME install_tree
  COMMAND bash ${XCV_INSTALL_DIR}/install-tree ${CMAKE_COMMAND} ${CMAKE_BINARY_DIR}
          ${XCV_INSTALL_PREFIX})
add_test(NAME install_pkgconfig
  COMMAND bash ${XCV_INSTALL_DIR}/pkgconfig-consumer ${CMAKE_C_COMPILER} ${XCV_INSTALL_PREFIX}
          ${CMAKE_BINARY_DIR}/install-test/pkgconfig "${xcv_install_extra}")
add_test(NAME install_find_package
  COMMAND bash ${XCV_INSTALL_DIR}/cmake-consumer ${CMAKE_COMMAND} ${CMAKE_C_COMPILER}
          ${XCV_INSTALL_PREFIX} ${CMAKE_BINARY_DIR}/install-test/cmake "${xcv_install_extra}")
set_tests_properties(install_tree PROPERTIES LABELS install FIXTURES_SETUP xcv_installed)
set_tests_properties(install_pkgconfig install_find_package PROPERTIES
  LABELS install FIXTURES_REQUIRED xcv_installed)
