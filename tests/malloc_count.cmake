# tests/malloc_count.cmake -- the heap-call counter (tests/support/malloc_count.h,
# tests/support/interpose/malloc_count.c) as its own static library, linked
# only to the tests that count: in plain builds it defines malloc/calloc/
# realloc/free, and a static-library member defining malloc would be pulled
# into every executable that calls malloc if it sat in xcv_test_support.
add_library(xcv_test_malloc_count STATIC
  ${CMAKE_CURRENT_SOURCE_DIR}/support/interpose/malloc_count.c)
target_include_directories(xcv_test_malloc_count PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/support)
target_compile_options(xcv_test_malloc_count PRIVATE ${XCV_WARNINGS})
foreach(t test_noalloc test_adapter)
  if(TARGET ${t})
    target_link_libraries(${t} PRIVATE xcv_test_malloc_count)
  endif()
endforeach()
