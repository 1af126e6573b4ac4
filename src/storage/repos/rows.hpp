// Helpers shared by the SQL repositories: binding core values (ids,
// timestamps, optionals) to `?` placeholders, reading them back from result
// columns, and collecting rows. Portable across dialects: they only use the
// storage::Statement interface.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "core/ids.hpp"
#include "core/time.hpp"
#include "storage/database.hpp"

namespace hd::storage::sql {

inline void Bind(Statement& s, int i, std::int64_t v) { s.BindInt(i, v); }
inline void Bind(Statement& s, int i, int v) { s.BindInt(i, v); }
inline void Bind(Statement& s, int i, bool v) { s.BindInt(i, v ? 1 : 0); }
inline void Bind(Statement& s, int i, std::string_view v) { s.BindText(i, v); }
inline void Bind(Statement& s, int i, const std::string& v) { s.BindText(i, v); }
inline void Bind(Statement& s, int i, const char* v) { s.BindText(i, v); }
inline void Bind(Statement& s, int i, std::nullopt_t) { s.BindNull(i); }
inline void Bind(Statement& s, int i, core::Timestamp t) { s.BindInt(i, core::ToUnixMillis(t)); }
// tickets.sla_due, the staff queues' sort key: the SLA clock's next due
// instant; a ticket with nothing due sorts last.
inline std::int64_t SlaDueKey(const std::optional<core::Timestamp>& due) {
  return due ? core::ToUnixMillis(*due) : std::numeric_limits<std::int64_t>::max();
}

template <class Tag>
void Bind(Statement& s, int i, core::Id<Tag> id) {
  s.BindInt(i, id.value);
}
template <class T>
void Bind(Statement& s, int i, const std::optional<T>& v) {
  if (v) {
    Bind(s, i, *v);
  } else {
    s.BindNull(i);
  }
}

// SQL text built piece by piece, with the values of its placeholders in
// order (filters whose clauses depend on the query).
struct SqlText {
  std::string sql;
  std::vector<std::variant<std::int64_t, std::string>> params;

  void Add(std::string_view clause, std::int64_t value) {
    sql += clause;
    params.emplace_back(value);
  }
  void Add(std::string_view clause, std::string value) {
    sql += clause;
    params.emplace_back(std::move(value));
  }
  void BindTo(Statement& stmt) const {
    int index = 0;
    for (const auto& param : params) {
      ++index;
      if (const auto* number = std::get_if<std::int64_t>(&param)) {
        stmt.BindInt(index, *number);
      } else {
        stmt.BindText(index, std::get<std::string>(param));
      }
    }
  }
};

// `select` followed by `rest`: a shared column list and its WHERE/ORDER part.
inline std::string Sql(std::string_view select, std::string_view rest) {
  return std::string(select) + std::string(rest);
}

// Prepares `sql` on `conn` and binds `args` to its placeholders in order.
template <class... Args>
Result<PreparedStatement> Query(Connection& conn, std::string_view sql, const Args&... args) {
  HD_ASSIGN_OR_RETURN(PreparedStatement stmt, conn.Prepare(sql));
  [[maybe_unused]] int index = 0;
  (Bind(*stmt, ++index, args), ...);
  return stmt;
}

// Runs a statement that returns no rows; returns how many rows it changed.
template <class... Args>
Result<std::int64_t> Run(Connection& conn, std::string_view sql, const Args&... args) {
  HD_ASSIGN_OR_RETURN(PreparedStatement stmt, Query(conn, sql, args...));
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
  }
  return stmt->ChangedRows();
}

// Runs `INSERT … RETURNING id` and returns the new id.
template <class... Args>
Result<std::int64_t> InsertReturningId(Connection& conn, std::string_view sql,
                                       const Args&... args) {
  HD_ASSIGN_OR_RETURN(PreparedStatement stmt, Query(conn, sql, args...));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return Error::Internal("INSERT … RETURNING id returned no row");
  const std::int64_t id = stmt->ColumnInt(0);
  HD_ASSIGN_OR_RETURN(row, stmt->Step());
  return id;
}

// Reads every row of `stmt` with `read` (Statement& -> Result<Row>).
template <class Row, class ReadFn>
Result<std::vector<Row>> Collect(PreparedStatement& stmt, ReadFn read) {
  std::vector<Row> rows;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) return rows;
    HD_ASSIGN_OR_RETURN(Row value, read(*stmt));
    rows.push_back(std::move(value));
  }
}

// Reads the first row of `stmt`, or nullopt when there is none.
template <class Row, class ReadFn>
Result<std::optional<Row>> First(PreparedStatement& stmt, ReadFn read) {
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return std::optional<Row>();
  HD_ASSIGN_OR_RETURN(Row value, read(*stmt));
  return std::optional<Row>(std::move(value));
}

template <class IdT>
IdT IdAt(const Statement& s, int c) {
  return IdT(s.ColumnInt(c));
}
template <class IdT>
std::optional<IdT> OptionalIdAt(const Statement& s, int c) {
  if (s.IsNull(c)) return std::nullopt;
  return IdT(s.ColumnInt(c));
}
inline core::Timestamp TimeAt(const Statement& s, int c) {
  return core::FromUnixMillis(s.ColumnInt(c));
}
inline bool BoolAt(const Statement& s, int c) { return s.ColumnInt(c) != 0; }
inline int IntAt(const Statement& s, int c) { return static_cast<int>(s.ColumnInt(c)); }

// kInternal for a stored enum id this build does not know.
inline Error Corrupt(std::string_view what, std::string_view value) {
  return Error::Internal("stored " + std::string(what) + " '" + std::string(value) +
                         "' is unknown");
}

}  // namespace hd::storage::sql
