// The backlog by day: the open tickets now, the changes since an instant
// (read back a page at a time, newest first), and the counts stored at the
// end of each day (migrations 0015_backlog.sql).
#include <algorithm>
#include <tuple>

#include "storage/repos/report_sql.hpp"
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_report_repo.hpp"

namespace hd::storage {

using core::ports::BacklogCount;
using core::ports::TicketChange;
using namespace sql;         // NOLINT(google-build-using-namespace): row helpers
using namespace report_sql;  // NOLINT(google-build-using-namespace): report helpers

namespace {

constexpr std::string_view kOpen = "status IN ('new', 'open', 'pending')";
constexpr int kChangesPage = 5'000;

std::optional<std::int64_t> IdOrNone(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return std::stoll(text);
}

}  // namespace

Result<std::vector<BacklogCount>> SqlReportRepo::OpenNow() {
  Builder keys;
  keys.sql = "status, tier, group_id, support_level, category, company_id";
  Builder from;
  from.sql = " FROM tickets WHERE " + std::string(kOpen);
  HD_ASSIGN_OR_RETURN(auto counts, CountBy(conn_, keys, 6, from));
  std::vector<BacklogCount> out;
  out.reserve(counts.size());
  for (auto& c : counts) {
    BacklogCount b;
    b.status = std::move(c.keys[0]);
    b.tier = std::stoi(c.keys[1]);
    if (auto group = IdOrNone(c.keys[2])) b.group = core::GroupId(*group);
    b.level = std::move(c.keys[3]);
    b.category = std::move(c.keys[4]);
    if (auto company = IdOrNone(c.keys[5])) b.company = core::CompanyId(*company);
    b.tickets = c.rows;
    out.push_back(std::move(b));
  }
  return out;
}

Status SqlReportRepo::ForEachChangeSince(core::Timestamp since,
                                         const std::function<Status(const TicketChange&)>& fn) {
  // Pages by (at, id) downwards, so no more than a page is held at a time.
  std::optional<std::pair<std::int64_t, std::int64_t>> before;
  while (true) {
    Builder b;
    b.sql = "SELECT ticket_id, at, kind, field, old_value, id FROM events";
    b.Add(" WHERE at >= ?", core::ToUnixMillis(since));
    b.sql += " AND (kind = 'created' OR field IN ('status', 'tier', 'group_id'))";
    if (before) {
      b.Add(" AND (at < ?", before->first);
      b.Add(" OR (at = ?", before->first);
      b.Add(" AND id < ?))", before->second);
    }
    b.Add(" ORDER BY at DESC, id DESC LIMIT ?", std::int64_t{kChangesPage});
    std::vector<TicketChange> page;
    {
      HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn_));
      while (true) {
        HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
        if (!row) break;
        TicketChange c;
        c.ticket = core::TicketId(stmt->ColumnInt(0));
        c.at = core::FromUnixMillis(stmt->ColumnInt(1));
        const std::string kind = stmt->ColumnText(2);
        const std::string field = stmt->ColumnText(3);
        c.kind = kind == "created"   ? TicketChange::Kind::kCreated
                 : field == "status" ? TicketChange::Kind::kStatus
                 : field == "tier"   ? TicketChange::Kind::kTier
                                     : TicketChange::Kind::kGroup;
        c.old_value = stmt->ColumnText(4);
        before = std::pair(stmt->ColumnInt(1), stmt->ColumnInt(5));
        page.push_back(std::move(c));
      }
    }
    for (const TicketChange& c : page) HD_RETURN_IF_ERROR(fn(c));
    if (static_cast<int>(page.size()) < kChangesPage) return Ok();
  }
}

Result<std::optional<core::Timestamp>> SqlReportRepo::FirstTicketAt() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, "SELECT MIN(created_at) FROM tickets"));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row || stmt->IsNull(0)) return std::optional<core::Timestamp>();
  return std::optional(core::FromUnixMillis(stmt->ColumnInt(0)));
}

Result<std::pair<std::string, std::string>> SqlReportRepo::BacklogDays() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, "SELECT MIN(day), MAX(day) FROM backlog_days"));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row || stmt->IsNull(0)) return std::pair<std::string, std::string>();
  return std::pair(stmt->ColumnText(0), stmt->ColumnText(1));
}

Status SqlReportRepo::PutBacklogDay(const std::string& day,
                                    const std::vector<BacklogCount>& counts) {
  HD_RETURN_IF_ERROR(Run(conn_, "DELETE FROM backlog_days WHERE day = ?", day));
  for (const BacklogCount& c : counts) {
    HD_RETURN_IF_ERROR(Run(conn_,
                           "INSERT INTO backlog_days (day, status, tier, group_id, support_level, "
                           "category, company_id, tickets) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           day, c.status, c.tier, c.group, c.level, c.category, c.company,
                           c.tickets));
  }
  return Ok();
}

Result<std::vector<core::ports::BacklogPoint>> SqlReportRepo::Backlog(
    const std::string& first, const std::string& last, const core::ports::ReportFilter& f,
    core::ports::BacklogGrouping grouping) {
  Builder keys;
  keys.sql = "b.day, ";
  switch (grouping) {
    case core::ports::BacklogGrouping::kStatus:
      keys.sql += "b.status";
      break;
    case core::ports::BacklogGrouping::kTier:
      keys.sql += "b.tier";
      break;
    case core::ports::BacklogGrouping::kGroup:
      keys.sql += "b.group_id";
      break;
  }
  Builder from;
  from.sql = " FROM backlog_days b";
  from.Add(" WHERE b.day >= ?", first);
  from.Add(" AND b.day <= ?", last);
  if (!f.levels.empty()) {
    from.sql += " AND b.support_level IN (";
    for (std::size_t i = 0; i < f.levels.size(); ++i) {
      from.Add(i == 0 ? "?" : ", ?", f.levels[i]);
    }
    from.sql += ")";
  }
  if (f.category) from.Add(" AND b.category = ?", *f.category);
  if (f.group) from.Add(" AND b.group_id = ?", f.group->value);
  if (f.company) from.Add(" AND b.company_id = ?", f.company->value);
  HD_ASSIGN_OR_RETURN(auto counts, CountBy(conn_, keys, 2, from, "b.tickets"));
  std::vector<core::ports::BacklogPoint> out;
  out.reserve(counts.size());
  for (auto& c : counts) out.push_back({std::move(c.keys[0]), std::move(c.keys[1]), c.rows});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.day, a.key) < std::tie(b.day, b.key);
  });
  return out;
}

}  // namespace hd::storage
