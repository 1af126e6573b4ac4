#include "service/reports/reports.hpp"

#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <map>

#include "core/licence.hpp"
#include "service/l1/hints.hpp"
#include "service/reports/report_input.hpp"
#include "service/validation.hpp"

namespace hd::service {

using core::ports::Tx;
using namespace reports_detail;  // NOLINT(google-build-using-namespace): shared report steps

namespace {

double Hours(double seconds) { return seconds / 3600.0; }

DurationSummary Summarize(const core::ports::DurationFigures& d) {
  DurationSummary s;
  s.count = d.count;
  if (d.count > 0)
    s.avg_hours = Hours(static_cast<double>(d.total_s) / static_cast<double>(d.count));
  s.median_hours = PercentileHours(d.minutes, d.count, 0.5);
  s.p90_hours = PercentileHours(d.minutes, d.count, 0.9);
  s.max_hours = Hours(static_cast<double>(d.max_s));
  s.met = d.met;
  s.missed = d.missed;
  const std::int64_t judged = d.met + d.missed;
  if (judged > 0) s.within_target = static_cast<double>(d.met) / static_cast<double>(judged);
  return s;
}

// The label of each row: the level's title, or the agent's e-mail.
Status Label(Tx& tx, const SlaCatalog& catalog, const std::string& by, const Actor& actor,
             SlaReportRow& row) {
  if (by == "level") {
    if (const auto* version = catalog.CurrentVersion(row.key)) {
      row.label = core::LocalText::FromStored(version->title).In(actor.language);
    }
  } else if (by == "agent" && !row.key.empty()) {
    auto user = tx.Users().Get(core::UserId(std::stoll(row.key)));
    if (user.ok()) row.label = user->email;
  } else if (by == "tier") {
    row.label = "L" + row.key;
  }
  return Ok();
}

}  // namespace

double PercentileHours(const std::vector<std::pair<std::int64_t, std::int64_t>>& minutes,
                       std::int64_t count, double p) {
  if (count <= 0) return 0;
  const auto rank = static_cast<std::int64_t>(std::ceil(p * static_cast<double>(count)));
  std::int64_t seen = 0;
  for (const auto& [minute, tickets] : minutes) {
    seen += tickets;
    if (seen >= rank) return static_cast<double>(minute) / 60.0;
  }
  return minutes.empty() ? 0 : static_cast<double>(minutes.back().first) / 60.0;
}

Result<std::vector<SlaReportRow>> Reports::Sla(const Actor& actor, const ReportInput& in,
                                               const std::string& by) {
  HD_RETURN_IF_ERROR(CheckReader(actor));
  core::ports::SlaGrouping grouping = core::ports::SlaGrouping::kLevel;
  if (by == "agent") {
    grouping = core::ports::SlaGrouping::kAgent;
  } else if (by == "tier") {
    grouping = core::ports::SlaGrouping::kTier;
  } else if (by != "level") {
    return Error::InvalidArgument("by must be level, agent or tier", "by");
  }
  HD_ASSIGN_OR_RETURN(auto filter, FilterOf(in, ZoneOf(actor)));
  const auto catalog = policy_.Current();
  const auto now = clock_.Now();
  std::vector<SlaReportRow> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    out.clear();
    HD_ASSIGN_OR_RETURN(auto figures, tx.Reports().Sla(filter, grouping, now));
    for (const auto& f : figures) {
      SlaReportRow row;
      row.key = f.key;
      row.calendar = f.calendar;
      row.tickets = f.tickets;
      row.first_response = Summarize(f.first_response);
      row.resolution = Summarize(f.resolution);
      HD_RETURN_IF_ERROR(Label(tx, *catalog, by, actor, row));
      out.push_back(std::move(row));
    }
    return Ok();
  }));
  return out;
}

Result<std::map<std::string, std::string>> Reports::IntakeLabels(const std::string& by,
                                                                 const std::string& language) {
  std::map<std::string, std::string> out;
  if (by == "level") {
    const auto catalog = policy_.Current();
    for (const auto& level : catalog->levels.levels()) {
      if (const auto* version = catalog->CurrentVersion(level.id)) {
        out[level.id] = core::LocalText::FromStored(version->title).In(language);
      }
    }
  } else if (by == "category") {
    HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
      HD_ASSIGN_OR_RETURN(auto categories, tx.Groups().ListCategories());
      for (const auto& c : categories) out[c.slug] = c.label.In(language);
      return Ok();
    }));
  } else if (by == "l1_class") {
    out = l1::ClassLabels(processes_, language);
  }
  return out;
}

Result<IntakeReport> Reports::Intake(const Actor& actor, const ReportInput& in,
                                     const std::string& period, const std::string& by) {
  HD_RETURN_IF_ERROR(CheckReader(actor));
  HD_RETURN_IF_ERROR(CheckPeriod(period));
  static const std::map<std::string, core::ports::IntakeGrouping> kGroupings = {
      {"none", core::ports::IntakeGrouping::kNone},
      {"channel", core::ports::IntakeGrouping::kChannel},
      {"category", core::ports::IntakeGrouping::kCategory},
      {"level", core::ports::IntakeGrouping::kLevel},
      {"l1_class", core::ports::IntakeGrouping::kL1Class}};
  const auto grouping = kGroupings.find(by);
  if (grouping == kGroupings.end()) {
    return Error::InvalidArgument("by must be none, channel, category, level or l1_class", "by");
  }
  const date::time_zone* zone = ZoneOf(actor);
  HD_ASSIGN_OR_RETURN(auto filter, FilterOf(in, zone));
  std::vector<core::ports::IntakeCount> counts;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(counts, tx.Reports().Intake(filter, grouping->second));
    return Ok();
  }));
  std::map<std::pair<std::string, std::string>, std::int64_t> folded;
  for (const auto& c : counts) folded[{PeriodOf(c.hour, period, zone), c.key}] += c.tickets;
  HD_ASSIGN_OR_RETURN(auto labels, IntakeLabels(by, actor.language));
  IntakeReport out;
  out.time_zone = zone->name();
  for (const auto& [where, tickets] : folded) {
    auto label = labels.find(where.second);
    out.rows.push_back(
        {where.first, where.second, label == labels.end() ? where.second : label->second, tickets});
  }
  return out;
}

}  // namespace hd::service
