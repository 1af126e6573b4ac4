// Tickets on business processes: approval votes and the audit of version
// migrations.
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

Result<core::ProcessVote> ReadVote(const Statement& s) {
  return core::ProcessVote{IdAt<core::TicketId>(s, 0),
                           s.ColumnInt(1),
                           IdAt<core::UserId>(s, 2),
                           BoolAt(s, 3),
                           s.ColumnText(4),
                           TimeAt(s, 5)};
}

}  // namespace

Status SqlProcessRepo::InsertVote(const core::ProcessVote& v) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO ticket_process_votes (ticket_id, seq, voter_id, approve, "
                         "reason, at) VALUES (?, ?, ?, ?, ?, ?)",
                         v.ticket_id, v.seq, v.voter_id, v.approve, v.reason, v.at));
  return Ok();
}

Result<std::vector<core::ProcessVote>> SqlProcessRepo::ListVotes(core::TicketId ticket,
                                                                 std::int64_t seq) {
  HD_ASSIGN_OR_RETURN(auto stmt,
                      Query(conn_,
                            "SELECT ticket_id, seq, voter_id, approve, reason, at FROM "
                            "ticket_process_votes WHERE ticket_id = ? AND seq = ? ORDER BY at, "
                            "voter_id",
                            ticket, seq));
  return Collect<core::ProcessVote>(stmt, ReadVote);
}

Status SqlProcessRepo::RecordMigration(const core::ports::ProcessMigration& m) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "INSERT INTO process_migrations (process_id, from_version, to_version, "
                         "state_map, actor_id, tickets, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         m.process_id, m.from_version, m.to_version, m.state_map, m.actor_id,
                         m.tickets, m.at));
  return Ok();
}

}  // namespace hd::storage
