// L1 assistance: the class proposed for each ticket's L1 classification and
// the class an operator chose (migration 0018_l1_hints).
#include "storage/repos/report_sql.hpp"
#include "storage/repos/rows.hpp"
#include "storage/repos/sql_repos.hpp"

namespace hd::storage {

using namespace sql;  // NOLINT(google-build-using-namespace): row helpers

namespace {

constexpr std::string_view kHintColumns =
    "SELECT ticket_id, proposed_class, source, evidence, proposed_at, decided_class, decided_at "
    "FROM ticket_l1_hints ";

// The evidence is stored one item a line.
std::string JoinLines(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += '\n';
    out += item;
  }
  return out;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

Result<core::ports::L1Hint> ReadHint(const Statement& s) {
  core::ports::L1Hint h;
  h.ticket_id = IdAt<core::TicketId>(s, 0);
  h.proposed_class = s.ColumnText(1);
  h.source = s.ColumnText(2);
  h.evidence = SplitLines(s.ColumnText(3));
  h.proposed_at = TimeAt(s, 4);
  if (!s.IsNull(5)) h.decided_class = s.ColumnText(5);
  if (!s.IsNull(6)) h.decided_at = TimeAt(s, 6);
  return h;
}

}  // namespace

Result<bool> SqlL1HintRepo::Propose(const core::ports::L1Hint& h) {
  HD_ASSIGN_OR_RETURN(
      std::int64_t stored,
      Run(conn_,
          "INSERT INTO ticket_l1_hints (ticket_id, proposed_class, source, evidence, proposed_at) "
          "VALUES (?, ?, ?, ?, ?) ON CONFLICT (ticket_id) DO NOTHING",
          h.ticket_id, h.proposed_class, h.source, JoinLines(h.evidence), h.proposed_at));
  return stored > 0;
}

Result<std::optional<core::ports::L1Hint>> SqlL1HintRepo::Find(core::TicketId ticket) {
  HD_ASSIGN_OR_RETURN(auto stmt, Query(conn_, Sql(kHintColumns, "WHERE ticket_id = ?"), ticket));
  return First<core::ports::L1Hint>(stmt, ReadHint);
}

Status SqlL1HintRepo::Decide(core::TicketId ticket, const std::string& l1_class,
                             core::Timestamp at) {
  HD_RETURN_IF_ERROR(Run(conn_,
                         "UPDATE ticket_l1_hints SET decided_class = ?, decided_at = ? "
                         "WHERE ticket_id = ? AND decided_class IS NULL",
                         l1_class, at, ticket));
  return Ok();
}

Result<std::vector<core::ports::L1HintCount>> SqlL1HintRepo::Count(
    const core::ports::ReportFilter& f) {
  report_sql::Builder b;
  b.sql =
      "SELECT h.source, h.proposed_class, COUNT(*), COUNT(h.decided_class), "
      "SUM(CASE WHEN h.decided_class = h.proposed_class THEN 1 ELSE 0 END) "
      "FROM ticket_l1_hints h JOIN tickets t ON t.id = h.ticket_id";
  report_sql::AddFilter(b, f, "h.proposed_at", "t.support_level");
  b.sql += " GROUP BY h.source, h.proposed_class ORDER BY h.source, h.proposed_class";
  HD_ASSIGN_OR_RETURN(auto stmt, b.Prepare(conn_));
  return Collect<core::ports::L1HintCount>(
      stmt, [](const Statement& s) -> Result<core::ports::L1HintCount> {
        return core::ports::L1HintCount{s.ColumnText(0), s.ColumnText(1), s.ColumnInt(2),
                                        s.ColumnInt(3), s.ColumnInt(4)};
      });
}

}  // namespace hd::storage
