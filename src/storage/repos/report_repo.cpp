// The reports' aggregates: GROUP BY queries that read the indexes made for
// them (migrations 0012_reports.sql) and return one row per group, or per
// group and minute for the histograms the order statistics come from.
#include <map>

#include "storage/repos/rows.hpp"
#include "storage/repos/sql_report_repo.hpp"

namespace hd::storage {

using core::ports::DurationFigures;
using core::ports::ReportFilter;
using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

// A statement's text with the values of its placeholders.
struct Builder : SqlText {
  Result<PreparedStatement> Prepare(Connection& conn) const {
    HD_ASSIGN_OR_RETURN(PreparedStatement stmt, conn.Prepare(sql));
    BindTo(*stmt);
    return stmt;
  }
};

// " AND <time column> in the period AND the filter's conditions". `t` is
// the tickets table's alias.
void AddFilter(Builder& b, const ReportFilter& f, std::string_view time_column,
               std::string_view level_column) {
  b.Add(" WHERE " + std::string(time_column) + " >= ?", core::ToUnixMillis(f.from));
  b.Add(" AND " + std::string(time_column) + " < ?", core::ToUnixMillis(f.to));
  if (!f.levels.empty()) {
    b.sql += " AND " + std::string(level_column) + " IN (";
    for (std::size_t i = 0; i < f.levels.size(); ++i) b.Add(i == 0 ? "?" : ", ?", f.levels[i]);
    b.sql += ")";
  }
  if (f.category) b.Add(" AND t.category = ?", *f.category);
  if (f.group) b.Add(" AND t.group_id = ?", f.group->value);
  if (f.company) b.Add(" AND t.company_id = ?", f.company->value);
}

bool NeedsTickets(const ReportFilter& f) {
  return f.category.has_value() || f.group.has_value() || f.company.has_value();
}

std::string SlaKey(core::ports::SlaGrouping grouping) {
  switch (grouping) {
    case core::ports::SlaGrouping::kLevel:
      return "s.level_id";
    case core::ports::SlaGrouping::kAgent:
      return "COALESCE(CAST(s.first_response_by AS TEXT), '')";
    case core::ports::SlaGrouping::kTier:
      return "CAST(t.tier AS TEXT)";
  }
  return "s.level_id";
}

// The FROM and WHERE of the SLA report's queries.
Builder SlaFrom(const ReportFilter& f, core::ports::SlaGrouping grouping) {
  Builder b;
  b.sql = " FROM ticket_sla s";
  if (NeedsTickets(f) || grouping == core::ports::SlaGrouping::kTier) {
    b.sql += " JOIN tickets t ON t.id = s.ticket_id";
  }
  AddFilter(b, f, "s.started_at", "s.level_id");
  return b;
}

constexpr std::string_view kFirstResponseMet =
    "s.first_response_at IS NOT NULL AND s.first_response_due IS NOT NULL AND "
    "s.first_response_at <= s.first_response_due";
constexpr std::string_view kFirstResponseMissed =
    "(s.first_response_at IS NOT NULL AND (s.first_response_due IS NULL OR "
    "s.first_response_at > s.first_response_due)) OR (s.first_response_at IS NULL AND "
    "s.first_response_due < ? AND s.paused_since IS NULL)";
constexpr std::string_view kResolutionMet =
    "s.resolved_at IS NOT NULL AND s.resolution_due IS NOT NULL AND "
    "s.resolved_at <= s.resolution_due";
constexpr std::string_view kResolutionMissed =
    "(s.resolved_at IS NOT NULL AND s.resolution_due IS NOT NULL AND "
    "s.resolved_at > s.resolution_due) OR (s.resolved_at IS NULL AND s.resolution_due < ? AND "
    "s.paused_since IS NULL)";

std::string CountWhen(std::string_view condition) {
  return "CAST(SUM(CASE WHEN " + std::string(condition) + " THEN 1 ELSE 0 END) AS BIGINT)";
}

// Adds the histogram of `column` (seconds) by minute to each group's figures.
Status AddMinutes(Connection& conn, const ReportFilter& f, core::ports::SlaGrouping grouping,
                  std::string_view column, std::map<std::string, core::ports::SlaFigures>& groups,
                  DurationFigures core::ports::SlaFigures::*which) {
  const std::string key = SlaKey(grouping);
  Builder from = SlaFrom(f, grouping);
  Builder b;
  b.sql = "SELECT " + key + ", " + std::string(column) + " / 60, COUNT(*)" + from.sql + " AND " +
          std::string(column) + " IS NOT NULL GROUP BY " + key + ", " + std::string(column) +
          " / 60 ORDER BY 1, 2";
  b.params = from.params;
  HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn));
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return Ok();
    auto it = groups.find(stmt->ColumnText(0));
    if (it == groups.end()) continue;
    (it->second.*which).minutes.emplace_back(stmt->ColumnInt(1), stmt->ColumnInt(2));
  }
}

}  // namespace

