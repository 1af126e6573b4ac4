// The Database interface on the SQLite driver: placeholders, the statement
// cache, error translation.
#include "storage/database.hpp"

#include <gtest/gtest.h>

#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/temp_dir_test_util.hpp"

namespace hd::storage::testing {
namespace {

TEST(RewritePlaceholders, NumbersPlaceholdersForPostgresOutsideQuotes) {
  EXPECT_EQ(RewritePlaceholders("SELECT a FROM t WHERE b = ? AND c = '?' AND \"d?\" = ?",
                                Dialect::kPostgres),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND \"d?\" = $2");
  EXPECT_EQ(RewritePlaceholders("SELECT ?", Dialect::kSqlite), "SELECT ?");
}

class SqliteConnectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = SqliteConnection::Open({dir_.File("c.db"), 5000, false});
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    conn_ = std::move(opened).value();
    ASSERT_TRUE(conn_
                    ->Exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, "
                           "score REAL, data BLOB)")
                    .ok());
  }

  Status Insert(std::int64_t id, std::string_view name) {
    auto stmt = conn_->Prepare("INSERT INTO t (id, name) VALUES (?, ?)");
    if (!stmt.ok()) return stmt.error();
    (*stmt)->BindInt(1, id);
    (*stmt)->BindText(2, name);
    auto done = (*stmt)->Step();
    if (!done.ok()) return done.error();
    return Ok();
  }

  TempDir dir_;
  std::unique_ptr<SqliteConnection> conn_;
};

TEST_F(SqliteConnectionTest, BindsAndReadsEveryType) {
  auto stmt = conn_->Prepare("INSERT INTO t (id, name, score, data) VALUES (?, ?, ?, ?)");
  ASSERT_TRUE(stmt.ok());
  (*stmt)->BindInt(1, 7);
  (*stmt)->BindNull(2);
  (*stmt)->BindDouble(3, 2.5);
  (*stmt)->BindBlob(4, std::string_view("a\0b", 3));
  ASSERT_TRUE((*stmt)->Step().ok());
  EXPECT_EQ((*stmt)->ChangedRows(), 1);
  auto read = conn_->Prepare("SELECT id, name, score, data FROM t");
  ASSERT_TRUE(read.ok());
  ASSERT_TRUE(*(*read)->Step());
  EXPECT_EQ((*read)->ColumnInt(0), 7);
  EXPECT_TRUE((*read)->IsNull(1));
  EXPECT_DOUBLE_EQ((*read)->ColumnDouble(2), 2.5);
  EXPECT_EQ((*read)->ColumnBlob(3), std::string("a\0b", 3));
  EXPECT_FALSE(*(*read)->Step());
}

TEST_F(SqliteConnectionTest, CachedStatementIsReusedAndNestedUseGetsItsOwn) {
  ASSERT_TRUE(Insert(1, "a").ok());
  ASSERT_TRUE(Insert(2, "b").ok());  // the cached statement, reset by its lease
  auto outer = conn_->Prepare("SELECT id FROM t ORDER BY id");
  ASSERT_TRUE(outer.ok());
  ASSERT_TRUE(*(*outer)->Step());
  auto inner = conn_->Prepare("SELECT id FROM t ORDER BY id");
  ASSERT_TRUE(inner.ok());
  ASSERT_TRUE(*(*inner)->Step());
  EXPECT_EQ((*inner)->ColumnInt(0), 1);
  ASSERT_TRUE(*(*outer)->Step());
  EXPECT_EQ((*outer)->ColumnInt(0), 2);
}

TEST_F(SqliteConnectionTest, UniqueViolationIsConflict) {
  ASSERT_TRUE(Insert(1, "same").ok());
  Status dup_name = Insert(2, "same");
  ASSERT_FALSE(dup_name.ok());
  EXPECT_EQ(dup_name.error().code, ErrorCode::kConflict);
  Status dup_key = Insert(1, "other");
  ASSERT_FALSE(dup_key.ok());
  EXPECT_EQ(dup_key.error().code, ErrorCode::kConflict);
}

TEST_F(SqliteConnectionTest, SyntaxErrorIsInternal) {
  auto stmt = conn_->Prepare("SELEC nothing");
  ASSERT_FALSE(stmt.ok());
  EXPECT_EQ(stmt.error().code, ErrorCode::kInternal);
  Status exec = conn_->Exec("DROP TABLE missing");
  ASSERT_FALSE(exec.ok());
  EXPECT_EQ(exec.error().code, ErrorCode::kInternal);
}

TEST_F(SqliteConnectionTest, BindOutOfRangeSurfacesAtStep) {
  auto stmt = conn_->Prepare("SELECT id FROM t WHERE id = ?");
  ASSERT_TRUE(stmt.ok());
  (*stmt)->BindInt(2, 1);
  auto step = (*stmt)->Step();
  ASSERT_FALSE(step.ok());
  EXPECT_EQ(step.error().code, ErrorCode::kInternal);
}

TEST_F(SqliteConnectionTest, BusyDatabaseIsUnavailable) {
  auto other = SqliteConnection::Open({dir_.File("c.db"), 10, false});
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE((*other)->Exec("BEGIN EXCLUSIVE").ok());
  Status s = conn_->Exec("BEGIN IMMEDIATE");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  EXPECT_FALSE(conn_->InTransaction());
}

}  // namespace
}  // namespace hd::storage::testing
