// Reports: figures aggregated in the database, so a report over a million
// tickets reads indexes and returns a few hundred rows, never the tickets.
// Response and resolution times are the working seconds ticket_sla stores
// for each ticket (measured on its clock's calendar, without the waits for
// the customer); order statistics come from their histogram by minute.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"

namespace hd::core::ports {

// Which tickets a report counts: opened in [from, to); empty members do not
// filter.
struct ReportFilter {
  Timestamp from;
  Timestamp to;
  std::vector<std::string> levels;
  std::optional<std::string> category;
  std::optional<GroupId> group;
  std::optional<CompanyId> company;
};

// How long something took for a set of tickets, in working seconds.
struct DurationFigures {
  std::int64_t count = 0;    // tickets it happened for
  std::int64_t total_s = 0;  // sum over them
  std::int64_t max_s = 0;
  // (minute, tickets): how many took [minute, minute + 1) minutes, by minute.
  std::vector<std::pair<std::int64_t, std::int64_t>> minutes;
  std::int64_t met = 0;     // happened by its due instant
  std::int64_t missed = 0;  // happened late, or has not happened and is overdue
};

// What the SLA report groups by.
enum class SlaGrouping { kLevel, kAgent, kTier };

struct SlaFigures {
  std::string key;       // level id, agent user id ("" = nobody answered), or "1".."3"
  std::string calendar;  // the calendar the times were counted in ("" when several)
  std::int64_t tickets = 0;
  DurationFigures first_response;
  DurationFigures resolution;
};

// What the intake report groups by, besides the period.
enum class IntakeGrouping { kNone, kChannel, kCategory, kLevel, kL1Class };

// Tickets opened in one UTC hour with one key.
struct IntakeCount {
  std::int64_t hour = 0;  // unix time / 3600
  std::string key;
  std::int64_t tickets = 0;
};

class ReportRepo {
 public:
  virtual ~ReportRepo() = default;
  // SLA figures of the clocks of tickets matching `filter`, by `grouping`;
  // "overdue" is judged at `now`.
  virtual Result<std::vector<SlaFigures>> Sla(const ReportFilter& filter, SlaGrouping grouping,
                                              Timestamp now) = 0;
  // Tickets opened, by UTC hour and key (the caller folds hours into the
  // viewer's days, weeks or months).
  virtual Result<std::vector<IntakeCount>> Intake(const ReportFilter& filter,
                                                  IntakeGrouping grouping) = 0;
};

}  // namespace hd::core::ports
