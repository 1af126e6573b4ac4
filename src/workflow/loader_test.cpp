#include "workflow/loader.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

#include "workflow/test_support.hpp"

namespace hd::workflow {
namespace {

using testing::ProblemsText;
using testing::ReadFile;

const char kDataDir[] = "tests/data/workflow/";

// The "# expect: LINE:COL: message" lines of a broken definition, with the
// file name in front as FormatProblem writes it.
std::vector<std::string> ExpectedProblems(const std::string& path, const std::string& text) {
  std::vector<std::string> expected;
  std::istringstream in(text);
  const std::string marker = "# expect: ";
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(marker, 0) == 0) expected.push_back(path + ":" + line.substr(marker.size()));
  }
  return expected;
}

TEST(DefaultProcess, LoadsWithoutProblems) {
  const std::string path = "config/defaults/processes/support.yaml";
  CheckResult result = CheckProcess(ReadFile(path), path);
  ASSERT_TRUE(result.process.has_value()) << ProblemsText(result);
  EXPECT_EQ(result.process->id, "support");
  EXPECT_EQ(result.process->version, 2);
  EXPECT_EQ(result.process->initial.id, "l1_new");
  EXPECT_EQ(result.process->FindApprovalIn("rfc_review")->quorum, 2);
}

TEST(DefaultProcess, SpeaksRussianAndEnglish) {
  const std::string path = "config/defaults/processes/support.yaml";
  CheckResult result = CheckProcess(ReadFile(path), path);
  ASSERT_TRUE(result.process.has_value()) << ProblemsText(result);
  const Process& p = *result.process;
  const auto both = [](const core::LocalText& text) {
    return text.In("ru") != text.In("en") && !text.In("ru").empty() && !text.In("en").empty();
  };
  EXPECT_TRUE(both(p.label));
  for (const State& s : p.states) {
    EXPECT_TRUE(both(s.label)) << s.id;
    EXPECT_TRUE(both(s.customer_label)) << s.id << " has no words for customers";
  }
  for (const Transition& t : p.transitions) EXPECT_TRUE(both(t.label)) << t.id;
  for (const ApprovalStep& a : p.approvals) {
    EXPECT_TRUE(both(a.approve.label) && both(a.reject.label)) << a.id;
  }
  for (const FieldDef& f : p.fields) {
    EXPECT_TRUE(both(f.label)) << f.id;
    for (const std::string& option : f.options) {
      if (f.type != FieldType::kEnum) continue;
      const auto label = f.option_labels.find(option);
      EXPECT_TRUE(label != f.option_labels.end() && both(label->second)) << f.id << "." << option;
    }
  }
  for (const State& s : p.states) {
    for (const auto& [role, text] : s.instructions) EXPECT_TRUE(both(text)) << s.id;
  }
  for (const Group& g : p.groups) EXPECT_TRUE(both(g.label)) << g.id;
}

TEST(ProcessLoader, LoadsTheMinimalDefinition) {
  const std::string path = std::string(kDataDir) + "valid_minimal.yaml";
  auto process = LoadProcess(ReadFile(path), path);
  ASSERT_TRUE(process.ok()) << process.error().message;
  EXPECT_EQ(process->states.size(), 2u);
  EXPECT_TRUE(process->FindState("closed")->final);
  EXPECT_FALSE(process->FindState("closed")->clock_runs);
  EXPECT_TRUE(process->FindState("open")->clock_runs);
  EXPECT_EQ(process->FindField("priority")->options, (std::vector<std::string>{"low", "high"}));
}

TEST(ProcessLoader, RefusesAnInvalidDefinitionListingEveryProblem) {
  const std::string path = std::string(kDataDir) + "many_problems.yaml";
  auto process = LoadProcess(ReadFile(path), path);
  ASSERT_FALSE(process.ok());
  EXPECT_EQ(process.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(process.error().reason, "invalid-process");
  std::string joined;
  for (const std::string& line : ExpectedProblems(path, ReadFile(path))) {
    joined += (joined.empty() ? "" : "\n") + line;
  }
  EXPECT_EQ(process.error().message, joined);
}

TEST(ProcessLoader, ReportsAnEmptyDocument) {
  CheckResult result = CheckProcess("", "empty.yaml");
  EXPECT_FALSE(result.process.has_value());
  ASSERT_EQ(result.problems.size(), 1u);
  EXPECT_EQ(FormatProblem(result.problems[0]),
            "empty.yaml:1:1: the process definition must be a mapping");
}

TEST(ProcessLoader, ReportsARepeatedKey) {
  CheckResult result = CheckProcess("id: a\nid: b\n", "twice.yaml");
  std::vector<std::string> actual;
  for (const Problem& p : result.problems) actual.push_back(FormatProblem(p));
  EXPECT_THAT(actual,
              ::testing::Contains("twice.yaml:2:1: key 'id' repeated in the process definition"));
}

// One broken definition per kind of error; each file lists the problems it
// must produce, in file order, as "# expect:" lines.
class BrokenDefinition : public ::testing::TestWithParam<const char*> {};

TEST_P(BrokenDefinition, ReportsEveryProblemAtItsPosition) {
  const std::string path = std::string(kDataDir) + GetParam() + ".yaml";
  const std::string text = ReadFile(path);
  const std::vector<std::string> expected = ExpectedProblems(path, text);
  ASSERT_FALSE(expected.empty()) << path << " has no '# expect:' lines";
  CheckResult result = CheckProcess(text, path);
  EXPECT_FALSE(result.process.has_value());
  std::vector<std::string> actual;
  for (const Problem& p : result.problems) actual.push_back(FormatProblem(p));
  EXPECT_EQ(actual, expected);
}

INSTANTIATE_TEST_SUITE_P(Kinds, BrokenDefinition,
                         ::testing::Values("unknown_key", "unknown_state", "unknown_role",
                                           "unknown_field", "unknown_action", "unknown_group",
                                           "duplicate_ids", "unreachable_state", "dead_end",
                                           "no_role", "unknown_field_type", "bad_values",
                                           "malformed_yaml", "approval_errors", "many_problems",
                                           "bad_labels"),
                         [](const auto& param_info) { return std::string(param_info.param); });

}  // namespace
}  // namespace hd::workflow
