// Diagrams of a process: Graphviz DOT and Mermaid text. States are grouped
// by tier (L1, L2, L3), transitions are labelled with the roles that may fire
// them; a ticket's current state and the path it took can be highlighted.
// Pure text generation; rendering DOT to SVG is the caller's business
// (app/process_svg.hpp). Safe from any thread.
#pragma once

#include <string>
#include <vector>

#include "workflow/process.hpp"

namespace hd::workflow {

struct DiagramOptions {
  // The state to highlight as current; empty for none.
  std::string current_state;
  // The states a ticket went through, oldest first; the states and the
  // edges between consecutive ones are highlighted. Empty for none.
  std::vector<std::string> path;
  // The language of the labels ("en", "ru").
  std::string language = "en";
};

// A Graphviz digraph, one cluster per tier.
std::string ToDot(const Process& process, const DiagramOptions& options = {});

// A Mermaid flowchart, one subgraph per tier.
std::string ToMermaid(const Process& process, const DiagramOptions& options = {});

}  // namespace hd::workflow
