# Use ccache when it is installed, so fresh clones and CI rebuild quickly.
# Paths under the source folder are hashed relative to it (base_dir, and no
# hashing of the working folder for debug builds), so a clone in another
# folder finds what an earlier build compiled.
find_program(HD_CCACHE ccache)
if(HD_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER
      "${CMAKE_COMMAND}" -E env "CCACHE_BASEDIR=${CMAKE_SOURCE_DIR}" CCACHE_NOHASHDIR=1
      "${HD_CCACHE}")
endif()
