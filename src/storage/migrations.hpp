// Schema migrations: numbered SQL files under storage/migrations/<dialect>/
// (NNNN_name.sql), embedded into the binary at build time. The same number
// means the same change on every dialect. Released files are never edited;
// a change is a new file.
//
// ApplyMigrations brings a database up to date: each pending migration runs
// in its own transaction together with its row in
// schema_migrations(version, name, applied_at), so a crash leaves either the
// whole migration or none of it. It is idempotent and safe when several
// processes start at once (a migration already recorded is skipped inside
// the transaction that would apply it).
#pragma once

#include <span>
#include <string_view>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace hd::storage {

struct Migration {
  int version = 0;        // NNNN of the file name; strictly increasing
  std::string_view name;  // the rest of the file name, e.g. "init"
  std::string_view sql;   // the file's content
};

// The migrations compiled into this binary for `dialect`, by version.
std::span<const Migration> EmbeddedMigrations(Dialect dialect);

// Applies every embedded migration the database has not recorded yet and
// returns how many were applied (0 when up to date). Needs a connection
// outside any transaction. kUnavailable when the database is busy; kInternal
// when a migration fails (its transaction is rolled back).
Result<int> ApplyMigrations(Connection& conn);

// Applies `migrations` (in order) instead of the embedded ones; for tests.
Result<int> ApplyMigrations(Connection& conn, std::span<const Migration> migrations);

}  // namespace hd::storage
