// What every report shares: who may read reports, the viewer's zone, the
// period and filters read from a ReportInput, and naming the viewer's days,
// weeks and months. Internal to service/reports/.
#pragma once

#include <date/tz.h>

#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "core/ports/report_repositories.hpp"
#include "service/actor.hpp"
#include "service/reports/reports.hpp"

namespace hd::service::reports_detail {

// Reports are for the staff who read every ticket (not integrators and
// testers, whose reading follows each ticket's process): kForbidden.
Status CheckReader(const Actor& actor);

// The viewer's time zone (Moscow when theirs is unknown).
const date::time_zone* ZoneOf(const Actor& actor);

// The period (dates in `zone`) and filters; kInvalidArgument naming "from",
// "to", "level", "category".
Result<core::ports::ReportFilter> FilterOf(const ReportInput& in, const date::time_zone* zone);

// "day", "week" or "month", or kInvalidArgument naming "period".
Status CheckPeriod(const std::string& period);

// The name of the viewer's period holding UTC hour `hour` (unix time /
// 3600): "2026-12-07", the week's Monday, or "2026-12".
std::string PeriodOf(std::int64_t hour, const std::string& period, const date::time_zone* zone);

// The same for a local `day`.
std::string PeriodOfDay(date::local_days day, const std::string& period);

}  // namespace hd::service::reports_detail
