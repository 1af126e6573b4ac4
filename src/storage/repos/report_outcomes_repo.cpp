// How tickets end, aggregated in the database: SLA compliance over time and
// the clocks that missed, tiers and hand-offs, requests for change,
// satisfaction and each agent's share. Each report reads an index made for
// it (migrations 0013_report_outcomes.sql) and counts with CountBy, so no
// row of a report is kept; lists (breaches, low ratings) are pages.
#include <algorithm>
#include <map>
#include <tuple>

#include "storage/repos/report_sql.hpp"
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_report_repo.hpp"

namespace hd::storage {

using core::ports::ReportFilter;
using namespace sql;         // NOLINT(google-build-using-namespace): row helpers
using namespace report_sql;  // NOLINT(google-build-using-namespace): report helpers

namespace {

// "CASE WHEN met THEN 'met' WHEN missed THEN 'missed' ELSE '' END" with now.
void AddOutcome(Builder& b, const TargetSql& target, std::int64_t now_ms) {
  b.sql += "CASE WHEN " + std::string(target.met) + " THEN 'met' WHEN ";
  b.Add(std::string(target.missed), now_ms);
  b.sql += " THEN 'missed' ELSE '' END";
}

core::ports::Outcome OutcomeOf(const std::string& text) {
  if (text == "met") return core::ports::Outcome::kMet;
  if (text == "missed") return core::ports::Outcome::kMissed;
  return core::ports::Outcome::kNone;
}

// A target missed by a clock `s`, given a due instant: answered late, or
// unanswered past it while not waiting for the customer (one placeholder:
// now).
std::string MissedWithDue(std::string_view at, std::string_view due) {
  const std::string a(at);
  const std::string d(due);
  return "(" + d + " IS NOT NULL AND ((" + a + " IS NOT NULL AND " + a + " > " + d + ") OR (" + a +
         " IS NULL AND " + d + " < ? AND s.paused_since IS NULL)))";
}

// The FROM and WHERE of queries over tickets opened in the period.
Builder TicketsFrom(const ReportFilter& f) {
  Builder b;
  b.sql = " FROM tickets t";
  AddFilter(b, f, "t.created_at", "t.support_level");
  return b;
}

// " FROM <table> x [JOIN tickets t]" for rows of another table about
// tickets, joined when the filter needs the tickets' columns.
std::string JoinTicketsIfFiltered(const ReportFilter& f, std::string_view table) {
  std::string out = " FROM " + std::string(table);
  if (NeedsTickets(f) || !f.levels.empty()) out += " JOIN tickets t ON t.id = x.ticket_id";
  return out;
}

constexpr std::string_view kSolved =
    "CASE WHEN t.status IN ('resolved', 'closed') THEN 1 ELSE 0 END";

std::optional<core::Timestamp> TimeOrNone(const Statement& s, int c) {
  if (s.IsNull(c)) return std::nullopt;
  return core::FromUnixMillis(s.ColumnInt(c));
}

}  // namespace

Result<std::vector<core::ports::ComplianceCount>> SqlReportRepo::Compliance(const ReportFilter& f,
                                                                            core::Timestamp now) {
  const std::int64_t now_ms = core::ToUnixMillis(now);
  Builder keys;
  keys.sql = "s.started_at / 3600000, ";
  AddOutcome(keys, kFirstResponseSql, now_ms);
  keys.sql += ", ";
  AddOutcome(keys, kResolutionSql, now_ms);
  HD_ASSIGN_OR_RETURN(auto counts, CountBy(conn_, keys, 3, SlaFrom(f, false)));
  std::vector<core::ports::ComplianceCount> out;
  out.reserve(counts.size());
  for (const auto& c : counts) {
    out.push_back({std::stoll(c.keys[0]), OutcomeOf(c.keys[1]), OutcomeOf(c.keys[2]), c.rows});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.hour < b.hour; });
  return out;
}

