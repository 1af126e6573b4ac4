// Loading a process definition: parse a YAML file's contents and validate the
// process it describes, reporting every problem with file, line and column.
//
// Pure: callers read the file and pass its contents; nothing here touches the
// file system. Stateless functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "workflow/process.hpp"

namespace hd::workflow {

// One thing wrong with a definition, where it was found.
struct Problem {
  std::string file;
  SourcePos pos;
  std::string message;
};

// "support.yaml:12:7: unknown state 'l1_nwe'".
std::string FormatProblem(const Problem& problem);

struct CheckResult {
  std::optional<Process> process;  // set only when `problems` is empty
  std::vector<Problem> problems;   // in file order
};

// Parses and validates `contents` (named `file_name` in messages). Reports
// every problem found, not just the first; an invalid definition is never
// returned as loaded.
CheckResult CheckProcess(std::string_view contents, std::string_view file_name);

// As CheckProcess, for callers that want a Result: the process, or
// kInvalidArgument whose message lists every problem, one per line.
Result<Process> LoadProcess(std::string_view contents, std::string_view file_name);

}  // namespace hd::workflow
