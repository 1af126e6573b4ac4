// Online SQLite backup: a consistent, complete copy under its final name only.
#include "storage/copy/db_backup.hpp"

#include <filesystem>

#include "storage/copy/db_copy.hpp"
#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/store_contract.hpp"
#include "storage/temp_dir_test_util.hpp"

namespace hd::storage::testing {
namespace {

TEST(SqliteBackup, CopiesEveryRowWhileTheSourceStaysOpen) {
  TempDir dir;
  auto source = Must(SqliteConnection::Open({dir.File("live.db"), 5000, false}));
  ASSERT_TRUE(ApplyMigrations(*source).ok());
  ASSERT_TRUE(
      source->Exec("INSERT INTO companies (name, created_at) VALUES ('A', 1), ('B', 2)").ok());
  ASSERT_TRUE(BackupSqlite(dir.File("live.db"), dir.File("backup.db")).ok());
  EXPECT_FALSE(std::filesystem::exists(dir.File("backup.db.partial")));
  auto copy = Must(SqliteConnection::Open({dir.File("backup.db"), 5000, true}));
  EXPECT_EQ(Must(CountRows(*copy, "companies")), 2);
  EXPECT_EQ(Must(CountRows(*copy, "schema_migrations")),
            Must(CountRows(*source, "schema_migrations")));
}

TEST(SqliteBackup, MissingSourceIsUnavailableAndLeavesNoFile) {
  TempDir dir;
  Status s = BackupSqlite(dir.File("none.db"), dir.File("backup.db"));
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE(std::filesystem::exists(dir.File("backup.db")));
  EXPECT_FALSE(std::filesystem::exists(dir.File("backup.db.partial")));
}

}  // namespace
}  // namespace hd::storage::testing