Result<std::vector<core::ports::BreachedClock>> SqlReportRepo::Breaches(
    const ReportFilter& f, core::ports::SlaTarget target, core::Timestamp now,
    const std::optional<core::ports::BreachCursor>& after, int limit) {
  const std::int64_t now_ms = core::ToUnixMillis(now);
  Builder b;
  b.sql =
      "SELECT s.ticket_id, t.number, t.subject, s.level_id, s.started_at, s.first_response_at, "
      "s.first_response_due, s.resolved_at, s.resolution_due, s.paused_since";
  // A later page ends the index range at its cursor: the OR below, which
  // breaks the tie of one instant, cannot bound it, and every page would
  // scan from the newest clock of the period.
  ReportFilter bounded = f;
  if (after) bounded.to = std::min(f.to, after->started_at + std::chrono::milliseconds(1));
  b.Append(SlaFrom(bounded, true));
  const std::string first = MissedWithDue("s.first_response_at", "s.first_response_due");
  const std::string resolution = MissedWithDue("s.resolved_at", "s.resolution_due");
  switch (target) {
    case core::ports::SlaTarget::kFirstResponse:
      b.Add(" AND " + first, now_ms);
      break;
    case core::ports::SlaTarget::kResolution:
      b.Add(" AND " + resolution, now_ms);
      break;
    case core::ports::SlaTarget::kAny:
      b.Add(" AND (" + first, now_ms);
      b.Add(" OR " + resolution + ")", now_ms);
      break;
  }
  if (after) {
    const std::int64_t at = core::ToUnixMillis(after->started_at);
    b.Add(" AND (s.started_at < ?", at);
    b.Add(" OR (s.started_at = ?", at);
    b.Add(" AND s.ticket_id < ?))", after->ticket.value);
  }
  b.Add(" ORDER BY s.started_at DESC, s.ticket_id DESC LIMIT ?", std::int64_t{limit});
  HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn_));
  std::vector<core::ports::BreachedClock> out;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    core::ports::BreachedClock c;
    c.ticket = core::TicketId(stmt->ColumnInt(0));
    c.number = stmt->ColumnInt(1);
    c.subject = stmt->ColumnText(2);
    c.level = stmt->ColumnText(3);
    c.started_at = core::FromUnixMillis(stmt->ColumnInt(4));
    c.first_response_at = TimeOrNone(*stmt, 5);
    c.first_response_due = TimeOrNone(*stmt, 6);
    c.resolved_at = TimeOrNone(*stmt, 7);
    c.resolution_due = TimeOrNone(*stmt, 8);
    c.paused = !stmt->IsNull(9);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::vector<core::ports::TierCount>> SqlReportRepo::Tiers(const ReportFilter& f) {
  Builder keys;
  keys.sql = "t.tier, " + std::string(kSolved);
  HD_ASSIGN_OR_RETURN(auto counts, CountBy(conn_, keys, 2, TicketsFrom(f)));
  std::vector<core::ports::TierCount> out;
  for (const auto& c : counts) out.push_back({std::stoi(c.keys[0]), c.keys[1] == "1", c.rows});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::pair(a.tier, a.solved) < std::pair(b.tier, b.solved);
  });
  return out;
}

Result<std::int64_t> SqlReportRepo::EscalatedFromFirstTier(const ReportFilter& f) {
  // The partial index events_left_first_tier holds exactly these events.
  Builder b;
  b.sql = "SELECT COUNT(DISTINCT e.ticket_id) FROM events e JOIN tickets t ON t.id = e.ticket_id";
  AddFilter(b, f, "t.created_at", "t.support_level");
  b.sql += " AND e.field = 'tier' AND e.old_value = '1'";
  HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn_));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

Result<std::vector<core::ports::ChangeCount>> SqlReportRepo::Changes(
    const ReportFilter& f, const core::ports::ApprovalIds& approvals) {
  if (approvals.states.empty()) return std::vector<core::ports::ChangeCount>{};
  // The tickets that reached an approval step come from the index
  // ticket_process_steps_state; the last decision on each is its latest
  // step entered by an approving or rejecting transition.
  Builder keys;
  keys.sql =
      "tp.state, (SELECT st.transition FROM ticket_process_steps st WHERE st.ticket_id = t.id "
      "AND st.transition IN (";
  for (std::size_t i = 0; i < approvals.decisions.size(); ++i) {
    keys.Add(i == 0 ? "?" : ", ?", approvals.decisions[i]);
  }
  if (approvals.decisions.empty()) keys.sql += "''";
  keys.sql += ") ORDER BY st.seq DESC LIMIT 1)";
  Builder from;
  from.sql = " FROM (SELECT DISTINCT ticket_id FROM ticket_process_steps WHERE state IN (";
  for (std::size_t i = 0; i < approvals.states.size(); ++i) {
    from.Add(i == 0 ? "?" : ", ?", approvals.states[i]);
  }
  from.sql +=
      ")) r JOIN tickets t ON t.id = r.ticket_id JOIN ticket_processes tp ON tp.ticket_id = t.id";
  AddFilter(from, f, "t.created_at", "t.support_level");
  HD_ASSIGN_OR_RETURN(auto counts, CountBy(conn_, keys, 2, from));
  std::vector<core::ports::ChangeCount> out;
  for (auto& c : counts) out.push_back({std::move(c.keys[0]), std::move(c.keys[1]), c.rows});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::tie(a.decision, a.state) < std::tie(b.decision, b.state);
  });
  return out;
}

