// Online backup of a SQLite database: a consistent copy of the file taken
// while the help desk keeps serving (SQLite's backup API, copying pages in
// steps and starting again when a writer changed the source meanwhile).
// PostgreSQL is backed up with its own tools (pg_dump, base backups); see
// docs/operations.md.
//
// Thread behaviour: blocking; opens its own connections.
#pragma once

#include <string>

#include "core/error.hpp"

namespace hd::storage {

// Writes a consistent copy of the SQLite database at `source` to `target`
// (replaced when it exists; written next to it first, then renamed, so a
// failed backup never leaves a half file under that name). kUnavailable
// when either file cannot be opened or the disk is full.
Status BackupSqlite(const std::string& source, const std::string& target);

}  // namespace hd::storage
