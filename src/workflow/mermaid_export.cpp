// Mermaid flowchart writer.
#include <set>

#include "workflow/diagram.hpp"
#include "workflow/diagram_model.hpp"

namespace hd::workflow {

namespace {

using internal::DiagramEdge;
using internal::DiagramNode;

// Mermaid ids are letters, digits and underscores; "s_" keeps state ids off
// the keywords ("end") and off the "*" node's id.
std::string NodeId(const std::string& state) {
  if (state == internal::kAnyState) return "any_state";
  std::string out = "s_";
  for (char c : state) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    out += plain ? c : '_';
  }
  return out;
}

// A quoted Mermaid label.
std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') {
      out += "#quot;";
    } else if (c == '\n') {
      out += "<br/>";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string NodeLine(const DiagramNode& n) {
  const std::string label = Quote(n.label);
  return "    " + NodeId(n.id) + (n.final ? "([" + label + "])" : "(" + label + ")") + "\n";
}

std::string EdgeLine(const DiagramEdge& e) {
  std::string label = e.label;
  if (!e.who.empty()) label += "\n(" + e.who + ")";
  const std::string arrow = e.dashed ? " -.->|" : " -->|";
  return "  " + NodeId(e.from) + arrow + Quote(label) + "| " + NodeId(e.to) + "\n";
}

std::string Highlights(const internal::DiagramModel& model) {
  std::string out = "  classDef current fill:#fde68a,stroke:#d97706,stroke-width:3px\n";
  out += "  classDef visited fill:#e0f2fe\n";
  out += "  classDef final stroke-width:3px\n";
  for (const DiagramNode& n : model.nodes) {
    if (n.current) {
      out += "  class " + NodeId(n.id) + " current\n";
    } else if (n.visited) {
      out += "  class " + NodeId(n.id) + " visited\n";
    } else if (n.final) {
      out += "  class " + NodeId(n.id) + " final\n";
    }
  }
  std::string indices;
  for (std::size_t i = 0; i < model.edges.size(); ++i) {
    if (!model.edges[i].highlighted) continue;
    indices += (indices.empty() ? "" : ",") + std::to_string(i);
  }
  if (!indices.empty()) out += "  linkStyle " + indices + " stroke:#d97706,stroke-width:3px\n";
  return out;
}

}  // namespace

std::string ToMermaid(const Process& process, const DiagramOptions& options) {
  const internal::DiagramModel model = internal::BuildDiagram(process, options);
  std::string out = "---\ntitle: " +
                    Quote(process.label.In(options.language) + " (" + process.id + " v" +
                          std::to_string(process.version) + ")") +
                    "\n---\nflowchart TB\n";
  std::set<int> tiers;
  for (const DiagramNode& n : model.nodes) tiers.insert(n.tier);
  for (int tier : tiers) {
    out += "  subgraph tier" + std::to_string(tier) + "[" +
           Quote(internal::TierTitle(tier, options.language)) + "]\n";
    for (const DiagramNode& n : model.nodes) {
      if (n.tier == tier) out += NodeLine(n);
    }
    out += "  end\n";
  }
  if (model.has_any) {
    out += "  any_state((" + Quote(std::string(internal::AnyStateTitle(options.language))) + "))\n";
  }
  for (const DiagramEdge& e : model.edges) out += EdgeLine(e);
  out += Highlights(model);
  return out;
}

}  // namespace hd::workflow
