// The folder a storage benchmark keeps its database in: a fresh one under
// $HD_BENCH_DIR (default /tmp). Aborts when it cannot be made.
#pragma once

#include <stdlib.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace hd::bench {

inline std::string MakeBenchDir() {
  const char* base = std::getenv("HD_BENCH_DIR");
  std::string pattern = std::string(base != nullptr ? base : "/tmp") + "/hd-bench-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    std::fprintf(stderr, "cannot make the folder %s\n", pattern.c_str());
    std::abort();
  }
  return pattern;
}

}  // namespace hd::bench
