#include "app/cli_sla.hpp"

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <vector>

#include "app/cli.hpp"
#include "core/time.hpp"
#include "sla/calendar_loader.hpp"
#include "sla/duration.hpp"
#include "sla/timeline.hpp"
#include "sla/working_time.hpp"

namespace hd::app {

namespace {

struct SlaFlags {
  std::string config_dir;
  std::string calendar;
  std::string start;
  std::string duration;
  std::string from;
  std::string to;
  std::vector<std::string> pauses;
};

// Unwraps `r` or reports its error and ends the command.
template <class T>
T OrExit(Result<T> r) {
  if (!r.ok()) throw CLI::RuntimeError(Fail(r.error()));
  return std::move(r).value();
}

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::NotFound("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Result<sla::Calendar> LoadNamedCalendar(const std::string& config_dir, const std::string& name) {
  if (name.empty() || name.find_first_of("/\\") != std::string::npos || name[0] == '.') {
    return Error::InvalidArgument("--calendar must be a calendar id such as ru-business");
  }
  const std::string dir = config_dir + "/calendars/";
  auto definition = ReadFile(dir + name + ".json");
  if (!definition.ok()) {
    return Error::NotFound("no calendar \"" + name + "\" in " + dir);
  }
  return sla::LoadCalendar(*definition, [&](const std::string& source) -> Result<std::string> {
    if (source.find_first_of("/\\") != std::string::npos) {
      return Error::InvalidArgument("holiday source must be a file name in " + dir);
    }
    return ReadFile(dir + source);
  });
}

Result<sla::Instant> ParseInstant(const std::string& text, const std::string& flag) {
  HD_ASSIGN_OR_RETURN(const core::Timestamp t, core::ParseIso8601(text, flag));
  const auto whole = std::chrono::floor<std::chrono::seconds>(t);
  if (whole != t) return Error::InvalidArgument(flag + " must be whole seconds", flag);
  return whole;
}

// "--pause FROM/TO", both RFC 3339 instants.
Result<std::vector<sla::Interval>> ParsePauses(const std::vector<std::string>& texts) {
  std::vector<sla::Interval> pauses;
  for (const std::string& text : texts) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) {
      return Error::InvalidArgument(
          "--pause must be FROM/TO, e.g. "
          "2025-12-30T09:00:00Z/2025-12-30T12:00:00Z");
    }
    HD_ASSIGN_OR_RETURN(const sla::Instant from, ParseInstant(text.substr(0, slash), "--pause"));
    HD_ASSIGN_OR_RETURN(const sla::Instant to, ParseInstant(text.substr(slash + 1), "--pause"));
    pauses.push_back({from, to});
  }
  return pauses;
}

void RunDue(const SlaFlags& f) {
  const auto calendar = OrExit(LoadNamedCalendar(f.config_dir, f.calendar));
  const auto start = OrExit(ParseInstant(f.start, "--start"));
  const auto duration = OrExit(sla::ParseDuration(f.duration, "--duration"));
  const auto pauses = OrExit(ParsePauses(f.pauses));
  const auto due = OrExit(sla::DueAt(calendar, start, duration, pauses));
  std::cout << core::FormatIso8601(due) << "\n";
}

void RunElapsed(const SlaFlags& f) {
  const auto calendar = OrExit(LoadNamedCalendar(f.config_dir, f.calendar));
  const auto from = OrExit(ParseInstant(f.from, "--from"));
  const auto to = OrExit(ParseInstant(f.to, "--to"));
  const auto pauses = OrExit(ParsePauses(f.pauses));
  std::cout << OrExit(sla::WorkingSeconds(calendar, from, to, pauses)).count() << "\n";
}

void RunTimeline(const SlaFlags& f) {
  const auto calendar = OrExit(LoadNamedCalendar(f.config_dir, f.calendar));
  const auto from = OrExit(ParseInstant(f.from, "--from"));
  const auto to = OrExit(ParseInstant(f.to, "--to"));
  const auto pauses = OrExit(ParsePauses(f.pauses));
  for (const sla::Segment& s : OrExit(sla::ClockSegments(calendar, from, to, pauses))) {
    std::cout << core::FormatIso8601(s.span.from) << " " << core::FormatIso8601(s.span.to) << " "
              << sla::ToString(s.kind) << "\n";
  }
}

void AddShared(CLI::App& cmd, SlaFlags& f) {
  cmd.add_option("--calendar", f.calendar, "calendar id, e.g. ru-business or 24x7")->required();
  cmd.add_option("--config-dir", f.config_dir, "folder holding calendars/");
  cmd.add_option("--pause", f.pauses, "FROM/TO interval when the clock stops (repeatable)");
}

}  // namespace

void AddSlaCommands(CLI::App& app, const std::string& config_dir_default) {
  auto flags = std::make_shared<SlaFlags>();
  flags->config_dir = config_dir_default;
  CLI::App* sla = app.add_subcommand("sla", "working-time arithmetic on SLA calendars");
  sla->require_subcommand(1);

  CLI::App* due = sla->add_subcommand("due", "print when a working duration is due (UTC)");
  AddShared(*due, *flags);
  due->add_option("--start", flags->start, "start instant, e.g. 2025-12-30T18:30:00Z")->required();
  due->add_option("--duration", flags->duration, "working time, e.g. 6h, 90m, 1h30m")->required();
  due->callback([flags] { RunDue(*flags); });

  CLI::App* elapsed = sla->add_subcommand("elapsed", "print working seconds between two instants");
  AddShared(*elapsed, *flags);
  elapsed->add_option("--from", flags->from, "first instant (RFC 3339)")->required();
  elapsed->add_option("--to", flags->to, "last instant (RFC 3339)")->required();
  elapsed->callback([flags] { RunElapsed(*flags); });

  CLI::App* timeline =
      sla->add_subcommand("timeline", "print the clock's segments between two instants");
  AddShared(*timeline, *flags);
  timeline->add_option("--from", flags->from, "first instant (RFC 3339)")->required();
  timeline->add_option("--to", flags->to, "last instant (RFC 3339)")->required();
  timeline->callback([flags] { RunTimeline(*flags); });
}

}  // namespace hd::app
