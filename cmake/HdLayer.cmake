# hd_layer(NAME [DEPS layer...] [LIBS target...] [TEST_LIBS target...])
#
# Defines the static library hd_<NAME> from every *.cpp under src/<NAME>/
# except *_test.cpp, links it PRIVATE to the layers it may depend on
# (ARCHITECTURE.md arrows) and to third-party LIBS, and, when the folder holds
# *_test.cpp files, one GoogleTest binary hd_<NAME>_test.
# Aggregates are often initialised partially on purpose (members carry defaults),
# so missing-field-initializers is off.
set(HD_WARNINGS -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wnon-virtual-dtor
    -Wno-missing-field-initializers)

function(hd_layer NAME)
  cmake_parse_arguments(ARG "" "" "DEPS;LIBS;TEST_LIBS" ${ARGN})
  file(GLOB_RECURSE all_sources CONFIGURE_DEPENDS
       "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp")
  set(lib_sources ${all_sources})
  list(FILTER lib_sources EXCLUDE REGEX "_test\\.cpp$")
  set(test_sources ${all_sources})
  list(FILTER test_sources INCLUDE REGEX "_test\\.cpp$")

  set(target hd_${NAME})
  if(NOT lib_sources)
    message(STATUS "hd_layer(${NAME}): no sources yet, skipped")
    return()
  endif()
  add_library(${target} STATIC ${lib_sources})
  target_include_directories(${target} PUBLIC "${PROJECT_SOURCE_DIR}/src")
  target_compile_options(${target} PRIVATE ${HD_WARNINGS} $<$<BOOL:${HD_WERROR}>:-Werror>)
  foreach(dep IN LISTS ARG_DEPS)
    target_link_libraries(${target} PRIVATE hd_${dep})
  endforeach()
  target_link_libraries(${target} PRIVATE ${ARG_LIBS})

  if(HD_BUILD_TESTS AND test_sources)
    add_executable(${target}_test ${test_sources})
    target_compile_options(${target}_test PRIVATE ${HD_WARNINGS} $<$<BOOL:${HD_WERROR}>:-Werror>)
    target_link_libraries(${target}_test PRIVATE ${target} ${ARG_LIBS} ${ARG_TEST_LIBS}
                          GTest::gtest GTest::gtest_main GTest::gmock)
    foreach(dep IN LISTS ARG_DEPS)
      target_link_libraries(${target}_test PRIVATE hd_${dep})
    endforeach()
    gtest_discover_tests(${target}_test
      WORKING_DIRECTORY "${PROJECT_SOURCE_DIR}"
      PROPERTIES LABELS "unit;${NAME}"
      DISCOVERY_TIMEOUT 60)
  endif()
endfunction()
