// Helpers shared by the workflow tests: reading definition files from the
// source tree (tests run with the project root as working directory).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "workflow/loader.hpp"

namespace hd::workflow::testing {

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot open " << path;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline std::string ProblemsText(const CheckResult& result) {
  std::string text;
  for (const Problem& p : result.problems) text += FormatProblem(p) + "\n";
  return text;
}

// The default process, loaded once per test binary.
inline const Process& DefaultProcess() {
  static const Process process = [] {
    const std::string path = "config/defaults/processes/support.yaml";
    CheckResult result = CheckProcess(ReadFile(path), path);
    EXPECT_TRUE(result.process.has_value()) << ProblemsText(result);
    return result.process.value_or(Process{});
  }();
  return process;
}

}  // namespace hd::workflow::testing
