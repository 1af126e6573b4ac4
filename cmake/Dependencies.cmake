# Every dependency comes from Debian's packages (scripts/install-deps).
find_package(Threads REQUIRED)
find_package(Boost 1.81 REQUIRED CONFIG COMPONENTS json url)
find_package(date CONFIG REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(yaml-cpp CONFIG REQUIRED)
find_package(spdlog CONFIG REQUIRED)
find_package(fmt CONFIG REQUIRED)
find_package(CLI11 CONFIG REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)
if(HD_BUILD_TESTS)
  find_package(GTest CONFIG REQUIRED)
endif()
if(HD_BUILD_BENCH)
  find_package(benchmark CONFIG REQUIRED)
endif()

# Debian's yaml-cpp 0.7 exports a plain `yaml-cpp` target; give it the
# namespaced name newer releases use.
if(TARGET yaml-cpp AND NOT TARGET yaml-cpp::yaml-cpp)
  add_library(yaml-cpp::yaml-cpp ALIAS yaml-cpp)
endif()
