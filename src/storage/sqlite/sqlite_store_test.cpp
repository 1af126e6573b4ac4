// The storage contract on SQLite, and what only SQLite has: its lock, its
// migration ledger, its connection options.
#include "storage/sqlite/sqlite_store.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <future>
#include <thread>

#include "storage/migrations.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/store_contract.hpp"
#include "storage/temp_dir_test_util.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;

class SqliteHarness final : public StoreHarness {
 public:
  SqliteHarness() { Reopen(); }
  core::ports::Store& store() override { return *store_; }
  void Reopen() override {
    store_.reset();
    SqliteOptions options;
    options.path = dir_.File("helpdesk.db");
    options.reader_pool_size = 4;
    auto opened = SqliteStore::Open(options);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
  }

 private:
  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
};

StoreBackend SqliteBackend() {
  return {"Sqlite", [] { return std::unique_ptr<StoreHarness>(new SqliteHarness()); }};
}

HD_INSTANTIATE_STORE_CONTRACT(Sqlite, SqliteBackend());

Result<std::int64_t> ScalarOf(Connection& conn, std::string_view sql) {
  HD_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(sql));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return Error::NotFound("no row");
  return stmt->ColumnInt(0);
}

TEST(SqliteMigrations, AppliedOnceAndIdempotentOnReopen) {
  TempDir dir;
  const SqliteConnectionOptions options{dir.File("m.db"), 5000, false};
  const auto embedded = EmbeddedMigrations(Dialect::kSqlite);
  ASSERT_FALSE(embedded.empty());
  EXPECT_EQ(embedded.front().version, 1);
  EXPECT_EQ(embedded.front().name, "init");
  {
    auto conn = Must(SqliteConnection::Open(options));
    EXPECT_EQ(Must(ApplyMigrations(*conn)), static_cast<int>(embedded.size()));
    EXPECT_EQ(Must(ApplyMigrations(*conn)), 0);
  }
  auto conn = Must(SqliteConnection::Open(options));
  EXPECT_EQ(Must(ApplyMigrations(*conn)), 0);
  EXPECT_EQ(Must(ScalarOf(*conn, "SELECT COUNT(*) FROM schema_migrations")),
            static_cast<std::int64_t>(embedded.size()));
  EXPECT_GT(Must(ScalarOf(*conn, "SELECT MIN(applied_at) FROM schema_migrations")),
            1'600'000'000'000);  // recorded in unix milliseconds
}