Result<std::vector<core::ports::RatingCount>> SqlReportRepo::Ratings(const ReportFilter& f) {
  Builder keys;
  keys.sql = "x.rating";
  Builder from;
  from.sql = JoinTicketsIfFiltered(f, "feedback x");
  AddFilter(from, f, "x.created_at", "t.support_level");
  HD_ASSIGN_OR_RETURN(auto counts, CountBy(conn_, keys, 1, from));
  std::vector<core::ports::RatingCount> out;
  for (const auto& c : counts) out.push_back({std::stoi(c.keys[0]), c.rows});
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.rating < b.rating; });
  return out;
}

Result<std::vector<core::ports::RatedTicket>> SqlReportRepo::LowRatings(const ReportFilter& f,
                                                                        int max_rating, int limit) {
  Builder b;
  b.sql =
      "SELECT x.ticket_id, t.number, t.subject, x.rating, x.comment, x.created_at FROM feedback x "
      "JOIN tickets t ON t.id = x.ticket_id";
  AddFilter(b, f, "x.created_at", "t.support_level");
  b.Add(" AND x.rating <= ?", std::int64_t{max_rating});
  b.Add(" ORDER BY x.created_at DESC, x.id DESC LIMIT ?", std::int64_t{limit});
  HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn_));
  std::vector<core::ports::RatedTicket> out;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    out.push_back({core::TicketId(stmt->ColumnInt(0)), stmt->ColumnInt(1), stmt->ColumnText(2),
                   static_cast<int>(stmt->ColumnInt(3)), stmt->ColumnText(4),
                   core::FromUnixMillis(stmt->ColumnInt(5))});
  }
  return out;
}

Result<std::vector<core::ports::AgentCount>> SqlReportRepo::Workload(const ReportFilter& f) {
  std::map<std::int64_t, core::ports::AgentCount> agents;
  auto of = [&](const std::string& id) -> core::ports::AgentCount& {
    const std::int64_t value = std::stoll(id);
    auto& a = agents[value];
    a.agent = core::UserId(value);
    return a;
  };
  Builder assigned_keys;
  assigned_keys.sql = "t.assignee_id, " + std::string(kSolved);
  Builder assigned = TicketsFrom(f);
  assigned.sql += " AND t.assignee_id IS NOT NULL";
  HD_ASSIGN_OR_RETURN(auto by_assignee, CountBy(conn_, assigned_keys, 2, assigned));
  for (const auto& c : by_assignee) {
    auto& a = of(c.keys[0]);
    a.assigned += c.rows;
    if (c.keys[1] == "0") a.open += c.rows;
  }
  // Public replies of each staff member, counted in the database: without a
  // ticket filter, one range of the partial index messages_public_by_author
  // per person; with one, the matching tickets (the covering index
  // tickets_report) and the messages of each, never a ticket looked up for
  // every message of the period.
  const bool filtered = NeedsTickets(f) || !f.levels.empty();
  Builder replies;
  replies.sql =
      filtered ? "SELECT u.id, COUNT(*) FROM tickets t CROSS JOIN messages x CROSS JOIN users u"
               : "SELECT u.id, COUNT(*) FROM users u CROSS JOIN messages x";
  AddFilter(replies, f, "x.created_at", "t.support_level");
  if (filtered) replies.sql += " AND x.ticket_id = t.id";
  replies.sql +=
      " AND x.author_id = u.id AND x.internal = 0 AND u.role <> 'customer' GROUP BY u.id";
  HD_ASSIGN_OR_RETURN(auto stmt, replies.Prepare(conn_));
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    of(stmt->ColumnText(0)).replies += stmt->ColumnInt(1);
  }
  // First responses by person and minute: the SLA report's covering index
  // ticket_sla_report, its first response only.
  Builder answered_keys;
  answered_keys.sql = "s.first_response_by, s.first_response_s / 60";
  Builder answered = SlaFrom(f, false);
  answered.sql += " AND s.first_response_by IS NOT NULL AND s.first_response_s IS NOT NULL";
  HD_ASSIGN_OR_RETURN(auto by_minute, CountBy(conn_, answered_keys, 2, answered));
  std::map<std::int64_t, std::map<std::int64_t, std::int64_t>> minutes;
  for (const auto& c : by_minute) {
    of(c.keys[0]).first_responses += c.rows;
    minutes[std::stoll(c.keys[0])][std::stoll(c.keys[1])] += c.rows;
  }
  std::vector<core::ports::AgentCount> out;
  out.reserve(agents.size());
  for (auto& [id, a] : agents) {
    const auto& m = minutes[id];
    a.first_response_minutes.assign(m.begin(), m.end());
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace hd::storage
