#include "workflow/loader.hpp"

#include <algorithm>
#include <string>

#include <yaml-cpp/yaml.h>

#include "workflow/process_parser.hpp"
#include "workflow/process_validator.hpp"
#include "workflow/yaml_reader.hpp"

namespace hd::workflow {

std::string FormatProblem(const Problem& problem) {
  return problem.file + ":" + std::to_string(problem.pos.line) + ":" +
         std::to_string(problem.pos.column) + ": " + problem.message;
}

CheckResult CheckProcess(std::string_view contents, std::string_view file_name) {
  internal::YamlReader reader(file_name);
  CheckResult result;
  try {
    const YAML::Node root = YAML::Load(std::string(contents));
    Process process = internal::ParseProcessDocument(root, reader);
    internal::ValidateReferences(process, reader);
    internal::ValidateGraph(process, reader);
    result.problems = reader.TakeProblems();
    if (result.problems.empty()) result.process = std::move(process);
  } catch (const YAML::Exception& e) {
    // Malformed YAML, or a node of a shape yaml-cpp refuses to index.
    result.problems = reader.TakeProblems();
    const SourcePos pos =
        e.mark.is_null() ? SourcePos{1, 1} : SourcePos{e.mark.line + 1, e.mark.column + 1};
    result.problems.push_back(Problem{std::string(file_name), pos, e.msg});
  }
  std::stable_sort(
      result.problems.begin(), result.problems.end(), [](const Problem& a, const Problem& b) {
        return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.column < b.pos.column;
      });
  return result;
}

Result<Process> LoadProcess(std::string_view contents, std::string_view file_name) {
  CheckResult checked = CheckProcess(contents, file_name);
  if (checked.process) return std::move(*checked.process);
  std::string message;
  for (const Problem& p : checked.problems) {
    if (!message.empty()) message += '\n';
    message += FormatProblem(p);
  }
  return Error::InvalidArgument(message).WithReason("invalid-process");
}

}  // namespace hd::workflow
