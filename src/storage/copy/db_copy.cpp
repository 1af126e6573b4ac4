#include "storage/copy/db_copy.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <utility>
#include <variant>

#include "storage/copy/catalog.hpp"
#include "storage/migrations.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace hd::storage {

namespace {

// PostgreSQL takes at most 65535 parameters per statement.
constexpr int kMaxParameters = 30000;

using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

Value ReadValue(const Statement& s, int c, ColumnKind kind) {
  if (s.IsNull(c)) return std::monostate{};
  switch (kind) {
    case ColumnKind::kInt:
      return s.ColumnInt(c);
    case ColumnKind::kDouble:
      return s.ColumnDouble(c);
    case ColumnKind::kBlob:
      return s.ColumnBlob(c);
    case ColumnKind::kText:
      break;
  }
  return s.ColumnText(c);
}

void BindValue(Statement& s, int i, const Value& v, ColumnKind kind) {
  if (std::holds_alternative<std::int64_t>(v)) return s.BindInt(i, std::get<std::int64_t>(v));
  if (std::holds_alternative<double>(v)) return s.BindDouble(i, std::get<double>(v));
  if (std::holds_alternative<std::string>(v)) {
    const auto& text = std::get<std::string>(v);
    return kind == ColumnKind::kBlob ? s.BindBlob(i, text) : s.BindText(i, text);
  }
  s.BindNull(i);
}

std::string ColumnList(const std::vector<ColumnInfo>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + QuoteIdentifier(c.name);
  return out;
}

std::string InsertSql(const std::string& table, const std::vector<ColumnInfo>& columns,
                      std::size_t rows) {
  std::string one = "(";
  for (std::size_t i = 0; i < columns.size(); ++i) one += i == 0 ? "?" : ", ?";
  one += ")";
  std::string sql =
      "INSERT INTO " + QuoteIdentifier(table) + " (" + ColumnList(columns) + ") VALUES ";
  for (std::size_t r = 0; r < rows; ++r) sql += (r == 0 ? "" : ", ") + one;
  return sql;
}

// Buffers rows of one table and writes them as multi-row INSERTs.
class BatchWriter {
 public:
  BatchWriter(Connection& to, std::string table, const std::vector<ColumnInfo>& columns,
              int batch_rows)
      : to_(to), table_(std::move(table)), columns_(columns) {
    const int per_row = static_cast<int>(columns.size());
    batch_ = static_cast<std::size_t>(std::max(1, std::min(batch_rows, kMaxParameters / per_row)));
    full_sql_ = InsertSql(table_, columns_, batch_);
  }

  Status Add(const Statement& row) {
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      values_.push_back(ReadValue(row, static_cast<int>(c), columns_[c].kind));
    }
    if (values_.size() == batch_ * columns_.size()) return Flush();
    return Ok();
  }

  Status Flush() {
    const std::size_t rows = values_.size() / columns_.size();
    if (rows == 0) return Ok();
    HD_ASSIGN_OR_RETURN(
        auto insert, to_.Prepare(rows == batch_ ? full_sql_ : InsertSql(table_, columns_, rows)));
    for (std::size_t i = 0; i < values_.size(); ++i) {
      BindValue(*insert, static_cast<int>(i + 1), values_[i], columns_[i % columns_.size()].kind);
    }
    HD_RETURN_IF_ERROR(insert->Step());
    values_.clear();
    return Ok();
  }

 private:
  Connection& to_;
  std::string table_;
  const std::vector<ColumnInfo>& columns_;
  std::size_t batch_ = 1;
  std::string full_sql_;
  std::vector<Value> values_;
};

Result<std::int64_t> CopyTable(Connection& from, Connection& to, const std::string& table,
                               int batch_rows) {
  HD_ASSIGN_OR_RETURN(auto columns, ListColumns(from, table));
  HD_ASSIGN_OR_RETURN(auto select, from.Prepare("SELECT " + ColumnList(columns) + " FROM " +
                                                QuoteIdentifier(table)));
  BatchWriter writer(to, table, columns, batch_rows);
  std::int64_t rows = 0;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, select->Step());
    if (!row) break;
    HD_RETURN_IF_ERROR(writer.Add(*select));
    ++rows;
  }
  HD_RETURN_IF_ERROR(writer.Flush());
  return rows;
}

// Moves each identity sequence past the largest copied id (PostgreSQL only;
// SQLite continues after the largest rowid by itself).
Status AdvanceSequences(Connection& to, const std::vector<std::string>& tables) {
  if (to.dialect() != Dialect::kPostgres) return Ok();
  for (const auto& table : tables) {
    HD_ASSIGN_OR_RETURN(auto columns, ListColumns(to, table));
    const bool has_id = std::any_of(columns.begin(), columns.end(),
                                    [](const ColumnInfo& c) { return c.name == "id"; });
    if (!has_id) continue;
    HD_ASSIGN_OR_RETURN(auto seq, to.Prepare("SELECT pg_get_serial_sequence(?, 'id')"));
    seq->BindText(1, QuoteIdentifier(table));
    HD_ASSIGN_OR_RETURN(bool row, seq->Step());
    if (!row || seq->IsNull(0)) continue;
    const std::string name = seq->ColumnText(0);
    HD_RETURN_IF_ERROR(to.Exec("SELECT setval('" + name +
                               "', (SELECT COALESCE(MAX(id), 0) + 1 FROM " +
                               QuoteIdentifier(table) + "), false)"));
  }
  return Ok();
}

