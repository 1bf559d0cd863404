# tools/limbo.cmake -- xcv-limbo, the x509-limbo harness (build/xcv-limbo).
#
# Needs jansson (Debian: libjansson-dev). Built only once the core modules
# xcv_verify needs exist, so that a partly written tree still builds.
find_path(JANSSON_INCLUDE_DIR jansson.h)
find_library(JANSSON_LIBRARY NAMES jansson)
if(NOT JANSSON_INCLUDE_DIR OR NOT JANSSON_LIBRARY)
  find_package(PkgConfig QUIET)
  if(PkgConfig_FOUND)
    pkg_check_modules(JANSSON_PC QUIET jansson)
    if(JANSSON_PC_FOUND)
      set(JANSSON_INCLUDE_DIR ${JANSSON_PC_INCLUDE_DIRS})
      set(JANSSON_LIBRARY ${JANSSON_PC_LINK_LIBRARIES})
    endif()
  endif()
endif()
if(NOT JANSSON_LIBRARY)
  message(FATAL_ERROR "jansson not found (needed by the x509-limbo harness xcv-limbo): "
                      "install the Debian package libjansson-dev (apt-get install libjansson-dev), "
                      "or configure with -DXCV_TOOLS=OFF")
endif()

set(XCV_LIMBO_NEEDS der.c cert.c name.c ident.c nc.c sig.c anchors.c path.c verify.c pem.c
    errors.c time.c store_file.c)
set(XCV_LIMBO_READY ON)
foreach(f ${XCV_LIMBO_NEEDS})
  if(NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/src/${f})
    set(XCV_LIMBO_READY OFF)
  endif()
endforeach()

if(XCV_LIMBO_READY)
  add_executable(xcv_limbo ${CMAKE_CURRENT_SOURCE_DIR}/tools/xcv_limbo.c)
  set_target_properties(xcv_limbo PROPERTIES OUTPUT_NAME xcv-limbo
                        RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
  target_compile_options(xcv_limbo PRIVATE ${XCV_WARNINGS})
  if(JANSSON_INCLUDE_DIR)
    target_include_directories(xcv_limbo PRIVATE ${JANSSON_INCLUDE_DIR})
  endif()
  target_link_libraries(xcv_limbo PRIVATE xcv_static ${JANSSON_LIBRARY})
else()
  message(STATUS "xcv-limbo not built yet: waiting for src/{${XCV_LIMBO_NEEDS}}")
endif()
