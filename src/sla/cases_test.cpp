// Runs the hand-checked, table-driven cases of tests/data/sla/*.cases (the
// syntax is described at the top of ru-business.cases).
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>

#include "core/time.hpp"
#include "sla/duration.hpp"
#include "sla/test_calendars.hpp"
#include "sla/working_time.hpp"

namespace hd::sla {
namespace {

using test_support::NamedCalendar;
using test_support::T;

struct Case {
  std::string where;  // file:line
  std::string verb;   // "due" or "elapsed"
  std::string calendar;
  std::vector<std::string> args;
  std::vector<Interval> pauses;
  std::string expected;  // instant, seconds, or "error <message>"
};

Case ParseCase(const std::string& where, const std::string& calendar, const std::string& line) {
  const auto arrow = line.find(" => ");
  if (arrow == std::string::npos) throw std::runtime_error(where + ": no ' => '");
  Case c{where, {}, calendar, {}, {}, line.substr(arrow + 4)};
  std::istringstream words(line.substr(0, arrow));
  words >> c.verb;
  for (std::string w; words >> w;) {
    if (w == "pause") {
      std::string from, to;
      words >> from >> to;
      c.pauses.push_back(Interval{T(from), T(to)});
    } else {
      c.args.push_back(w);
    }
  }
  if (c.args.size() != 2 || (c.verb != "due" && c.verb != "elapsed")) {
    throw std::runtime_error(where + ": expected 'due S D' or 'elapsed F T'");
  }
  return c;
}

std::vector<Case> ReadCases() {
  std::vector<Case> cases;
  const auto dir = std::filesystem::path(test_support::SourcePath("tests/data/sla"));
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".cases") continue;
    auto text = test_support::ReadFile(entry.path().string());
    if (!text.ok()) throw std::runtime_error(text.error().message);
    std::istringstream lines(*text);
    std::string calendar;
    int number = 0;
    for (std::string line; std::getline(lines, line);) {
      ++number;
      if (line.empty() || line[0] == '#') continue;
      const std::string where = entry.path().filename().string() + ":" + std::to_string(number);
      if (line.rfind("calendar ", 0) == 0) {
        calendar = line.substr(9);
      } else {
        cases.push_back(ParseCase(where, calendar, line));
      }
    }
  }
  return cases;
}

// The outcome of a case in the syntax of its expectation.
std::string Outcome(const Case& c) {
  const Calendar& cal = NamedCalendar(c.calendar);
  if (c.verb == "due") {
    auto duration = ParseDuration(c.args[1]);
    if (!duration.ok()) return "bad duration " + c.args[1];
    auto due = DueAt(cal, T(c.args[0]), *duration, c.pauses);
    if (!due.ok()) return "error " + due.error().message;
    return core::FormatIso8601(*due);
  }
  auto worked = WorkingSeconds(cal, T(c.args[0]), T(c.args[1]), c.pauses);
  if (!worked.ok()) return "error " + worked.error().message;
  return std::to_string(worked->count());
}

TEST(WorkingTimeCases, EveryHandCheckedCaseHolds) {
  const std::vector<Case> cases = ReadCases();
  ASSERT_GE(cases.size(), 50u) << "case files missing from tests/data/sla";
  for (const Case& c : cases) {
    EXPECT_EQ(Outcome(c), c.expected) << c.where;
  }
}

// Each due case also holds in reverse: the working seconds from the start to
// the due instant equal the duration.
TEST(WorkingTimeCases, ElapsedFromStartToDueEqualsTheDuration) {
  for (const Case& c : ReadCases()) {
    if (c.verb != "due" || c.expected.rfind("error", 0) == 0) continue;
    auto worked = WorkingSeconds(NamedCalendar(c.calendar), T(c.args[0]), T(c.expected), c.pauses);
    ASSERT_TRUE(worked.ok()) << c.where;
    EXPECT_EQ(*worked, *ParseDuration(c.args[1])) << c.where;
  }
}

}  // namespace
}  // namespace hd::sla
