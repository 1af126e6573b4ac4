// What the reports' queries share: a statement's text with its values, the
// period and filters every report takes, and counting rows by keys the way
// each database does it fastest.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ports/report_repositories.hpp"
#include "storage/database.hpp"
#include "storage/repos/rows.hpp"

namespace hd::storage::report_sql {

// A statement's text with the values of its placeholders.
struct Builder : sql::SqlText {
  Result<PreparedStatement> Prepare(Connection& conn) const {
    HD_ASSIGN_OR_RETURN(PreparedStatement stmt, conn.Prepare(sql));
    BindTo(*stmt);
    return stmt;
  }
  void Append(const Builder& other) {
    sql += other.sql;
    params.insert(params.end(), other.params.begin(), other.params.end());
  }
};

// " WHERE <time column> in the period AND the filter's conditions". `t` is
// the tickets table's alias.
void AddFilter(Builder& b, const core::ports::ReportFilter& f, std::string_view time_column,
               std::string_view level_column);

// Whether the filter needs the tickets table (beyond the level).
bool NeedsTickets(const core::ports::ReportFilter& f);

// The FROM and WHERE of the queries over SLA clocks (`s`) started in the
// period, joined to their tickets (`t`) when the filter or `with_tickets`
// needs them.
Builder SlaFrom(const core::ports::ReportFilter& f, bool with_tickets);

// The conditions under which an SLA target of a clock (`s`) counts as met
// and as missed; `missed` has one placeholder: now, in unix milliseconds.
struct TargetSql {
  std::string_view met;
  std::string_view missed;
};

inline constexpr TargetSql kFirstResponseSql{
    "s.first_response_at IS NOT NULL AND s.first_response_due IS NOT NULL AND "
    "s.first_response_at <= s.first_response_due",
    "(s.first_response_at IS NOT NULL AND (s.first_response_due IS NULL OR "
    "s.first_response_at > s.first_response_due)) OR (s.first_response_at IS NULL AND "
    "s.first_response_due < ? AND s.paused_since IS NULL)"};
inline constexpr TargetSql kResolutionSql{
    "s.resolved_at IS NOT NULL AND s.resolution_due IS NOT NULL AND "
    "s.resolved_at <= s.resolution_due",
    "(s.resolved_at IS NOT NULL AND s.resolution_due IS NOT NULL AND "
    "s.resolved_at > s.resolution_due) OR (s.resolved_at IS NULL AND s.resolution_due < ? AND "
    "s.paused_since IS NULL)"};

// A group of counted rows: the values of its keys as text (NULL as "").
struct KeyCount {
  std::vector<std::string> keys;
  std::int64_t rows = 0;
};

// The rows of `from` (its FROM and WHERE) counted by the values of `keys`
// (SQL expressions, `count` of them). PostgreSQL groups in the database by hashing; SQLite
// streams the rows of the range scan and counts them here. Neither sorts,
// and no row is kept, only one count per group.
// `keys` is the select list; PostgreSQL groups by its positions, so the
// keys may hold placeholders. With a `weight` (an integer column), each row
// counts that much instead of one.
// PostgreSQL, for the rest of the transaction: group a report's rows by
// hashing in memory without compiling the query. Its planner cannot know
// how few groups an expression such as `seconds / 60` makes, so it would
// sort a year of rows on disk within the default work_mem, and JIT
// compilation costs more than it saves at this size. Nothing on SQLite.
Status PreferHashing(Connection& conn);

Result<std::vector<KeyCount>> CountBy(Connection& conn, const Builder& keys, std::size_t count,
                                      const Builder& from, std::string_view weight = {});

}  // namespace hd::storage::report_sql
