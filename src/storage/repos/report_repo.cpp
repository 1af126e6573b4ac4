// The reports' aggregates: each report is one range scan of an index made
// for it (migrations 0012_reports.sql) that covers every column it reads;
// the groups are counted as the rows stream past, so the database sorts
// nothing and no row is kept, only one running total per group (and per
// group and minute for the histograms the order statistics come from).
#include <algorithm>
#include <limits>
#include <map>
#include <optional>
#include <tuple>

#include "storage/repos/report_sql.hpp"
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_report_repo.hpp"

namespace hd::storage {

using core::ports::DurationFigures;
using core::ports::ReportFilter;
using namespace sql;         // NOLINT(google-build-using-namespace): row helpers
using namespace report_sql;  // NOLINT(google-build-using-namespace): report helpers

namespace {

// The agent of tickets nobody answered, while counting.
constexpr std::int64_t kNobody = std::numeric_limits<std::int64_t>::min();

std::string SlaKey(core::ports::SlaGrouping grouping) {
  switch (grouping) {
    case core::ports::SlaGrouping::kLevel:
      return "s.level_id";
    case core::ports::SlaGrouping::kAgent:
      return "s.first_response_by";
    case core::ports::SlaGrouping::kTier:
      return "t.tier";
  }
  return "s.level_id";
}

std::optional<std::int64_t> IntOrNone(const Statement& s, int c) {
  if (s.IsNull(c)) return std::nullopt;
  return s.ColumnInt(c);
}

// One duration of a row (a response or a resolution) added to `d`: how long
// it took (none when it has not happened), when it happened and when it was
// due, against `now` and whether the clock waits for the customer.
void Count(DurationFigures& d, std::map<std::int64_t, std::int64_t>& minutes,
           std::optional<std::int64_t> seconds, std::optional<std::int64_t> at,
           std::optional<std::int64_t> due, bool paused, std::int64_t now, bool late_without_due) {
  if (seconds) {
    ++d.count;
    d.total_s += *seconds;
    d.max_s = std::max(d.max_s, *seconds);
    ++minutes[*seconds / 60];
  }
  if (at) {
    if (due && *at <= *due) {
      ++d.met;
    } else if (due || late_without_due) {
      ++d.missed;
    }
  } else if (due && *due < now && !paused) {
    ++d.missed;
  }
}

// A group's running figures while the rows stream past.
struct SlaGroup {
  core::ports::SlaFigures figures;
  std::map<std::int64_t, std::int64_t> first_response_minutes;
  std::map<std::int64_t, std::int64_t> resolution_minutes;
  bool one_calendar = true;
};

// The group of `key` in `groups`, and whether it is new.
template <class Key>
std::pair<SlaGroup*, bool> Place(std::map<Key, SlaGroup>& groups, Key key) {
  auto [it, fresh] = groups.try_emplace(std::move(key));
  return {&it->second, fresh};
}

// A duration's column and where its figures go.
struct DurationSql {
  std::string_view seconds;
  const TargetSql& target;
  DurationFigures core::ports::SlaFigures::*figures;
};

const DurationSql kFirstResponse{"s.first_response_s", kFirstResponseSql,
                                 &core::ports::SlaFigures::first_response};
const DurationSql kResolution{"s.resolution_s", kResolutionSql,
                              &core::ports::SlaFigures::resolution};

std::string CountWhen(std::string_view condition) {
  return "CAST(SUM(CASE WHEN " + std::string(condition) + " THEN 1 ELSE 0 END) AS BIGINT)";
}

// PostgreSQL aggregates by hashing, in the database: one query per
// duration grouped by key and minute, whose few thousand rows give the
// histogram and, summed, the group's totals (the first also the tickets).
Status AddGrouped(Connection& conn, const ReportFilter& f, core::ports::SlaGrouping grouping,
                  std::int64_t now_ms, const DurationSql& d, bool count_tickets,
                  std::map<std::string, SlaGroup>& groups) {
  const std::string key = SlaKey(grouping);
  const std::string minute = std::string(d.seconds) + " / 60";
  Builder from = SlaFrom(f, grouping == core::ports::SlaGrouping::kTier);
  Builder b;
  // The calendar is a key rather than MIN and MAX of text, and seconds are
  // summed as integers (a bigint sum, not a numeric one): both per row.
  b.sql = "SELECT " + key + ", " + minute + ", s.calendar, COUNT(*), CAST(SUM(CAST(" +
          std::string(d.seconds) + " AS INTEGER)) AS BIGINT), MAX(" + std::string(d.seconds) +
          "), " + CountWhen(d.target.met) + ", ";
  b.Add(CountWhen(d.target.missed), now_ms);
  b.sql += from.sql + " GROUP BY " + key + ", " + minute + ", s.calendar";
  b.params.insert(b.params.end(), from.params.begin(), from.params.end());
  HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn));
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return Ok();
    auto [g, fresh] = Place(groups, stmt->IsNull(0) ? std::string() : stmt->ColumnText(0));
    const std::string calendar = stmt->ColumnText(2);
    if (fresh) g->figures.calendar = calendar;
    if (calendar != g->figures.calendar) g->one_calendar = false;
    const std::int64_t tickets = stmt->ColumnInt(3);
    if (count_tickets) g->figures.tickets += tickets;
    DurationFigures& figures = g->figures.*(d.figures);
    figures.met += stmt->ColumnInt(6);
    figures.missed += stmt->ColumnInt(7);
    if (stmt->IsNull(1)) continue;  // it has not happened
    figures.count += tickets;
    figures.total_s += stmt->ColumnInt(4);
    figures.max_s = std::max(figures.max_s, stmt->ColumnInt(5));
    auto& minutes = d.figures == &core::ports::SlaFigures::first_response
                        ? g->first_response_minutes
                        : g->resolution_minutes;
    minutes[stmt->ColumnInt(1)] += tickets;
  }
}

