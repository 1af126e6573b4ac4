// Tickets on business processes: stored process versions, each ticket's
// process state, fields and path.
#include <variant>

#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kVersionColumns =
    "SELECT process_id, version, sha256, source, file_name, loaded_at FROM process_versions ";
constexpr std::string_view kStateColumns =
    "SELECT ticket_id, process_id, version, state, previous_state, seq, entered_at "
    "FROM ticket_processes ";

Result<core::ProcessVersion> ReadVersion(const Statement& s) {
  return core::ProcessVersion{s.ColumnText(0), s.ColumnInt(1),  s.ColumnText(2),
                              s.ColumnText(3), s.ColumnText(4), TimeAt(s, 5)};
}

Result<core::ProcessState> ReadState(const Statement& s) {
  core::ProcessState p;
  p.ticket_id = IdAt<core::TicketId>(s, 0);
  p.process_id = s.ColumnText(1);
  p.version = s.ColumnInt(2);
  p.state = s.ColumnText(3);
  p.previous_state = s.ColumnText(4);
  p.seq = s.ColumnInt(5);
  p.entered_at = TimeAt(s, 6);
  return p;
}

Result<core::ProcessStep> ReadStep(const Statement& s) {
  return core::ProcessStep{s.ColumnInt(0),  s.ColumnText(1),
                           s.ColumnText(2), OptionalIdAt<core::UserId>(s, 3),
                           TimeAt(s, 4),    s.ColumnText(5)};
}

Status LoadFieldsAndPath(Connection& conn, core::ProcessState& p) {
  HD_ASSIGN_OR_RETURN(
      auto fields, Query(conn, "SELECT name, value FROM ticket_process_fields WHERE ticket_id = ?",
                         p.ticket_id));
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, fields->Step());
    if (!row) break;
    p.fields[fields->ColumnText(0)] = fields->ColumnText(1);
  }
  HD_ASSIGN_OR_RETURN(auto steps, Query(conn,
                                        "SELECT seq, state, transition, actor_id, at, owner FROM "
                                        "ticket_process_steps WHERE ticket_id = ? ORDER BY seq",
                                        p.ticket_id));
  HD_ASSIGN_OR_RETURN(p.path, Collect<core::ProcessStep>(steps, ReadStep));
  return Ok();
}

}  // namespace

Status SqlProcessRepo::InsertVersion(const core::ProcessVersion& v) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO process_versions (process_id, version, sha256, source, "
                         "file_name, loaded_at) VALUES (?, ?, ?, ?, ?, ?)",
                         v.process_id, v.version, v.sha256, v.source, v.file_name, v.loaded_at));
  return Ok();
}

Result<std::optional<core::ProcessVersion>> SqlProcessRepo::FindVersion(
    const std::string& process_id, std::int64_t version) {
  HD_ASSIGN_OR_RETURN(auto stmt,
                      Query(conn_, Sql(kVersionColumns, "WHERE process_id = ? AND version = ?"),
                            process_id, version));
  return First<core::ProcessVersion>(stmt, ReadVersion);
}

Result<std::vector<core::ProcessVersion>> SqlProcessRepo::ListVersions() {
  HD_ASSIGN_OR_RETURN(auto stmt,
                      Query(conn_, Sql(kVersionColumns, "ORDER BY process_id, version")));
  return Collect<core::ProcessVersion>(stmt, ReadVersion);
}

Status SqlProcessRepo::InsertState(const core::ProcessState& p) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO ticket_processes (ticket_id, process_id, version, state, "
                         "previous_state, seq, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         p.ticket_id, p.process_id, p.version, p.state, p.previous_state, p.seq,
                         p.entered_at));
  for (const auto& [name, value] : p.fields) {
    HD_RETURN_IF_ERROR(PutField(p.ticket_id, name, value));
  }
  for (const core::ProcessStep& step : p.path) {
    HD_RETURN_IF_ERROR(AppendStep(p.ticket_id, step));
  }
  return Ok();
}

