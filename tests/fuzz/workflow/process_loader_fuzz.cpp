// libFuzzer target for the process definition loader (docs/workflow.md has
// the build command). Any input must yield either a valid Process or a list
// of problems, never a crash, hang or sanitizer report. A definition that
// loads is also drawn and queried, since those read what the loader let by.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "workflow/diagram.hpp"
#include "workflow/engine.hpp"
#include "workflow/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hd::workflow;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  CheckResult result = CheckProcess(text, "fuzz.yaml");
  if (!result.process) {
    if (result.problems.empty()) __builtin_trap();  // refused without saying why
    for (const Problem& p : result.problems) (void)FormatProblem(p);
    return 0;
  }
  const Process& process = *result.process;
  (void)ToDot(process, DiagramOptions{process.initial.id, {process.initial.id}});
  (void)ToMermaid(process);
  const auto now = hd::core::FromUnixMillis(1'767'000'000'000);
  for (const State& state : process.states) {
    TicketView ticket{state.id, process.initial.id, {}, {}, hd::core::UserId{1}};
    for (hd::core::Role role : hd::core::kAllRoles) {
      const Actor actor{hd::core::UserId{2}, role};
      for (const AvailableTransition& t : AvailableTransitions(process, ticket, actor, now)) {
        (void)Fire(process, ticket, actor, FireRequest{t.id, {}, now});
      }
    }
  }
  return 0;
}