// The figures of every group, text keys first, then numbers (kNobody as "").
std::vector<core::ports::SlaFigures> Finish(std::map<std::string, SlaGroup>& by_text,
                                            std::map<std::int64_t, SlaGroup> by_number) {
  std::vector<core::ports::SlaFigures> out;
  auto finish = [&](std::string key, SlaGroup& g) {
    g.figures.key = std::move(key);
    if (!g.one_calendar) g.figures.calendar.clear();
    g.figures.first_response.minutes.assign(g.first_response_minutes.begin(),
                                            g.first_response_minutes.end());
    g.figures.resolution.minutes.assign(g.resolution_minutes.begin(), g.resolution_minutes.end());
    out.push_back(std::move(g.figures));
  };
  for (auto& [key, g] : by_text) finish(key, g);
  for (auto& [key, g] : by_number) finish(key == kNobody ? "" : std::to_string(key), g);
  return out;
}

}  // namespace

Result<std::vector<core::ports::SlaFigures>> SqlReportRepo::Sla(const ReportFilter& f,
                                                                core::ports::SlaGrouping grouping,
                                                                core::Timestamp now) {
  const std::int64_t now_ms = core::ToUnixMillis(now);
  if (conn_.dialect() == Dialect::kPostgres) {
    HD_RETURN_IF_ERROR(PreferHashing(conn_));
    std::map<std::string, SlaGroup> groups;
    HD_RETURN_IF_ERROR(AddGrouped(conn_, f, grouping, now_ms, kFirstResponse, true, groups));
    HD_RETURN_IF_ERROR(AddGrouped(conn_, f, grouping, now_ms, kResolution, false, groups));
    return Finish(groups, {});
  }
  // SQLite: one range scan of the covering index ticket_sla_report; the
  // groups are counted as the rows stream past, so nothing is sorted and no
  // row is kept.
  Builder from = SlaFrom(f, grouping == core::ports::SlaGrouping::kTier);
  Builder b;
  b.sql = "SELECT " + SlaKey(grouping) +
          ", s.calendar, s.first_response_s, s.first_response_at, s.first_response_due, "
          "s.resolution_s, s.resolved_at, s.resolution_due, s.paused_since" +
          from.sql;
  b.params = from.params;
  HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn_));
  // Levels are text; agents and tiers numbers, kept as such while counting.
  const bool text_key = grouping == core::ports::SlaGrouping::kLevel;
  std::map<std::string, SlaGroup> by_text;
  std::map<std::int64_t, SlaGroup> by_number;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    auto [g, fresh] = text_key ? Place(by_text, stmt->ColumnText(0))
                               : Place(by_number, stmt->IsNull(0) ? kNobody : stmt->ColumnInt(0));
    if (fresh) {
      g->figures.calendar = stmt->ColumnText(1);
    } else if (g->one_calendar && g->figures.calendar != stmt->ColumnText(1)) {
      g->one_calendar = false;
    }
    ++g->figures.tickets;
    const bool paused = !stmt->IsNull(8);
    Count(g->figures.first_response, g->first_response_minutes, IntOrNone(*stmt, 2),
          IntOrNone(*stmt, 3), IntOrNone(*stmt, 4), paused, now_ms, true);
    Count(g->figures.resolution, g->resolution_minutes, IntOrNone(*stmt, 5), IntOrNone(*stmt, 6),
          IntOrNone(*stmt, 7), paused, now_ms, false);
  }
  return Finish(by_text, by_number);
}

Result<std::vector<core::ports::IntakeCount>> SqlReportRepo::Intake(
    const ReportFilter& f, core::ports::IntakeGrouping grouping) {
  Builder keys;
  keys.sql = "t.created_at / 3600000, ";
  switch (grouping) {
    case core::ports::IntakeGrouping::kNone:
      keys.sql += "''";
      break;
    case core::ports::IntakeGrouping::kChannel:
      keys.sql += "t.channel";
      break;
    case core::ports::IntakeGrouping::kCategory:
      keys.sql += "t.category";
      break;
    case core::ports::IntakeGrouping::kLevel:
      keys.sql += "t.support_level";
      break;
    case core::ports::IntakeGrouping::kL1Class:
      keys.sql += "f.value";
      break;
  }
  // One range scan of the covering index tickets_report.
  Builder from;
  from.sql = " FROM tickets t";
  if (grouping == core::ports::IntakeGrouping::kL1Class) {
    from.sql += " LEFT JOIN ticket_process_fields f ON f.ticket_id = t.id AND f.name = 'l1_class'";
  }
  AddFilter(from, f, "t.created_at", "t.support_level");
  HD_ASSIGN_OR_RETURN(auto counts, CountBy(conn_, keys, 2, from));
  std::vector<core::ports::IntakeCount> out;
  out.reserve(counts.size());
  for (auto& c : counts) out.push_back({std::stoll(c.keys[0]), std::move(c.keys[1]), c.rows});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.hour, a.key) < std::tie(b.hour, b.key);
  });
  return out;
}

}  // namespace hd::storage
