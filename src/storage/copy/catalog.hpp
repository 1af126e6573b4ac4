// Catalog: what a database holds, asked the way each dialect answers it
// (SQLite's pragma functions, PostgreSQL's information_schema and
// pg_constraint). Used by the database copy; same thread behaviour as the
// connection.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace hd::storage {

// How a column's values are read and bound when copied.
enum class ColumnKind { kInt, kDouble, kText, kBlob };

struct ColumnInfo {
  std::string name;
  ColumnKind kind = ColumnKind::kText;
};

// Base tables of the current schema, schema_migrations excluded, by name.
Result<std::vector<std::string>> ListTables(Connection& conn);

// (referencing table, referenced table) for every foreign key.
Result<std::vector<std::pair<std::string, std::string>>> ListForeignKeys(Connection& conn);

// The columns of `table` in their declared order.
Result<std::vector<ColumnInfo>> ListColumns(Connection& conn, const std::string& table);

// Whether the migrations themselves write rows into `table` (server_secrets:
// the secret made at install), so a freshly migrated database holds some.
// The copy replaces those rows with the source's instead of refusing the
// target: mail signed with the source's secret must still verify.
bool SeededByMigrations(const std::string& table);

// The versions recorded in schema_migrations, ascending; empty when the
// ledger does not exist.
Result<std::vector<int>> SchemaVersions(Connection& conn);

// `name` as a quoted SQL identifier ("name", inner quotes doubled).
std::string QuoteIdentifier(const std::string& name);

}  // namespace hd::storage