Result<std::vector<core::ports::SlaFigures>> SqlReportRepo::Sla(const ReportFilter& f,
                                                                core::ports::SlaGrouping grouping,
                                                                core::Timestamp now) {
  const std::string key = SlaKey(grouping);
  Builder b;
  b.sql = "SELECT " + key +
          ", MIN(s.calendar), MAX(s.calendar), COUNT(*), COUNT(s.first_response_s), "
          "CAST(COALESCE(SUM(s.first_response_s), 0) AS BIGINT), "
          "COALESCE(MAX(s.first_response_s), 0), " +
          CountWhen(kFirstResponseMet) + ", ";
  b.Add(CountWhen(kFirstResponseMissed), core::ToUnixMillis(now));
  b.sql +=
      ", COUNT(s.resolution_s), CAST(COALESCE(SUM(s.resolution_s), 0) AS BIGINT), "
      "COALESCE(MAX(s.resolution_s), 0), " +
      CountWhen(kResolutionMet) + ", ";
  b.Add(CountWhen(kResolutionMissed), core::ToUnixMillis(now));
  Builder from = SlaFrom(f, grouping);
  b.sql += from.sql + " GROUP BY " + key + " ORDER BY 1";
  b.params.insert(b.params.end(), from.params.begin(), from.params.end());
  HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn_));
  std::map<std::string, core::ports::SlaFigures> groups;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    core::ports::SlaFigures g;
    g.key = stmt->ColumnText(0);
    const std::string first_calendar = stmt->ColumnText(1);
    if (first_calendar == stmt->ColumnText(2)) g.calendar = first_calendar;
    g.tickets = stmt->ColumnInt(3);
    g.first_response.count = stmt->ColumnInt(4);
    g.first_response.total_s = stmt->ColumnInt(5);
    g.first_response.max_s = stmt->ColumnInt(6);
    g.first_response.met = stmt->ColumnInt(7);
    g.first_response.missed = stmt->ColumnInt(8);
    g.resolution.count = stmt->ColumnInt(9);
    g.resolution.total_s = stmt->ColumnInt(10);
    g.resolution.max_s = stmt->ColumnInt(11);
    g.resolution.met = stmt->ColumnInt(12);
    g.resolution.missed = stmt->ColumnInt(13);
    groups.emplace(g.key, std::move(g));
  }
  HD_RETURN_IF_ERROR(AddMinutes(conn_, f, grouping, "s.first_response_s", groups,
                                &core::ports::SlaFigures::first_response));
  HD_RETURN_IF_ERROR(AddMinutes(conn_, f, grouping, "s.resolution_s", groups,
                                &core::ports::SlaFigures::resolution));
  std::vector<core::ports::SlaFigures> out;
  out.reserve(groups.size());
  for (auto& [unused, g] : groups) out.push_back(std::move(g));
  return out;
}

Result<std::vector<core::ports::IntakeCount>> SqlReportRepo::Intake(
    const ReportFilter& f, core::ports::IntakeGrouping grouping) {
  std::string key = "''";
  switch (grouping) {
    case core::ports::IntakeGrouping::kNone:
      break;
    case core::ports::IntakeGrouping::kChannel:
      key = "t.channel";
      break;
    case core::ports::IntakeGrouping::kCategory:
      key = "t.category";
      break;
    case core::ports::IntakeGrouping::kLevel:
      key = "t.support_level";
      break;
    case core::ports::IntakeGrouping::kL1Class:
      key = "COALESCE(f.value, '')";
      break;
  }
  Builder b;
  b.sql = "SELECT t.created_at / 3600000, " + key + ", COUNT(*) FROM tickets t";
  if (grouping == core::ports::IntakeGrouping::kL1Class) {
    b.sql += " LEFT JOIN ticket_process_fields f ON f.ticket_id = t.id AND f.name = 'l1_class'";
  }
  AddFilter(b, f, "t.created_at", "t.support_level");
  b.sql += " GROUP BY t.created_at / 3600000, " + key + " ORDER BY 1, 2";
  HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn_));
  return Collect<core::ports::IntakeCount>(
      stmt, [](const Statement& s) -> Result<core::ports::IntakeCount> {
        return core::ports::IntakeCount{s.ColumnInt(0), s.ColumnText(1), s.ColumnInt(2)};
      });
}

}  // namespace hd::storage
