#include "workflow/diagram_model.hpp"

#include <algorithm>

namespace hd::workflow::internal {

namespace {

std::string Roles(const std::vector<core::Role>& roles) {
  std::string out;
  for (core::Role role : roles) {
    if (!out.empty()) out += ", ";
    out += core::ToString(role);
  }
  return out;
}

std::string Who(const Process& process, const Edge& e) {
  if (e.approval) {
    const ApprovalStep* step = process.FindApprovalIn(e.from);
    const std::string role(core::ToString(e.roles.front()));
    if (step != nullptr && step->approve.id == e.firing_id) {
      return std::to_string(step->quorum) + " x " + role;
    }
    return "any " + role;
  }
  std::string who = Roles(e.roles);
  if (e.automatic) {
    const Transition* t = process.FindTransition(e.firing_id);
    const std::string timer =
        "auto after " + std::to_string(t != nullptr ? t->auto_after_hours : 0) + " h";
    who = who.empty() ? timer : who + "; " + timer;
  }
  return who;
}

bool OnPath(const std::vector<std::string>& path, const std::string& from, const std::string& to) {
  for (std::size_t i = 0; i + 1 < path.size(); ++i) {
    if (path[i] == from && path[i + 1] == to) return true;
  }
  return false;
}

}  // namespace

std::string TierTitle(int tier, std::string_view language) {
  const bool ru = language == "ru";
  switch (tier) {
    case 1:
      return ru ? "L1: первая линия" : "L1: first line";
    case 2:
      return ru ? "L2: ИТ-отдел" : "L2: IT department";
    case 3:
      return ru ? "L3: специалисты и интеграторы" : "L3: specialists and integrators";
  }
  return "L" + std::to_string(tier);
}

std::string_view AnyStateTitle(std::string_view language) {
  return language == "ru" ? "любое открытое состояние" : "any open state";
}

DiagramModel BuildDiagram(const Process& process, const DiagramOptions& options) {
  DiagramModel model;
  const auto& path = options.path;
  for (const State& s : process.states) {
    const bool visited = std::find(path.begin(), path.end(), s.id) != path.end();
    model.nodes.push_back(DiagramNode{s.id, s.label.In(options.language), s.tier, s.final,
                                      s.clock_runs, s.id == options.current_state, visited});
  }
  for (const Edge& e : Edges(process)) {
    const Transition* t = process.FindTransition(e.firing_id);
    if (t != nullptr && t->from_any) continue;  // drawn once, from the "*" node
    model.edges.push_back(DiagramEdge{e.from, e.to, e.label.In(options.language), Who(process, e),
                                      e.returns || e.automatic, OnPath(path, e.from, e.to),
                                      e.firing_id});
  }
  for (const Transition& t : process.transitions) {
    if (!t.from_any || process.FindState(t.to.id) == nullptr) continue;
    model.has_any = true;
    Edge e{kAnyState, t.to.id, t.id, t.label, t.roles, false, t.auto_after_hours > 0, false};
    model.edges.push_back(DiagramEdge{kAnyState, t.to.id, t.label.In(options.language),
                                      Who(process, e), true, false, t.id});
  }
  return model;
}

}  // namespace hd::workflow::internal
