// BacklogSnapshots: counts the open tickets (new, open, pending) at the end
// of each day of the installation's time zone, by status, tier, group,
// level, category and company, for the backlog report. A day is counted
// once it has ended, exactly: from the tickets as they are now with every
// change made since its end undone, read back from the tickets' history. A
// day missed (the server was down at midnight) is counted the same way; on
// the first run, the days since the first ticket are, at most
// kBacklogHistoryDays back. Levels, categories and companies are taken as
// they are now (the history does not record their changes). Thread-safe;
// blocking (the job's thread).
#pragma once

#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"

namespace hd::service {

inline constexpr int kBacklogHistoryDays = 92;

class BacklogSnapshots {
 public:
  BacklogSnapshots(core::ports::Store& store, const core::Clock& clock, std::string time_zone)
      : store_(store), clock_(clock), time_zone_(std::move(time_zone)) {}

  // Counts and stores every ended day not stored yet; returns how many.
  Result<int> Run();

  const std::string& time_zone() const { return time_zone_; }

 private:
  core::ports::Store& store_;
  const core::Clock& clock_;
  std::string time_zone_;
};

}  // namespace hd::service
