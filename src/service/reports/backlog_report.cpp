// The backlog over time: the open tickets at the end of each day, as
// BacklogSnapshots stored them, and today's as they are now.
#include <algorithm>
#include <map>
#include <vector>

#include "service/reports/report_input.hpp"
#include "service/reports/reports.hpp"

namespace hd::service {

using core::ports::Tx;
using namespace reports_detail;  // NOLINT(google-build-using-namespace): shared report steps

namespace {

bool Matches(const core::ports::BacklogCount& c, const core::ports::ReportFilter& f) {
  if (!f.levels.empty() && std::find(f.levels.begin(), f.levels.end(), c.level) == f.levels.end()) {
    return false;
  }
  if (f.category && c.category != *f.category) return false;
  if (f.group && c.group != f.group) return false;
  if (f.company && c.company != f.company) return false;
  return true;
}

std::string KeyOf(const core::ports::BacklogCount& c, core::ports::BacklogGrouping by) {
  switch (by) {
    case core::ports::BacklogGrouping::kStatus:
      return c.status;
    case core::ports::BacklogGrouping::kTier:
      return std::to_string(c.tier);
    case core::ports::BacklogGrouping::kGroup:
      return c.group ? std::to_string(c.group->value) : "";
  }
  return c.status;
}

}  // namespace

Result<BacklogReport> Reports::Backlog(const Actor& actor, const ReportInput& in,
                                       const std::string& period, const std::string& by) {
  HD_RETURN_IF_ERROR(CheckReader(actor));
  HD_RETURN_IF_ERROR(CheckPeriod(period));
  static const std::map<std::string, core::ports::BacklogGrouping> kGroupings = {
      {"status", core::ports::BacklogGrouping::kStatus},
      {"tier", core::ports::BacklogGrouping::kTier},
      {"group", core::ports::BacklogGrouping::kGroup}};
  const auto grouping = kGroupings.find(by);
  if (grouping == kGroupings.end()) {
    return Error::InvalidArgument("by must be status, tier or group", "by");
  }
  const date::time_zone* zone = date::locate_zone(desk_zone_);
  HD_ASSIGN_OR_RETURN(auto filter, FilterOf(in, zone));
  // The days of the period, by name: from `from` to the day before `to`.
  const std::string first = in.from;
  // FilterOf checked that `to` is a date after `from`.
  const std::string last = core::FormatDate(*core::ParseDate(in.to) - std::chrono::days(1));
  const auto now = clock_.Now();
  const std::string today = core::FormatDate(
      std::chrono::sys_days(date::floor<date::days>(zone->to_local(now)).time_since_epoch()));
  BacklogReport out;
  out.time_zone = zone->name();
  std::vector<core::ports::BacklogPoint> points;
  std::map<std::string, std::string> group_names;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto days, tx.Reports().BacklogDays());
    out.history_from = days.first;
    HD_ASSIGN_OR_RETURN(points, tx.Reports().Backlog(first, last, filter, grouping->second));
    if (first <= today && today <= last) {
      HD_ASSIGN_OR_RETURN(auto now_open, tx.Reports().OpenNow());
      std::map<std::string, std::int64_t> live;
      for (const auto& c : now_open) {
        if (Matches(c, filter)) live[KeyOf(c, grouping->second)] += c.tickets;
      }
      std::erase_if(points, [&](const auto& p) { return p.day == today; });
      for (const auto& [key, tickets] : live) points.push_back({today, key, tickets});
    }
    if (grouping->second == core::ports::BacklogGrouping::kGroup) {
      HD_ASSIGN_OR_RETURN(auto groups, tx.Groups().List());
      for (const auto& g : groups) {
        group_names[std::to_string(g.id.value)] = g.name.In(actor.language);
      }
    }
    return Ok();
  }));
  // The points by day, and each period at its last day counted.
  std::map<std::string, std::vector<const core::ports::BacklogPoint*>> by_day;
  for (const auto& p : points) by_day[p.day].push_back(&p);
  std::map<std::string, std::string> last_day;
  for (const auto& [day, unused] : by_day) {
    const auto parsed = core::ParseDate(day);
    if (!parsed) continue;
    const std::string name = PeriodOfDay(date::local_days(parsed->time_since_epoch()), period);
    std::string& at = last_day[name];
    if (day > at) at = day;
  }
  std::map<std::pair<std::string, std::string>, BacklogRow> rows;
  for (const auto& [name, day] : last_day) {
    for (const core::ports::BacklogPoint* p : by_day[day]) {
      BacklogRow& row = rows[{name, p->key}];
      row.period = name;
      row.day = day;
      row.key = p->key;
      row.tickets += p->tickets;
      if (grouping->second == core::ports::BacklogGrouping::kTier) {
        row.label = "L" + p->key;
      } else if (grouping->second == core::ports::BacklogGrouping::kGroup) {
        auto found = group_names.find(p->key);
        row.label = found == group_names.end() ? "" : found->second;
      } else {
        row.label = p->key;
      }
    }
  }
  for (auto& [key, row] : rows) out.rows.push_back(std::move(row));
  return out;
}

}  // namespace hd::service
