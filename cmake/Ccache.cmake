# Use ccache when it is installed, so fresh clones and CI rebuild quickly.
find_program(HD_CCACHE ccache)
if(HD_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${HD_CCACHE}")
endif()
