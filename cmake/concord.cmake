# concord_test(NAME SOURCES... LIBS ...): one GoogleTest binary registered with CTest.
function(concord_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} GTest::gtest GTest::gmock GTest::gtest_main)
  # Where the source tree is, for tests that read fixtures (tests/fixtures/...).
  target_compile_definitions(${name} PRIVATE CONCORD_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES ENVIRONMENT "CONCORD_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