TEST(SqliteMigrations, FailingMigrationIsRolledBackWhole) {
  TempDir dir;
  auto conn = Must(SqliteConnection::Open({dir.File("m.db"), 5000, false}));
  const Migration good{1, "one", "CREATE TABLE a (x INTEGER)"};
  const Migration bad{2, "two", "CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1)"};
  const Migration both[] = {good, bad};
  auto r = ApplyMigrations(*conn, both);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("migration 2_two"), std::string::npos);
  EXPECT_EQ(Must(ScalarOf(*conn, "SELECT MAX(version) FROM schema_migrations")), 1);
  EXPECT_EQ(Must(ScalarOf(*conn, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'")), 0);
  const Migration fixed{2, "two", "CREATE TABLE b (x INTEGER)"};
  const Migration again[] = {good, fixed};
  EXPECT_EQ(Must(ApplyMigrations(*conn, again)), 1);
}

TEST(SqliteStore, OpenSetsWalAndForeignKeys) {
  TempDir dir;
  SqliteOptions options;
  options.path = dir.File("h.db");
  auto store = Must(SqliteStore::Open(options));
  ASSERT_NE(store, nullptr);
  auto conn = Must(SqliteConnection::Open({options.path, 5000, true}));
  auto mode = conn->Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(Must((*mode)->Step()));
  EXPECT_EQ((*mode)->ColumnText(0), "wal");
  EXPECT_EQ(Must(ScalarOf(*conn, "PRAGMA foreign_keys")), 1);
  EXPECT_EQ(Must(ScalarOf(*conn, "PRAGMA synchronous")), 2);  // FULL
}

TEST(SqliteStore, UnopenablePathIsUnavailable) {
  SqliteOptions options;
  options.path = "/nonexistent-folder/for/sure/h.db";
  auto store = SqliteStore::Open(options);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.error().code, ErrorCode::kUnavailable);
}

// Regression: issue #2 asks that a locked database answer 503 with no
// partial write.
TEST(SqliteStore, LockedDatabaseIsUnavailableAndWritesNothing) {
  TempDir dir;
  SqliteOptions options;
  options.path = dir.File("h.db");
  options.busy_timeout_ms = 50;
  auto store = Must(SqliteStore::Open(options));
  auto other = Must(SqliteConnection::Open({options.path, 50, false}));
  ASSERT_TRUE(other->Exec("BEGIN EXCLUSIVE").ok());
  core::User u;
  u.email = "ann@example.com";
  Status s = store->Write([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(tx.Users().Insert(u));
    return Ok();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kUnavailable);
  ASSERT_TRUE(other->Exec("ROLLBACK").ok());
  std::int64_t count = -1;
  ASSERT_TRUE(store
                  ->Read([&](Tx& tx) -> Status {
                    HD_ASSIGN_OR_RETURN(count, tx.Users().Count());
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(count, 0);
  EXPECT_TRUE(store
                  ->Write([&](Tx& tx) -> Status {
                    HD_RETURN_IF_ERROR(tx.Users().Insert(u));
                    return Ok();
                  })
                  .ok());
}

Status InsertUser(core::ports::Store& store, const std::string& email) {
  return store.Write([&](Tx& tx) -> Status {
    core::User u;
    u.email = email;
    HD_RETURN_IF_ERROR(tx.Users().Insert(u));
    return Ok();
  });
}

// Shutdown loses nothing that was accepted: writes queued when destruction
// begins are committed and answered before the database closes.
TEST(SqliteStore, DestructionCommitsEveryQueuedWrite) {
  TempDir dir;
  SqliteOptions options;
  options.path = dir.File("h.db");
  auto store = Must(SqliteStore::Open(options));
  SqliteStore* raw = store.get();
  std::promise<void> holding, release;
  std::shared_future<void> released = release.get_future().share();
  std::thread blocker([&] {
    EXPECT_TRUE(raw->Write([&](Tx& tx) -> Status {
                     holding.set_value();
                     released.wait();
                     core::User u;
                     u.email = "first@example.com";
                     HD_RETURN_IF_ERROR(tx.Users().Insert(u));
                     return Ok();
                   })
                    .ok());
  });
  holding.get_future().wait();
  constexpr int kQueued = 20;
  std::vector<std::thread> writers;
  for (int i = 0; i < kQueued; ++i) {
    writers.emplace_back(
        [raw, i] { EXPECT_TRUE(InsertUser(*raw, "u" + std::to_string(i) + "@example.com").ok()); });
  }
  while (raw->write_stats().waiting < kQueued + 1) std::this_thread::yield();
  std::thread closer([&] { store.reset(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let the closer stop the queue
  release.set_value();
  closer.join();
  blocker.join();
  for (auto& w : writers) w.join();
  auto reopened = Must(SqliteStore::Open(options));
  std::int64_t count = -1;
  ASSERT_TRUE(reopened
                  ->Read([&](Tx& tx) -> Status {
                    HD_ASSIGN_OR_RETURN(count, tx.Users().Count());
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(count, kQueued + 1);
}

TEST(SqliteStore, WriteFromInsideAWriteFunctionIsRefused) {
  TempDir dir;
  SqliteOptions options;
  options.path = dir.File("h.db");
  auto store = Must(SqliteStore::Open(options));
  Status inner = Ok();
  ASSERT_TRUE(store
                  ->Write([&](Tx&) -> Status {
                    inner = store->Write([](Tx&) { return Ok(); });
                    return Ok();
                  })
                  .ok());
  ASSERT_FALSE(inner.ok());
  EXPECT_EQ(inner.error().code, ErrorCode::kInternal);
}

TEST(SqliteStore, ReadFunctionCannotWrite) {
  TempDir dir;
  SqliteOptions options;
  options.path = dir.File("h.db");
  auto store = Must(SqliteStore::Open(options));
  core::User u;
  u.email = "ann@example.com";
  Status s = store->Read([&](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(tx.Users().Insert(u));
    return Ok();
  });
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace hd::storage::testing

namespace hd::storage::testing {
namespace {

std::uintmax_t FileSize(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : size;
}

// A steady stream of commits, with readers on the WAL all the while, never
// lets a checkpoint beside it catch up with them: the writer folds the WAL
// into the database once it reaches wal_restart_frames and writes it anew, so
// the WAL stays small. Close empties it, so the file alone holds every write.
TEST(SqliteStore, TheWriterKeepsTheWalSmallAndCloseEmptiesIt) {
  TempDir dir;
  SqliteOptions options;
  options.path = dir.File("c.db");
  options.wal_restart_frames = 32;
  constexpr int kUsers = 600;
  std::uintmax_t largest_wal = 0;
  {
    auto store = Must(SqliteStore::Open(options));
    const auto db_before = FileSize(options.path);
    std::atomic<bool> writing{true};
    std::thread reader([&] {
      while (writing) {
        EXPECT_TRUE(store
                        ->Read([](Tx& tx) -> Status {
                          HD_RETURN_IF_ERROR(tx.Users().Count());
                          return Ok();
                        })
                        .ok());
      }
    });
    for (int i = 0; i < kUsers; ++i) {
      ASSERT_TRUE(InsertUser(*store, "u" + std::to_string(i) + "@example.com").ok());
      largest_wal = std::max(largest_wal, FileSize(options.path + "-wal"));
    }
    writing = false;
    reader.join();
    EXPECT_GT(FileSize(options.path), db_before);
  }
  // Without restarts the WAL would hold every commit's pages (several MiB);
  // with them it stays within a few times 32 pages.
  EXPECT_LT(largest_wal, 1024u * 1024u);
  EXPECT_EQ(FileSize(options.path + "-wal"), 0u);
  auto conn = Must(SqliteConnection::Open({options.path, 5000, true}));
  EXPECT_EQ(Must(ScalarOf(*conn, "SELECT COUNT(*) FROM users")), kUsers);
}

// The checkpointer copies the WAL into the database file in the background
// every quarter of wal_restart_frames, long before the writer restarts the
// WAL: the database file alone, copied away from its WAL, already holds
// committed writes.
TEST(SqliteStore, TheCheckpointerCopiesTheWalIntoTheDatabaseBesideTheWriter) {
  TempDir dir;
  SqliteOptions options;
  options.path = dir.File("k.db");
  options.wal_restart_frames = 4000;  // a checkpoint every 1000 frames, no restart below 4000
  auto store = Must(SqliteStore::Open(options));
  int users = 0;
  while (store->write_stats().checkpoints == 0 && users < 2000) {
    ASSERT_TRUE(InsertUser(*store, "u" + std::to_string(users++) + "@example.com").ok());
  }
  ASSERT_GE(store->write_stats().checkpoints, 1u);
  EXPECT_GT(FileSize(options.path + "-wal"), 0u);

  const std::string copy = dir.File("copy.db");
  std::filesystem::copy_file(options.path, copy);
  auto conn = Must(SqliteConnection::Open({copy, 5000, true}));
  const auto copied = Must(ScalarOf(*conn, "SELECT COUNT(*) FROM users"));
  EXPECT_GT(copied, 0);
  EXPECT_LE(copied, users);
}

}  // namespace
}  // namespace hd::storage::testing
