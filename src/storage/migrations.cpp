#include "storage/migrations.hpp"

#include <set>
#include <string>

namespace hd::storage {

namespace {

constexpr std::string_view kCreateLedger =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at BIGINT NOT NULL)";

Result<std::set<int>> AppliedVersions(Connection& conn) {
  HD_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT version FROM schema_migrations"));
  std::set<int> versions;
  while (true) {
    HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
    if (!row) break;
    versions.insert(static_cast<int>(stmt->ColumnInt(0)));
  }
  return versions;
}

// Runs inside the migration's transaction; false when another process
// recorded the migration first.
Result<bool> ApplyInTransaction(Connection& conn, const Migration& m) {
  {
    HD_ASSIGN_OR_RETURN(auto check,
                        conn.Prepare("SELECT 1 FROM schema_migrations WHERE version = ?"));
    check->BindInt(1, m.version);
    HD_ASSIGN_OR_RETURN(bool recorded, check->Step());
    if (recorded) return false;
  }
  HD_RETURN_IF_ERROR(conn.Exec(m.sql));
  const std::string record =
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, " +
      std::string(NowMillisSql(conn.dialect())) + ")";
  HD_ASSIGN_OR_RETURN(auto insert, conn.Prepare(record));
  insert->BindInt(1, m.version);
  insert->BindText(2, m.name);
  HD_RETURN_IF_ERROR(insert->Step());
  return true;
}

Error Describe(const Migration& m, Error e) {
  e.message =
      "migration " + std::to_string(m.version) + "_" + std::string(m.name) + ": " + e.message;
  return e;
}

Result<bool> ApplyOne(Connection& conn, const Migration& m) {
  HD_RETURN_IF_ERROR(conn.Exec(BeginWriteSql(conn.dialect())));
  auto applied = ApplyInTransaction(conn, m);
  if (!applied.ok() || !*applied) {
    (void)conn.Exec("ROLLBACK");
    if (!applied.ok()) return Describe(m, std::move(applied).error());
    return false;
  }
  auto commit = conn.Exec("COMMIT");
  if (!commit.ok()) {
    (void)conn.Exec("ROLLBACK");
    return Describe(m, std::move(commit).error());
  }
  return true;
}

// Runs with the migration lock held (see MigrationLockSql).
Result<int> ApplyLocked(Connection& conn, std::span<const Migration> migrations) {
  HD_RETURN_IF_ERROR(conn.Exec(kCreateLedger));
  HD_ASSIGN_OR_RETURN(std::set<int> done, AppliedVersions(conn));
  int applied = 0;
  for (const Migration& m : migrations) {
    if (done.count(m.version) != 0) continue;
    HD_ASSIGN_OR_RETURN(bool ran, ApplyOne(conn, m));
    if (ran) ++applied;
  }
  return applied;
}

}  // namespace

Result<int> ApplyMigrations(Connection& conn) {
  return ApplyMigrations(conn, EmbeddedMigrations(conn.dialect()));
}

Result<int> ApplyMigrations(Connection& conn, std::span<const Migration> migrations) {
  const std::string_view lock = MigrationLockSql(conn.dialect());
  if (lock.empty()) return ApplyLocked(conn, migrations);
  // Another process migrating holds the lock: wait for it, then find its
  // migrations recorded and skip them.
  HD_RETURN_IF_ERROR(conn.Exec(lock));
  auto applied = ApplyLocked(conn, migrations);
  (void)conn.Exec(MigrationUnlockSql(conn.dialect()));
  return applied;
}

}  // namespace hd::storage
