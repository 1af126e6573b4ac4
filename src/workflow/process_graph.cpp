// The process as a graph: its edges, and the checks on its shape.
#include <algorithm>
#include <deque>
#include <set>

#include "workflow/process.hpp"
#include "workflow/process_validator.hpp"

namespace hd::workflow {

namespace {

using StateSet = std::set<std::string, std::less<>>;

// States a non-returning edge leads into `state_id` from.
StateSet Predecessors(const std::vector<Edge>& direct, std::string_view state_id) {
  StateSet out;
  for (const Edge& e : direct) {
    if (e.to == state_id) out.insert(e.from);
  }
  return out;
}

void AddTransitionEdges(const Process& process, const Transition& t, std::vector<Edge>& out) {
  if (t.returns || process.FindState(t.to.id) == nullptr) return;
  for (const State& s : process.states) {
    if (!LeavesState(process, t, s.id)) continue;
    out.push_back(
        Edge{s.id, t.to.id, t.id, t.label, t.roles, false, t.auto_after_hours > 0, false});
  }
}

void AddApprovalEdges(const Process& process, const ApprovalStep& a, std::vector<Edge>& out) {
  if (process.FindState(a.state.id) == nullptr) return;
  for (const ApprovalBranch* b : {&a.approve, &a.reject}) {
    if (process.FindState(b->to.id) == nullptr) continue;
    out.push_back(Edge{a.state.id, b->to.id, b->id, b->label, {a.role}, false, false, true});
  }
}

}  // namespace

std::vector<Edge> Edges(const Process& process) {
  std::vector<Edge> direct;
  for (const Transition& t : process.transitions) AddTransitionEdges(process, t, direct);
  for (const ApprovalStep& a : process.approvals) AddApprovalEdges(process, a, direct);
  std::vector<Edge> all = direct;
  for (const Transition& t : process.transitions) {
    if (!t.returns) continue;
    for (const Ref& from : t.from) {
      if (process.FindState(from.id) == nullptr) continue;
      for (const std::string& back : Predecessors(direct, from.id)) {
        all.push_back(
            Edge{from.id, back, t.id, t.label, t.roles, true, t.auto_after_hours > 0, false});
      }
    }
  }
  return all;
}

namespace internal {

namespace {

StateSet Reachable(const Process& process, const std::vector<Edge>& edges) {
  StateSet seen;
  if (process.FindState(process.initial.id) == nullptr) return seen;
  std::deque<std::string> queue{process.initial.id};
  seen.insert(process.initial.id);
  while (!queue.empty()) {
    const std::string current = queue.front();
    queue.pop_front();
    for (const Edge& e : edges) {
      if (e.from == current && seen.insert(e.to).second) queue.push_back(e.to);
    }
  }
  return seen;
}

}  // namespace

void ValidateGraph(const Process& process, YamlReader& reader) {
  const std::vector<Edge> edges = Edges(process);
  if (process.FindState(process.initial.id) != nullptr) {
    const StateSet reachable = Reachable(process, edges);
    for (const State& s : process.states) {
      if (reachable.count(s.id) == 0) {
        reader.Report(s.pos, "state '" + s.id + "' cannot be reached from the initial state '" +
                                 process.initial.id + "'");
      }
    }
  }
  for (const State& s : process.states) {
    if (s.final) continue;
    const bool has_exit =
        std::any_of(process.transitions.begin(), process.transitions.end(),
                    [&](const Transition& t) { return LeavesState(process, t, s.id); }) ||
        process.FindApprovalIn(s.id) != nullptr;
    if (!has_exit) {
      reader.Report(s.pos, "state '" + s.id + "' is not final but has no way out");
    }
  }
}

}  // namespace internal

}  // namespace hd::workflow