Status CheckVersions(Connection& from, Connection& to) {
  HD_RETURN_IF_ERROR(ApplyMigrations(to));
  HD_ASSIGN_OR_RETURN(auto source, SchemaVersions(from));
  HD_ASSIGN_OR_RETURN(auto target, SchemaVersions(to));
  if (source != target) {
    return Error::InvalidArgument(
        "the source database is at schema version " +
        (source.empty() ? std::string("none") : std::to_string(source.back())) +
        " and this helpdesk at " + std::to_string(target.empty() ? 0 : target.back()) +
        ": run `helpdesk migrate` on the source first");
  }
  return Ok();
}

Status PrepareTarget(Connection& to, const std::vector<std::string>& tables, bool replace) {
  for (auto it = tables.rbegin(); it != tables.rend(); ++it) {
    HD_ASSIGN_OR_RETURN(std::int64_t rows, CountRows(to, *it));
    if (rows == 0) continue;
    if (!replace && !SeededByMigrations(*it)) {
      return Error::InvalidArgument("the target database holds " + std::to_string(rows) +
                                    " rows in " + *it + "; copy into an empty database or " +
                                    "pass --replace to delete them first");
    }
    HD_RETURN_IF_ERROR(to.Exec("DELETE FROM " + QuoteIdentifier(*it)));
  }
  return Ok();
}

Status VerifyCounts(Connection& from, Connection& to, const CopyReport& report) {
  for (const auto& t : report.tables) {
    HD_ASSIGN_OR_RETURN(std::int64_t source, CountRows(from, t.table));
    HD_ASSIGN_OR_RETURN(std::int64_t target, CountRows(to, t.table));
    if (source != t.rows || target != t.rows) {
      return Error::Internal("table " + t.table + ": source has " + std::to_string(source) +
                             " rows, target " + std::to_string(target) + " after copying " +
                             std::to_string(t.rows));
    }
  }
  return Ok();
}

Result<CopyReport> CopyInTransaction(Connection& from, Connection& to, const CopyOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  HD_ASSIGN_OR_RETURN(auto tables, TablesInCopyOrder(from));
  HD_RETURN_IF_ERROR(PrepareTarget(to, tables, options.replace));
  CopyReport report;
  for (const auto& table : tables) {
    HD_ASSIGN_OR_RETURN(std::int64_t rows, CopyTable(from, to, table, options.batch_rows));
    report.tables.push_back({table, rows});
    report.rows += rows;
    if (options.on_table) options.on_table(table, rows);
  }
  HD_RETURN_IF_ERROR(AdvanceSequences(to, tables));
  HD_RETURN_IF_ERROR(to.Exec("COMMIT"));
  HD_RETURN_IF_ERROR(VerifyCounts(from, to, report));
  report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  return report;
}

}  // namespace

Result<std::int64_t> CountRows(Connection& conn, const std::string& table) {
  HD_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT COUNT(*) FROM " + QuoteIdentifier(table)));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return Error::Internal("COUNT(*) returned no row");
  return stmt->ColumnInt(0);
}

Result<std::vector<std::string>> TablesInCopyOrder(Connection& conn) {
  HD_ASSIGN_OR_RETURN(auto tables, ListTables(conn));
  HD_ASSIGN_OR_RETURN(auto keys, ListForeignKeys(conn));
  std::map<std::string, std::set<std::string>> parents;
  for (const auto& t : tables) parents[t];
  for (const auto& [child, parent] : keys) {
    if (child != parent && parents.count(parent) != 0) parents[child].insert(parent);
  }
  std::vector<std::string> order;
  std::set<std::string> placed;
  while (order.size() < parents.size()) {
    const std::size_t before = order.size();
    for (const auto& [table, needs] : parents) {
      if (placed.count(table) != 0) continue;
      const bool ready = std::all_of(needs.begin(), needs.end(),
                                     [&](const std::string& p) { return placed.count(p) != 0; });
      if (!ready) continue;
      order.push_back(table);
      placed.insert(table);
    }
    if (order.size() == before) return Error::Internal("foreign keys form a cycle");
  }
  return order;
}

Result<CopyReport> CopyDatabase(Connection& from, Connection& to, const CopyOptions& options) {
  HD_RETURN_IF_ERROR(CheckVersions(from, to));
  const bool pg_source = from.dialect() == Dialect::kPostgres;
  HD_RETURN_IF_ERROR(
      from.Exec(pg_source ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN"));
  HD_RETURN_IF_ERROR(to.Exec(BeginWriteSql(to.dialect())));
  auto report = CopyInTransaction(from, to, options);
  (void)from.Exec("ROLLBACK");
  if (!report.ok()) (void)to.Exec("ROLLBACK");
  return report;
}

Result<std::unique_ptr<Connection>> OpenDatabaseUrl(const std::string& url, bool create) {
  const std::string sqlite = "sqlite:";
  if (url.rfind(sqlite, 0) == 0) {
    SqliteConnectionOptions options;
    options.path = url.substr(sqlite.size());
    options.read_only = !create;
    HD_ASSIGN_OR_RETURN(auto conn, SqliteConnection::Open(options));
    return std::unique_ptr<Connection>(std::move(conn));
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    HD_ASSIGN_OR_RETURN(auto conn, PostgresConnection::Open({url}));
    return std::unique_ptr<Connection>(std::move(conn));
  }
  return Error::InvalidArgument("unsupported database URL " + url +
                                "; use sqlite:PATH or postgresql://USER@HOST:PORT/DB");
}

}  // namespace hd::storage
