#include "workflow/diagram.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "workflow/loader.hpp"
#include "workflow/test_support.hpp"

namespace hd::workflow {
namespace {

using testing::DefaultProcess;
using ::testing::HasSubstr;
using ::testing::Not;

// The text between `open` and the next line that is exactly `close`.
std::string Block(const std::string& text, const std::string& open, const std::string& close) {
  const auto begin = text.find(open);
  if (begin == std::string::npos) return {};
  const auto end = text.find(close, begin);
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

TEST(DotDiagram, GroupsStatesIntoOneClusterPerTier) {
  const std::string dot = ToDot(DefaultProcess());
  EXPECT_THAT(dot, HasSubstr("digraph \"support\" {"));
  const std::string l1 = Block(dot, "subgraph \"cluster_tier1\"", "\n  }\n");
  const std::string l2 = Block(dot, "subgraph \"cluster_tier2\"", "\n  }\n");
  const std::string l3 = Block(dot, "subgraph \"cluster_tier3\"", "\n  }\n");
  EXPECT_THAT(l1, HasSubstr("label=\"L1: first line\""));
  EXPECT_THAT(l1, HasSubstr("\"l1_new\" [label=\"New, to classify\""));
  EXPECT_THAT(l1, Not(HasSubstr("\"im_triage\"")));
  EXPECT_THAT(l2, HasSubstr("\"im_triage\" [label=\"Escalated, to reclassify\""));
  EXPECT_THAT(l3, HasSubstr("\"rfc_integration\""));
  EXPECT_THAT(l1, HasSubstr("\"closed\" [label=\"Closed\", style=\"rounded,filled\", "
                            "peripheries=2, id=\"state:closed\"]"));
}

TEST(DotDiagram, TiersAndTheAnyStateNodeSpeakTheReadersLanguage) {
  DiagramOptions russian;
  russian.language = "ru";
  const std::string dot = ToDot(DefaultProcess(), russian);
  EXPECT_THAT(dot, HasSubstr("label=\"L1: первая линия\""));
  EXPECT_THAT(dot, HasSubstr("label=\"L3: специалисты и интеграторы\""));
  EXPECT_THAT(dot, HasSubstr("[label=\"любое открытое состояние\""));
  EXPECT_THAT(dot, Not(HasSubstr("any open state")));
  const std::string mermaid = ToMermaid(DefaultProcess(), russian);
  EXPECT_THAT(mermaid, HasSubstr("[\"L2: ИТ-отдел\"]"));
}

TEST(DotDiagram, LabelsTransitionsWithTheirRolesAndApprovalsWithTheQuorum) {
  const std::string dot = ToDot(DefaultProcess());
  EXPECT_THAT(dot, HasSubstr("\"l1_technical\" -> \"im_triage\" [label=\"Escalate to the "
                             "incident manager\\n(l1_operator)\", "
                             "id=\"transition:escalate:l1_technical:im_triage\"]"));
  EXPECT_THAT(dot, HasSubstr("\"rfc_review\" -> \"rfc_approved\" [label=\"Approve the "
                             "change\\n(2 x rfc_board)\", "
                             "id=\"transition:approve_change:rfc_review:rfc_approved\"]"));
  EXPECT_THAT(dot, HasSubstr("\"rfc_review\" -> \"closed\" [label=\"Reject the change\\n(any "
                             "rfc_board)\", id=\"transition:reject_change:rfc_review:closed\"]"));
  // A customer reply returns to whichever state asked: one dashed edge each.
  EXPECT_THAT(dot, HasSubstr("\"waiting_for_customer\" -> \"incident_work\" [label=\"Customer "
                             "replied\\n(customer)\", style=dashed, "
                             "id=\"transition:customer_replied:waiting_for_customer:"
                             "incident_work\"]"));
  EXPECT_THAT(dot, HasSubstr("\"*\" -> \"closed\" [label=\"Cancel the ticket\\n(administrator)\", "
                             "style=dashed, id=\"transition:cancel:*:closed\"]"));
}

TEST(DotDiagram, HighlightsTheCurrentStateAndThePathTaken) {
  DiagramOptions options;
  options.current_state = "im_triage";
  options.path = {"l1_new", "l1_technical", "im_triage"};
  const std::string dot = ToDot(DefaultProcess(), options);
  EXPECT_THAT(dot, HasSubstr("\"im_triage\" [label=\"Escalated, to reclassify\", "
                             "style=\"rounded,filled\", fillcolor=\"#fde68a\""));
  EXPECT_THAT(dot, HasSubstr("\"l1_new\" [label=\"New, to classify\", style=\"rounded,filled\", "
                             "fillcolor=\"#e0f2fe\", id=\"state:l1_new\"]"));
  EXPECT_THAT(dot, HasSubstr("\"l1_new\" -> \"l1_technical\" [label=\"Technical "
                             "question\\n(l1_operator)\", color=\"#d97706\""));
  EXPECT_THAT(dot, HasSubstr("\"l1_new\" -> \"closed\" [label=\"Obscene "
                             "language\\n(l1_operator)\", "
                             "id=\"transition:close_obscene:l1_new:closed\"]"));
}

TEST(DotDiagram, EscapesQuotesInLabels) {
  auto process = LoadProcess(R"(
id: q
version: 1
label: 'The "quoted" process'
initial: a
states:
  - {id: a, label: 'Say "hi"', owner: {role: l1_operator}}
  - {id: b, final: true}
transitions:
  - {id: t, label: 'Back\slash', from: a, to: b, roles: [l1_operator]}
)",
                             "q.yaml");
  ASSERT_TRUE(process.ok()) << process.error().message;
  const std::string dot = ToDot(*process);
  EXPECT_THAT(dot, HasSubstr("[label=\"Say \\\"hi\\\"\""));
  EXPECT_THAT(dot, HasSubstr("label=\"Back\\\\slash\\n(l1_operator)\""));
  EXPECT_THAT(ToMermaid(*process), HasSubstr("s_a(\"Say #quot;hi#quot;\")"));
}

TEST(MermaidDiagram, DrawsTiersAsSubgraphsAndRolesOnEdges) {
  const std::string mermaid = ToMermaid(DefaultProcess());
  EXPECT_THAT(mermaid, HasSubstr("flowchart TB\n"));
  const std::string l2 = Block(mermaid, "subgraph tier2", "\n  end\n");
  EXPECT_THAT(l2, HasSubstr("[\"L2: IT department\"]"));
  EXPECT_THAT(l2, HasSubstr("s_outage(\"Outage, urgent restoration\")"));
  EXPECT_THAT(mermaid, HasSubstr("s_closed([\"Closed\"])"));
  EXPECT_THAT(mermaid, HasSubstr("s_im_triage -->|\"Outage<br/>(incident_manager)\"| s_outage"));
  EXPECT_THAT(mermaid, HasSubstr("s_waiting_for_customer -.->|\"No answer from the "
                                 "customer<br/>(auto after 336 h)\"| s_closed"));
}

TEST(MermaidDiagram, HighlightsTheCurrentStateAndThePathEdges) {
  DiagramOptions options;
  options.current_state = "l1_technical";
  options.path = {"l1_new", "l1_technical"};
  const std::string mermaid = ToMermaid(DefaultProcess(), options);
  EXPECT_THAT(mermaid, HasSubstr("class s_l1_technical current\n"));
  EXPECT_THAT(mermaid, HasSubstr("class s_l1_new visited\n"));
  // Mermaid numbers edges in the order they are written; exactly one joins
  // l1_new to l1_technical (take_technical).
  std::istringstream lines(mermaid);
  std::size_t index = 0;
  std::size_t found = std::string::npos;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("-->|") == std::string::npos && line.find("-.->|") == std::string::npos) {
      continue;
    }
    if (line.rfind("  s_l1_new -->|\"Technical question", 0) == 0) found = index;
    ++index;
  }
  ASSERT_NE(found, std::string::npos);
  EXPECT_THAT(mermaid, HasSubstr("linkStyle " + std::to_string(found) + " stroke:#d97706"));
}

}  // namespace
}  // namespace hd::workflow
