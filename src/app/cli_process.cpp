#include "app/cli_process.hpp"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "app/process_svg.hpp"
#include "workflow/diagram.hpp"
#include "workflow/loader.hpp"

namespace hd::app {

namespace {

constexpr int kExitProblems = 1;
constexpr int kExitBadInput = 2;

struct RenderFlags {
  std::string file;
  std::string format = "svg";
  std::string current;
  std::vector<std::string> path;
};

// The contents of `path`; exits 2 when it cannot be read.
std::string ReadOrExit(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  if (in) out << in.rdbuf();
  if (!in) {
    std::cerr << "helpdesk: cannot read " << path << "\n";
    throw CLI::RuntimeError(kExitBadInput);
  }
  return out.str();
}

// The valid process in `path`; prints every problem to `problems` and exits 1
// when there is any.
workflow::Process LoadOrExit(const std::string& path, std::ostream& problems) {
  workflow::CheckResult checked = workflow::CheckProcess(ReadOrExit(path), path);
  if (!checked.process) {
    for (const workflow::Problem& p : checked.problems) {
      problems << workflow::FormatProblem(p) << "\n";
    }
    problems << checked.problems.size() << " problem(s) in " << path << "\n";
    throw CLI::RuntimeError(kExitProblems);
  }
  return std::move(*checked.process);
}

void RunCheck(const std::string& file) {
  const workflow::Process process = LoadOrExit(file, std::cout);
  std::cout << file << ": process '" << process.id << "' version " << process.version
            << " is valid (" << process.states.size() << " states, " << process.transitions.size()
            << " transitions, " << process.approvals.size() << " approval steps)\n";
}

void RunRender(const RenderFlags& flags) {
  const workflow::Process process = LoadOrExit(flags.file, std::cerr);
  const workflow::DiagramOptions options{flags.current, flags.path};
  if (flags.format == "mermaid") {
    std::cout << workflow::ToMermaid(process, options);
    return;
  }
  const std::string dot = workflow::ToDot(process, options);
  if (flags.format == "dot") {
    std::cout << dot;
    return;
  }
  auto svg = RenderSvg(dot);
  if (!svg.ok()) {
    std::cerr << "helpdesk: " << svg.error().message << "\n";
    throw CLI::RuntimeError(kExitProblems);
  }
  std::cout << *svg;
}

}  // namespace

void AddProcessCommands(CLI::App& app) {
  CLI::App* process = app.add_subcommand("process", "Check and draw business process definitions");
  process->require_subcommand(1);

  auto file = std::make_shared<std::string>();
  CLI::App* check = process->add_subcommand(
      "check", "Validate a process definition; print every problem as file:line:col: message");
  check->add_option("FILE", *file, "Process definition (YAML)")->required();
  check->callback([file] { RunCheck(*file); });

  auto flags = std::make_shared<RenderFlags>();
  CLI::App* render =
      process->add_subcommand("render", "Draw a process definition (states grouped by tier)");
  render->add_option("FILE", flags->file, "Process definition (YAML)")->required();
  render->add_option("--format", flags->format, "Output format")
      ->check(CLI::IsMember({"svg", "dot", "mermaid"}))
      ->capture_default_str();
  render->add_option("--current", flags->current, "State to highlight as current");
  render->add_option("--path", flags->path, "States the ticket went through, oldest first")
      ->delimiter(',');
  render->callback([flags] { RunRender(*flags); });
  AddProcessAdminCommands(*process);
}

}  // namespace hd::app