Result<std::optional<core::ProcessState>> SqlProcessRepo::FindState(core::TicketId ticket) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kStateColumns, "WHERE ticket_id = ?"), ticket));
  HD_ASSIGN_OR_RETURN(auto state, First<core::ProcessState>(stmt, ReadState));
  if (state) HD_RETURN_IF_ERROR(LoadFieldsAndPath(conn_, *state));
  return state;
}

Result<std::vector<core::ProcessState>> SqlProcessRepo::ListStates(
    const std::vector<core::TicketId>& tickets) {
  std::vector<core::ProcessState> out;
  if (tickets.empty()) return out;
  std::string sql = Sql(kStateColumns, "WHERE ticket_id IN (");
  for (std::size_t i = 0; i < tickets.size(); ++i) sql += i == 0 ? "?" : ", ?";
  sql += ")";
  HD_ASSIGN_OR_RETURN(auto stmt, conn_.Prepare(sql));
  for (std::size_t i = 0; i < tickets.size(); ++i) {
    stmt->BindInt(static_cast<int>(i + 1), tickets[i].value);
  }
  return Collect<core::ProcessState>(stmt, ReadState);
}

Status SqlProcessRepo::UpdateState(const core::ProcessState& p) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t changed,
      Run(conn_,
          "UPDATE ticket_processes SET process_id = ?, version = ?, state = ?, "
          "previous_state = ?, seq = ?, entered_at = ? WHERE ticket_id = ?",
          p.process_id, p.version, p.state, p.previous_state, p.seq, p.entered_at, p.ticket_id));
  if (changed == 0) {
    return Error::NotFound("ticket " + std::to_string(p.ticket_id.value) + " runs no process");
  }
  return Ok();
}

Status SqlProcessRepo::PutField(core::TicketId ticket, const std::string& name,
                                const std::string& value) {
  if (value.empty()) {
    HD_RETURN_IF_ERROR(Run(
        conn_, "DELETE FROM ticket_process_fields WHERE ticket_id = ? AND name = ?", ticket, name));
    return Ok();
  }
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO ticket_process_fields (ticket_id, name, value) VALUES "
                         "(?, ?, ?) ON CONFLICT (ticket_id, name) DO UPDATE SET value = "
                         "excluded.value",
                         ticket, name, value));
  return Ok();
}

Status SqlProcessRepo::AppendStep(core::TicketId ticket, const core::ProcessStep& step) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO ticket_process_steps (ticket_id, seq, state, transition, "
                         "actor_id, at, owner) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         ticket, step.seq, step.state, step.transition, step.actor_id, step.at,
                         step.owner));
  return Ok();
}

Result<std::vector<core::TicketId>> SqlProcessRepo::ListTicketsIn(
    const std::string& process_id, std::int64_t version, const std::vector<std::string>& states) {
  std::vector<core::TicketId> out;
  if (states.empty()) return out;
  std::string sql =
      "SELECT ticket_id FROM ticket_processes WHERE process_id = ? AND version = ? AND state IN (";
  for (std::size_t i = 0; i < states.size(); ++i) sql += i == 0 ? "?" : ", ?";
  sql += ") ORDER BY ticket_id";
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, sql, process_id, version));
  for (std::size_t i = 0; i < states.size(); ++i) {
    stmt->BindText(static_cast<int>(i + 3), states[i]);
  }
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return out;
    out.push_back(IdAt<core::TicketId>(*stmt, 0));
  }
}

Result<std::vector<core::TicketId>> SqlProcessRepo::ListEnteredBefore(
    const std::string& process_id, std::int64_t version, const std::string& state,
    core::Timestamp entered_before, int limit) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_,
                                       "SELECT ticket_id FROM ticket_processes WHERE process_id = "
                                       "? AND version = ? AND state = ? AND entered_at < ? ORDER "
                                       "BY entered_at, ticket_id LIMIT ?",
                                       process_id, version, state, entered_before, limit));
  std::vector<core::TicketId> out;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return out;
    out.push_back(IdAt<core::TicketId>(*stmt, 0));
  }
}

}  // namespace hd::storage
