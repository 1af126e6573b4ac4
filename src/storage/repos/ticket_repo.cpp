// Tickets: insert with a number, optimistic updates, the list queries.

#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kTicketColumns =
    "SELECT id, number, subject, category, status, criticality, support_level, initiator_id, "
    "company_id, assignee_id, group_id, tier, channel, sources_searched, steps, expected, "
    "actual, version, created_at, updated_at FROM tickets ";

Result<core::Ticket> ReadTicket(const Statement& s) {
  core::Ticket t;
  t.id = IdAt<core::TicketId>(s, 0);
  t.number = s.ColumnInt(1);
  t.subject = s.ColumnText(2);
  t.category = s.ColumnText(3);
  const std::string status = s.ColumnText(4);
  const auto parsed_status = core::ParseTicketStatus(status);
  if (!parsed_status) return Corrupt("ticket status", status);
  t.status = *parsed_status;
  const std::string criticality = s.ColumnText(5);
  const auto parsed_criticality = core::ParseCriticality(criticality);
  if (!parsed_criticality) return Corrupt("criticality", criticality);
  t.criticality = *parsed_criticality;
  t.support_level = s.ColumnText(6);
  t.initiator_id = IdAt<core::UserId>(s, 7);
  t.company_id = OptionalIdAt<core::CompanyId>(s, 8);
  t.assignee_id = OptionalIdAt<core::UserId>(s, 9);
  t.group_id = OptionalIdAt<core::GroupId>(s, 10);
  t.tier = IntAt(s, 11);
  t.channel = s.ColumnText(12);
  t.sources_searched = s.ColumnText(13);
  t.steps = s.ColumnText(14);
  t.expected = s.ColumnText(15);
  t.actual = s.ColumnText(16);
  t.version = s.ColumnInt(17);
  t.created_at = TimeAt(s, 18);
  t.updated_at = TimeAt(s, 19);
  return t;
}

// The WHERE clause of a TicketQuery and the values of its placeholders.
struct Filter : SqlText {
  Filter() { sql = "WHERE 1 = 1"; }
};

// " AND column IN (?, …)" for a non-empty `values`.
void AddAnyOf(Filter& f, std::string_view column, const std::vector<std::string>& values) {
  if (values.empty()) return;
  f.sql += " AND ";
  f.sql += column;
  f.sql += " IN (";
  for (std::size_t i = 0; i < values.size(); ++i) {
    f.sql += i == 0 ? "?" : ", ?";
    f.params.emplace_back(values[i]);
  }
  f.sql += ")";
}

// Staff queues by SLA due instant, nearest first: tickets.sla_due mirrors
// ticket_sla.next_due (the SLA repository keeps it) under an index.
void AddDueOrder(Filter& f, const core::ports::TicketQuery& q) {
  constexpr std::string_view kDueOf = "(SELECT a.sla_due FROM tickets a WHERE a.id = ?)";
  if (q.after) {
    f.Add(" AND (sla_due > " + std::string(kDueOf), q.after->value);
    f.Add(" OR (sla_due = " + std::string(kDueOf), q.after->value);
    f.Add(" AND id > ?))", q.after->value);
  }
  f.sql += " ORDER BY sla_due, id";
}

// What a reader who reads by the process trail may list (TicketQuery).
void AddProcessReader(Filter& f, const core::ports::TicketQuery::ProcessReader& r) {
  f.Add(" AND (assignee_id = ?", r.user.value);
  f.sql += " OR (NOT EXISTS (SELECT 1 FROM ticket_processes p WHERE p.ticket_id = tickets.id)";
  if (r.tier_without_process) f.Add(" AND tier = ?", *r.tier_without_process);
  f.sql +=
      ") OR EXISTS (SELECT 1 FROM ticket_processes p JOIN ticket_process_steps s ON "
      "s.ticket_id = p.ticket_id WHERE p.ticket_id = tickets.id AND s.owner = ?";
  f.params.emplace_back(r.owner);
  f.sql += r.current_only ? " AND s.seq = p.seq))" : "))";
}

// The process state and vote filters of `q`.
void AddProcessFilters(Filter& f, const core::ports::TicketQuery& q) {
  if (!q.states.empty()) {
    f.sql += " AND EXISTS (SELECT 1 FROM ticket_processes p WHERE p.ticket_id = tickets.id";
    AddAnyOf(f, "p.state", q.states);
    f.sql += ")";
  }
  if (q.not_voted_by) {
    f.Add(
        " AND NOT EXISTS (SELECT 1 FROM ticket_processes p JOIN ticket_process_votes v ON "
        "v.ticket_id = p.ticket_id AND v.seq = p.seq WHERE p.ticket_id = tickets.id AND "
        "v.voter_id = ?)",
        q.not_voted_by->value);
  }
}

