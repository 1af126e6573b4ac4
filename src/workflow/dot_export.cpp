// Graphviz DOT writer.
#include <set>

#include "workflow/diagram.hpp"
#include "workflow/diagram_model.hpp"

namespace hd::workflow {

namespace {

using internal::DiagramEdge;
using internal::DiagramNode;

constexpr char kCurrentFill[] = "#fde68a";
constexpr char kVisitedFill[] = "#e0f2fe";
constexpr char kPathColour[] = "#d97706";

// A DOT string literal.
std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string NodeLine(const DiagramNode& n) {
  std::string attrs = "label=" + Quote(n.label);
  std::string style = "rounded,filled";
  if (!n.clock_runs && !n.final) style += ",dashed";
  attrs += ", style=" + Quote(style);
  if (n.final) attrs += ", peripheries=2";
  if (n.current) {
    attrs += ", fillcolor=" + Quote(kCurrentFill) + ", penwidth=2.5, color=" + Quote(kPathColour);
  } else if (n.visited) {
    attrs += ", fillcolor=" + Quote(kVisitedFill);
  }
  // Element ids in the SVG, for pages that mark states and transitions.
  attrs += ", id=" + Quote("state:" + n.id);
  return "    " + Quote(n.id) + " [" + attrs + "];\n";
}

std::string EdgeLine(const DiagramEdge& e) {
  std::string label = e.label;
  if (!e.who.empty()) label += "\n(" + e.who + ")";
  std::string attrs = "label=" + Quote(label);
  if (e.dashed) attrs += ", style=dashed";
  if (e.highlighted) {
    attrs +=
        ", color=" + Quote(kPathColour) + ", fontcolor=" + Quote(kPathColour) + ", penwidth=2.5";
  }
  if (!e.firing_id.empty()) {
    attrs += ", id=" + Quote("transition:" + e.firing_id + ":" + e.from + ":" + e.to);
  }
  return "  " + Quote(e.from) + " -> " + Quote(e.to) + " [" + attrs + "];\n";
}

}  // namespace

std::string ToDot(const Process& process, const DiagramOptions& options) {
  const internal::DiagramModel model = internal::BuildDiagram(process, options);
  std::string out = "digraph " + Quote(process.id) + " {\n";
  // newrank: ranks across clusters; it also avoids a double free in the
  // cluster layout cleanup of Graphviz 2.42 (Debian 12).
  out += "  graph [newrank=true, rankdir=TB, fontname=\"Helvetica\", labelloc=t, label=" +
         Quote(process.label.In(options.language) + " (" + process.id + " v" +
               std::to_string(process.version) + ")") +
         "];\n";
  out +=
      "  node [shape=box, style=\"rounded,filled\", fillcolor=\"white\", "
      "fontname=\"Helvetica\", fontsize=11];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9];\n";
  std::set<int> tiers;
  for (const DiagramNode& n : model.nodes) tiers.insert(n.tier);
  for (int tier : tiers) {
    out += "  subgraph " + Quote("cluster_tier" + std::to_string(tier)) + " {\n";
    out += "    label=" + Quote(internal::TierTitle(tier, options.language)) +
           "; style=\"rounded\"; color=\"#94a3b8\";\n";
    for (const DiagramNode& n : model.nodes) {
      if (n.tier == tier) out += NodeLine(n);
    }
    out += "  }\n";
  }
  if (model.has_any) {
    out += "  " + Quote(internal::kAnyState) +
           " [label=" + Quote(std::string(internal::AnyStateTitle(options.language))) +
           ", shape=circle, style=dashed, fontsize=9];\n";
  }
  for (const DiagramEdge& e : model.edges) out += EdgeLine(e);
  out += "}\n";
  return out;
}

}  // namespace hd::workflow
