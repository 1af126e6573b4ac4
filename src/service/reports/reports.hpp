// Reports: how support is doing, for staff. Every figure is aggregated in
// the database (core/ports/report_repositories.hpp), so a report over a
// million tickets reads indexes and holds a few hundred rows, never the
// tickets. Thread-safe; blocking.
//
// Periods are dates in the viewer's time zone: `from` inclusive, `to`
// exclusive. Response and resolution times are working hours of each
// ticket's calendar without the waits for the customer; a row says which
// calendar counted them. "Within target" compares each answer with its due
// instant; an unanswered ticket counts as missed once its due instant has
// passed (and not while it waits for the customer). Median and 90th
// percentile are by nearest rank, to the whole minute.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/actor.hpp"
#include "service/sla_policy.hpp"

namespace hd::service {

// The period and filters every report takes.
struct ReportInput {
  std::string from;  // YYYY-MM-DD in the viewer's time zone, inclusive
  std::string to;    // YYYY-MM-DD, exclusive
  std::vector<std::string> levels;
  std::string category;
  std::optional<std::int64_t> group;
  std::optional<std::int64_t> company;
};

// How long something took for the tickets of a row.
struct DurationSummary {
  std::int64_t count = 0;
  double avg_hours = 0;
  double median_hours = 0;
  double p90_hours = 0;
  double max_hours = 0;
  std::int64_t met = 0;
  std::int64_t missed = 0;
  double within_target = 0;  // met / (met + missed); 0 when both are 0
};

struct SlaReportRow {
  std::string key;       // level id, agent's user id ("" = nobody answered), or "1".."3"
  std::string label;     // the level's title or the agent's e-mail, in the viewer's language
  std::string calendar;  // the calendar the hours were counted in; "" when several
  std::int64_t tickets = 0;
  DurationSummary first_response;
  DurationSummary resolution;
};

struct IntakeRow {
  std::string period;  // "2026-12-07" (day), the week's Monday, or "2026-12" (month)
  std::string key;     // channel, category, level or L1 class; "" when not grouped
  std::int64_t tickets = 0;
};

struct IntakeReport {
  std::string time_zone;
  std::vector<IntakeRow> rows;  // by period, then key
};

class Reports {
 public:
  Reports(core::ports::Store& store, const SlaPolicy& policy, const core::Clock& clock)
      : store_(store), policy_(policy), clock_(clock) {}

  // SLA figures by "level", "agent" or "tier". kForbidden for customers;
  // kInvalidArgument naming "from", "to", "by", "level", "category".
  Result<std::vector<SlaReportRow>> Sla(const Actor& actor, const ReportInput& input,
                                        const std::string& by);

  // Tickets opened per "day", "week" (from Monday) or "month" in the
  // viewer's zone, by "none", "channel", "category", "level" or "l1_class".
  Result<IntakeReport> Intake(const Actor& actor, const ReportInput& input,
                              const std::string& period, const std::string& by);

 private:
  core::ports::Store& store_;
  const SlaPolicy& policy_;
  const core::Clock& clock_;
};

// Nearest-rank percentile `p` (0 < p <= 1) of a histogram by minute, in
// hours (the bucket's minute); 0 for an empty histogram.
double PercentileHours(const std::vector<std::pair<std::int64_t, std::int64_t>>& minutes,
                       std::int64_t count, double p);

}  // namespace hd::service
