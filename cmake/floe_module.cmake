# floe_module(<name> SOURCES ... [DEPS ...] [TESTS ...] [TEST_DEPS ...])
# A module is one static library `floe_<name>` built from src/<name>/, with public headers in
# include/floe/ and its unit tests (foo_test.cc beside foo.cc) in one test binary.
function(floe_module name)
  cmake_parse_arguments(M "" "" "SOURCES;DEPS;TESTS;TEST_DEPS" ${ARGN})
  add_library(floe_${name} STATIC ${M_SOURCES})
  target_include_directories(floe_${name}
    PUBLIC $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:include>
    PRIVATE ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(floe_${name} PUBLIC ${M_DEPS})
  # Every module is part of the installed library floe::floe (cmake/install.cmake).
  set_property(GLOBAL APPEND PROPERTY FLOE_MODULES floe_${name})
  if(FLOE_TESTS AND M_TESTS)
    add_executable(floe_${name}_test ${M_TESTS})
    target_include_directories(floe_${name}_test PRIVATE ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(floe_${name}_test PRIVATE floe_${name} ${M_TEST_DEPS}
                          GTest::gtest_main GTest::gmock)
    target_compile_definitions(floe_${name}_test PRIVATE
      FLOE_TESTDATA_DIR="${CMAKE_CURRENT_SOURCE_DIR}/testdata"
      FLOE_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
      FLOE_TINY_DATA_DIR="${PROJECT_SOURCE_DIR}/testdata/tiny"
      FLOE_DEFAULT_DATA_DIR="${FLOE_DEFAULT_DATA_DIR}"
      FLOE_SHARED_DATA_DIR="${PROJECT_SOURCE_DIR}/../shared/data"
      FLOE_XLSX_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/testdata/xlsx")
    gtest_discover_tests(floe_${name}_test DISCOVERY_TIMEOUT 60
                         PROPERTIES LABELS ${name})
  endif()
endfunction()