// The filters of `q` (" AND …" clauses after WHERE 1 = 1).
Filter BuildWhere(const core::ports::TicketQuery& q) {
  Filter f;
  if (q.initiator_id && q.company_id) {
    f.Add(" AND (initiator_id = ?", q.initiator_id->value);
    f.Add(" OR company_id = ?)", q.company_id->value);
  } else if (q.initiator_id) {
    f.Add(" AND initiator_id = ?", q.initiator_id->value);
  } else if (q.company_id) {
    f.Add(" AND company_id = ?", q.company_id->value);
  }
  std::vector<std::string> statuses;
  for (core::TicketStatus s : q.statuses) statuses.emplace_back(core::ToString(s));
  AddAnyOf(f, "status", statuses);
  if (q.group_id) f.Add(" AND group_id = ?", q.group_id->value);
  if (!q.group_ids.empty()) {
    f.sql += " AND group_id IN (";
    for (std::size_t i = 0; i < q.group_ids.size(); ++i) {
      f.Add(i == 0 ? "?" : ", ?", q.group_ids[i].value);
    }
    f.sql += ")";
  }
  if (q.tier) f.Add(" AND tier = ?", *q.tier);
  if (q.assignee_id) f.Add(" AND assignee_id = ?", q.assignee_id->value);
  if (q.unassigned_only) f.sql += " AND assignee_id IS NULL";
  AddAnyOf(f, "support_level", q.levels);
  std::vector<std::string> criticalities;
  for (core::Criticality c : q.criticalities) criticalities.emplace_back(core::ToString(c));
  AddAnyOf(f, "criticality", criticalities);
  AddAnyOf(f, "channel", q.channels);
  if (q.category) f.Add(" AND category = ?", *q.category);
  AddProcessFilters(f, q);
  if (q.due_before) f.Add(" AND sla_due <= ?", core::ToUnixMillis(*q.due_before));
  if (q.created_from) f.Add(" AND created_at >= ?", core::ToUnixMillis(*q.created_from));
  if (q.created_to) f.Add(" AND created_at < ?", core::ToUnixMillis(*q.created_to));
  if (q.process_reader) AddProcessReader(f, *q.process_reader);
  return f;
}

// The filters of `q`, then its order, cursor and limit.
Filter BuildListing(const core::ports::TicketQuery& q) {
  Filter f = BuildWhere(q);
  if (q.by_due) {
    AddDueOrder(f, q);
  } else {
    if (q.after) f.Add(q.newest_first ? " AND id < ?" : " AND id > ?", q.after->value);
    f.sql += q.newest_first ? " ORDER BY id DESC" : " ORDER BY id ASC";
  }
  f.Add(" LIMIT ?", q.limit < 0 ? 0 : q.limit);
  return f;
}

}  // namespace

Result<core::Ticket> SqlTicketRepo::Insert(core::Ticket t) {
  // The number people see is the id: unique and increasing on every engine
  // without a second sequence. Taking the id first writes the row once.
  HD_ASSIGN_OR_RETURN(auto next, Query(conn_, NextIdSql(conn_.dialect(), "tickets")));
  HD_ASSIGN_OR_RETURN(bool row, next->Step());
  if (!row) return Error::Internal("no next ticket id");
  const std::int64_t id = next->ColumnInt(0);
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO tickets (id, number, subject, category, status, criticality, "
                         "support_level, initiator_id, company_id, assignee_id, group_id, tier, "
                         "channel, sources_searched, steps, expected, actual, version, "
                         "created_at, updated_at, sla_due) VALUES "
                         "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                         id, id, t.subject, t.category, core::ToString(t.status),
                         core::ToString(t.criticality), t.support_level, t.initiator_id,
                         t.company_id, t.assignee_id, t.group_id, t.tier, t.channel,
                         t.sources_searched, t.steps, t.expected, t.actual, t.created_at,
                         t.updated_at, SlaDueKey(t.sla ? t.sla->due : std::nullopt)));
  t.id = core::TicketId(id);
  t.number = id;
  t.version = 1;
  return t;
}

Result<core::Ticket> SqlTicketRepo::Get(core::TicketId id) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kTicketColumns, "WHERE id = ?"), id));
  HD_ASSIGN_OR_RETURN(auto ticket, First<core::Ticket>(stmt, ReadTicket));
  if (!ticket) return Error::NotFound("no ticket " + std::to_string(id.value));
  return std::move(*ticket);
}

Status SqlTicketRepo::Update(core::Ticket& t) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t changed,
      Run(conn_,
          "UPDATE tickets SET subject = ?, category = ?, status = ?, criticality = ?, "
          "support_level = ?, assignee_id = ?, group_id = ?, tier = ?, channel = ?, "
          "sources_searched = ?, steps = ?, expected = ?, actual = ?, updated_at = ?, "
          "version = version + 1 WHERE id = ? AND version = ?",
          t.subject, t.category, core::ToString(t.status), core::ToString(t.criticality),
          t.support_level, t.assignee_id, t.group_id, t.tier, t.channel, t.sources_searched,
          t.steps, t.expected, t.actual, t.updated_at, t.id, t.version));
  if (changed == 0) {
    HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, "SELECT version FROM tickets WHERE id = ?", t.id));
    HD_ASSIGN_OR_RETURN(bool exists, stmt->Step());
    if (!exists) return Error::NotFound("no ticket " + std::to_string(t.id.value));
    return Error::PreconditionFailed("ticket " + std::to_string(t.id.value) +
                                     " was changed by someone else (now version " +
                                     std::to_string(stmt->ColumnInt(0)) + ")")
        .WithReason("stale-version");
  }
  ++t.version;
  return Ok();
}

Result<std::vector<core::Ticket>> SqlTicketRepo::List(const core::ports::TicketQuery& query) {
  const Filter filter = BuildListing(query);
  HD_ASSIGN_OR_RETURN(auto stmt, conn_.Prepare(Sql(kTicketColumns, filter.sql)));
  filter.BindTo(*stmt);
  return Collect<core::Ticket>(stmt, ReadTicket);
}

Result<std::int64_t> SqlTicketRepo::CountMatching(const core::ports::TicketQuery& query) {
  const Filter filter = BuildWhere(query);
  HD_ASSIGN_OR_RETURN(auto stmt, conn_.Prepare(Sql("SELECT COUNT(*) FROM tickets ", filter.sql)));
  filter.BindTo(*stmt);
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

Result<std::int64_t> SqlTicketRepo::Count() {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, "SELECT COUNT(*) FROM tickets"));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  return row ? stmt->ColumnInt(0) : 0;
}

}  // namespace hd::storage
