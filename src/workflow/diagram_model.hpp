// Internal to the diagram exporters: the process reduced to what a picture
// shows, shared by the DOT and Mermaid writers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "workflow/diagram.hpp"

namespace hd::workflow::internal {

// The pseudo-state `from: "*"` transitions are drawn from.
inline constexpr char kAnyState[] = "*";

struct DiagramNode {
  std::string id;
  std::string label;
  int tier = 1;
  bool final = false;
  bool clock_runs = true;
  bool current = false;
  bool visited = false;
};

struct DiagramEdge {
  std::string from;  // a state id or kAnyState
  std::string to;
  std::string label;  // transition label
  std::string who;    // "l1_operator, tester", "2 x rfc_board", "auto after 72 h"
  bool dashed = false;
  bool highlighted = false;
  std::string firing_id;  // the transition or approval branch it draws
};

struct DiagramModel {
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
  bool has_any = false;
};

DiagramModel BuildDiagram(const Process& process, const DiagramOptions& options);

// "L1: first line" for tier 1, and so on, in `language` (English unless "ru").
std::string TierTitle(int tier, std::string_view language);
// The name of the "any open state" node in `language`.
std::string_view AnyStateTitle(std::string_view language);

}  // namespace hd::workflow::internal
