// Database copy: moves a whole help desk from one database to another
// (SQLite to PostgreSQL when an installation outgrows one machine, or back),
// keeping every id, and checks the row counts afterwards.
//
// Both databases are brought to the same schema first: the target is
// migrated, and the source must already be at the target's version (run
// `helpdesk migrate` on it). Tables are found in the source's catalogue, so
// tables added by later migrations are copied without changes here; they are
// copied parents first (foreign keys), in batches of multi-row INSERTs, inside
// one target transaction: a failed copy leaves the target as it was. Rows
// the migrations wrote into the target themselves (SeededByMigrations, e.g.
// the shared server secret) are replaced by the source's. The source is read
// inside one read transaction (a consistent snapshot). On PostgreSQL the
// identity sequences are moved past the copied ids.
//
// Attachment bytes live in the blob folder, not in the database: they are
// not copied (the folder is shared or copied as files).
//
// Thread behaviour: uses the two connections on the calling thread only.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace hd::storage {

// Opens one connection to the database a URL names: sqlite:PATH (the file
// must exist unless `create`) or postgresql://… / postgres://….
// kInvalidArgument for another URL; kUnavailable when it cannot be opened.
Result<std::unique_ptr<Connection>> OpenDatabaseUrl(const std::string& url, bool create);

struct CopyOptions {
  // Rows per INSERT statement (fewer when a table has many columns). Default 500.
  int batch_rows = 500;
  // Deletes every row of the target first instead of refusing a target that
  // holds data. Default false.
  bool replace = false;
  // Called after each table with its name and row count; may be empty.
  std::function<void(const std::string& table, std::int64_t rows)> on_table;
};

struct TableCount {
  std::string table;
  std::int64_t rows = 0;
};

struct CopyReport {
  std::vector<TableCount> tables;  // in copy order
  std::int64_t rows = 0;           // all tables together
  std::chrono::milliseconds elapsed{0};
};

// Copies every row of `from` into `to`. kInvalidArgument when the schemas'
// versions differ or (without `replace`) the target holds rows; kInternal
// when the counts differ afterwards; driver errors as they come.
Result<CopyReport> CopyDatabase(Connection& from, Connection& to, const CopyOptions& options);

// The data tables of a database (schema_migrations excluded), parents before
// the tables that reference them.
Result<std::vector<std::string>> TablesInCopyOrder(Connection& conn);

// Rows in `table`.
Result<std::int64_t> CountRows(Connection& conn, const std::string& table);

}  // namespace hd::storage
