// Database: the small SQL interface every repository is written against, so
// that one set of repositories runs on SQLite and on PostgreSQL.
//
// A Connection is one session with the database. It prepares statements
// (cached per connection by SQL text) and executes scripts. SQL is written
// once with positional `?` placeholders; the driver rewrites them when its
// dialect needs another form ($1, $2 … for PostgreSQL). Portable SQL is the
// rule: `INSERT … RETURNING id` and `INSERT … ON CONFLICT (…) DO UPDATE` run
// on both engines; what still differs (transaction start, the database's
// clock) is asked of the Dialect helpers below, never spelled in repositories.
//
// Errors are translated at the driver's edge: a unique-constraint violation
// is kConflict; a busy, locked, full, unreadable or unopenable database is
// kUnavailable; anything else kInternal.
//
// Thread behaviour: a Connection and its statements belong to one thread at a
// time; callers (the stores) hand whole connections between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hd::storage {

enum class Dialect { kSqlite, kPostgres };

// The statement that opens a read-write transaction: "BEGIN IMMEDIATE" on
// SQLite (takes the write lock up front, so a busy database fails at BEGIN
// and never half-way through), "BEGIN" on PostgreSQL.
std::string_view BeginWriteSql(Dialect dialect);

// A SQL expression for the database's current time in unix milliseconds.
std::string_view NowMillisSql(Dialect dialect);

// The suffix of a `SELECT … FOR UPDATE` that claims rows other transactions
// have not locked, skipping those they have: " FOR UPDATE SKIP LOCKED" on
// PostgreSQL, "" on SQLite (its one writer already excludes every other).
// Job queues append it to the query that picks the next rows to work on.
std::string_view SkipLockedSql(Dialect dialect);

// A query for the id the next row of `table` (integer key `id`) takes, for
// an insert whose other columns repeat it: the largest id + 1 on SQLite (one
// writer, and SQLite picks the next rowid the same way), the next value of
// the id column's identity sequence on PostgreSQL (never handed out twice,
// also across instances).
std::string NextIdSql(Dialect dialect, std::string_view table);

// Statements that take and release the lock serialising schema migrations
// across processes: a session-level advisory lock on PostgreSQL (held across
// the migrations' transactions, released when the session ends even after a
// crash), "" on SQLite (BEGIN IMMEDIATE already serialises them).
std::string_view MigrationLockSql(Dialect dialect);
std::string_view MigrationUnlockSql(Dialect dialect);

// Rewrites `?` placeholders to the dialect's form, leaving `?` inside quoted
// strings and identifiers alone. SQLite text is returned unchanged.
std::string RewritePlaceholders(std::string_view sql, Dialect dialect);

// A prepared statement. Parameters are numbered from 1 in the order of the
// `?` placeholders; result columns from 0. A statement is bound, stepped
// through its rows, then reset for reuse by its PreparedStatement owner.
class Statement {
 public:
  virtual ~Statement() = default;

  virtual void BindInt(int index, std::int64_t value) = 0;
  virtual void BindDouble(int index, double value) = 0;
  virtual void BindText(int index, std::string_view value) = 0;
  virtual void BindBlob(int index, std::string_view bytes) = 0;
  virtual void BindNull(int index) = 0;

  // Runs the statement or moves to its next row: true when a row is
  // available, false when the statement is done. A bind error surfaces here.
  virtual Result<bool> Step() = 0;

  virtual bool IsNull(int column) const = 0;
  virtual std::int64_t ColumnInt(int column) const = 0;
  virtual double ColumnDouble(int column) const = 0;
  virtual std::string ColumnText(int column) const = 0;
  virtual std::string ColumnBlob(int column) const = 0;

  // Rows inserted, updated or deleted by the last completed Step().
  virtual std::int64_t ChangedRows() const = 0;

  // Clears bindings and results so the statement can run again.
  virtual void Reset() = 0;
};

// A lease on a prepared statement: resets it when destroyed so the cached
// statement is ready for the next user. Move-only.
class PreparedStatement {
 public:
  PreparedStatement(Statement* cached, std::unique_ptr<Statement> owned, bool* in_use);
  PreparedStatement(PreparedStatement&& other) noexcept;
  PreparedStatement& operator=(PreparedStatement&&) = delete;
  PreparedStatement(const PreparedStatement&) = delete;
  ~PreparedStatement();

  Statement* operator->() const { return stmt_; }
  Statement& operator*() const { return *stmt_; }

 private:
  Statement* stmt_;
  std::unique_ptr<Statement> owned_;  // set when the cached one was busy
  bool* in_use_;                      // the cache slot's flag; may be null
};

class Connection {
 public:
  virtual ~Connection() = default;

  virtual Dialect dialect() const = 0;

  // Prepares `sql` (written with `?` placeholders), reusing the cached
  // statement for the same text. kInternal for a syntax error.
  virtual Result<PreparedStatement> Prepare(std::string_view sql) = 0;

  // Runs one or more statements that return no rows (DDL, BEGIN, COMMIT…).
  virtual Status Exec(std::string_view sql) = 0;
};

}  // namespace hd::storage
