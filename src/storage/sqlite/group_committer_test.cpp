// The SQLite write pipeline: a batch is answered only once the disk has
// synced it, the writer runs the next batch meanwhile, readers never see a
// write before it is durable, and a failed sync stops the store rather than
// answer for data the disk may have dropped.
#include "storage/sqlite/group_committer.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <future>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>

#include "storage/migrations.hpp"
#include "storage/sqlite/commit_horizon.hpp"
#include "storage/sqlite/reader_pool.hpp"
#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/sqlite/wal_file.hpp"
#include "storage/store_contract.hpp"
#include "storage/temp_dir_test_util.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;
using namespace std::chrono_literals;

// A disk whose syncs wait until the test lets them through, or fail.
class HeldDisk {
 public:
  GroupCommitter::SyncFn Sync() {
    return [this]() -> Status {
      std::unique_lock lock(mu_);
      ++started_;
      moved_.notify_all();
      moved_.wait(lock, [&] { return open_; });
      return failure_ ? Status(*failure_) : Ok();
    };
  }
  void Open() {
    std::lock_guard lock(mu_);
    open_ = true;
    moved_.notify_all();
  }
  void FailWith(Error error) {
    std::lock_guard lock(mu_);
    failure_ = std::move(error);
    open_ = true;
    moved_.notify_all();
  }
  void AwaitSyncStarted() {
    std::unique_lock lock(mu_);
    moved_.wait(lock, [&] { return started_ > 0; });
  }

 private:
  std::mutex mu_;
  std::condition_variable moved_;
  int started_ = 0;
  bool open_ = false;
  std::optional<Error> failure_;
};

class GroupCommitterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_.path = dir_.File("w.db");
    auto conn = Must(SqliteConnection::Open(options_));
    ASSERT_TRUE(ApplyMigrations(*conn).ok());
    ASSERT_TRUE(conn->Exec("PRAGMA wal_autocheckpoint=0").ok());
    readers_ = Must(ReaderPool::Open(options_, 2, &horizon_));
    writer_ = std::make_unique<GroupCommitter>(std::move(conn), 64, horizon_, disk_.Sync());
  }
  void TearDown() override {
    disk_.Open();
    writer_.reset();
    readers_.reset();
  }

  // Adds a user through the writer; `ran`, when given, is set once the
  // write function has run inside its transaction.
  std::future<Status> AddUser(const std::string& email, std::promise<void>* ran = nullptr) {
    return std::async(std::launch::async, [this, email, ran] {
      return writer_->Submit([email, ran](Tx& tx) -> Status {
        core::User u;
        u.email = email;
        HD_RETURN_IF_ERROR(tx.Users().Insert(u));
        if (ran != nullptr) ran->set_value();
        return Ok();
      });
    });
  }
  std::future<Result<std::int64_t>> CountUsers() {
    return std::async(std::launch::async, [this]() -> Result<std::int64_t> {
      std::int64_t count = -1;
      HD_RETURN_IF_ERROR(readers_->Run([&](Tx& tx) -> Status {
        HD_ASSIGN_OR_RETURN(count, tx.Users().Count());
        return Ok();
      }));
      return count;
    });
  }
  void AwaitCommits(std::uint64_t n) {
    while (writer_->stats().commits < n) std::this_thread::sleep_for(1ms);
  }

  TempDir dir_;
  SqliteConnectionOptions options_;
  HeldDisk disk_;
  CommitHorizon horizon_;
  std::unique_ptr<ReaderPool> readers_;
  std::unique_ptr<GroupCommitter> writer_;
};

TEST_F(GroupCommitterTest, AnswersAWriteOnlyOnceTheDiskHasSyncedIt) {
  auto write = AddUser("ann@example.com");
  AwaitCommits(1);
  disk_.AwaitSyncStarted();
  EXPECT_EQ(write.wait_for(50ms), std::future_status::timeout);
  disk_.Open();
  EXPECT_TRUE(write.get().ok());
  EXPECT_EQ(writer_->stats().syncs, 1u);
}

// Requests arriving while a sync runs would wait for the next sync anyway:
// the writer takes them into one open transaction and commits it when the
// disk is free, so each changed page reaches the WAL once.
TEST_F(GroupCommitterTest, TakesTheWritesArrivingDuringASyncIntoOneCommit) {
  auto first = AddUser("ann@example.com");
  AwaitCommits(1);
  disk_.AwaitSyncStarted();
  std::promise<void> second_ran;
  auto second = AddUser("bob@example.com", &second_ran);
  second_ran.get_future().wait();  // the second batch is open, its commit held
  auto third = AddUser("cyd@example.com");
  while (writer_->stats().waiting < 3) std::this_thread::sleep_for(1ms);
  EXPECT_EQ(writer_->stats().commits, 1u);
  EXPECT_EQ(first.wait_for(0ms), std::future_status::timeout);
  disk_.Open();
  EXPECT_TRUE(first.get().ok());
  EXPECT_TRUE(second.get().ok());
  EXPECT_TRUE(third.get().ok());
  EXPECT_EQ(writer_->stats().commits, 2u);
  EXPECT_EQ(writer_->stats().syncs, 2u);
  EXPECT_EQ(Must(CountUsers().get()), 3);
}

TEST_F(GroupCommitterTest, AReaderSeesAWriteOnlyOnceItIsDurable) {
  auto write = AddUser("ann@example.com");
  AwaitCommits(1);
  disk_.AwaitSyncStarted();
  auto count = CountUsers();
  // The snapshot holds the committed row; the read waits for its sync.
  EXPECT_EQ(count.wait_for(50ms), std::future_status::timeout);
  disk_.Open();
  EXPECT_EQ(Must(count.get()), 1);
  EXPECT_TRUE(write.get().ok());
}

TEST_F(GroupCommitterTest, AReadWithNoWriteInFlightDoesNotWait) {
  disk_.Open();
  ASSERT_TRUE(AddUser("ann@example.com").get().ok());
  EXPECT_EQ(Must(CountUsers().get()), 1);
}

TEST_F(GroupCommitterTest, AFailedSyncRefusesItsBatchAndEveryLaterWriteAndRead) {
  auto write = AddUser("ann@example.com");
  AwaitCommits(1);
  disk_.AwaitSyncStarted();
  disk_.FailWith(Error::Unavailable("cannot sync w.db-wal: Input/output error"));
  const Status answered = write.get();
  ASSERT_FALSE(answered.ok());
  EXPECT_EQ(answered.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(answered.error().message.find("may not be stored"), std::string::npos);

  const Status later = AddUser("bob@example.com").get();
  ASSERT_FALSE(later.ok());
  EXPECT_EQ(later.error().code, ErrorCode::kUnavailable);
  auto read = CountUsers().get();
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.error().code, ErrorCode::kUnavailable);
}

TEST_F(GroupCommitterTest, AFailedWriteFunctionStoresNothingAndNeedsNoSync) {
  disk_.Open();
  const Status failed = writer_->Submit([](Tx& tx) -> Status {
    core::User u;
    u.email = "ann@example.com";
    HD_RETURN_IF_ERROR(tx.Users().Insert(u));
    return Error::InvalidArgument("no", "field");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(Must(CountUsers().get()), 0);
}

TEST(WalFile, SyncsTheLogAndFollowsItWhenTheFileIsReplaced) {
  TempDir dir;
  const std::string path = dir.File("x.db-wal");
  WalFile wal(path);
  const Status missing = wal.Sync();
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(missing.error().message.find(path), std::string::npos);

  { std::ofstream(path) << "frames"; }
  EXPECT_TRUE(wal.Sync().ok());
  std::filesystem::remove(path);
  { std::ofstream(path) << "a new log"; }
  EXPECT_TRUE(wal.Sync().ok());
}

// The SQLite driver answers `INSERT … VALUES (…) RETURNING id` from the
// rowid; the statements it must leave to SQLite still return their rows.
class RowidInsertTest : public ::testing::Test {
 protected:
  void SetUp() override {
    conn_ = Must(SqliteConnection::Open({dir_.File("r.db"), 5000, false}));
    ASSERT_TRUE(conn_
                    ->Exec("CREATE TABLE n (id INTEGER PRIMARY KEY, v TEXT UNIQUE);"
                           "CREATE TABLE t (id TEXT PRIMARY KEY, v TEXT)")
                    .ok());
  }
  // A statement that fails to prepare fails the test (gtest reports the throw).
  PreparedStatement Prepare(std::string_view sql) {
    auto stmt = conn_->Prepare(sql);
    if (!stmt.ok()) throw std::runtime_error("prepare failed: " + stmt.error().message);
    return std::move(stmt).value();
  }
  std::vector<std::string> Rows(std::string_view sql) {
    auto stmt = Prepare(sql);
    std::vector<std::string> rows;
    while (Must(stmt->Step())) rows.push_back(stmt->ColumnText(0));
    return rows;
  }

  TempDir dir_;
  std::unique_ptr<SqliteConnection> conn_;
};

TEST_F(RowidInsertTest, ASingleRowInsertReturnsTheNewIdOnce) {
  EXPECT_EQ(Rows("INSERT INTO n (v) VALUES ('a') RETURNING id"), std::vector<std::string>{"1"});
  EXPECT_EQ(Rows("INSERT INTO n (v) VALUES ('b') RETURNING id"), std::vector<std::string>{"2"});
  // The cached statement runs again with new bindings.
  auto stmt = Prepare("INSERT INTO n (v) VALUES (?) RETURNING id");
  stmt->BindText(1, "c(,')");
  ASSERT_TRUE(Must(stmt->Step()));
  EXPECT_FALSE(stmt->IsNull(0));
  EXPECT_EQ(stmt->ColumnInt(0), 3);
  EXPECT_FALSE(Must(stmt->Step()));
}

TEST_F(RowidInsertTest, AFailedInsertReportsItsErrorAndReturnsNoRow) {
  ASSERT_EQ(Rows("INSERT INTO n (v) VALUES ('a') RETURNING id").size(), 1u);
  auto stmt = Prepare("INSERT INTO n (v) VALUES ('a') RETURNING id");
  auto step = stmt->Step();
  ASSERT_FALSE(step.ok());
  EXPECT_EQ(step.error().code, ErrorCode::kConflict);
}

TEST_F(RowidInsertTest, OtherInsertsKeepTheirOwnReturningRows) {
  EXPECT_EQ(Rows("INSERT INTO n (v) VALUES ('a'), ('b') RETURNING id"),
            (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(Rows("INSERT INTO n (v) VALUES ('a') ON CONFLICT (v) DO UPDATE SET v = excluded.v "
                 "RETURNING id"),
            std::vector<std::string>{"1"});
  EXPECT_EQ(Rows("INSERT INTO n (v) VALUES ('x') ON CONFLICT (v) DO NOTHING RETURNING id"),
            std::vector<std::string>{"3"});
  EXPECT_TRUE(
      Rows("INSERT INTO n (v) VALUES ('x') ON CONFLICT (v) DO NOTHING RETURNING id").empty());
  EXPECT_EQ(Rows("INSERT INTO t (id, v) VALUES ('key', 'v') RETURNING id"),
            std::vector<std::string>{"key"});
}

}  // namespace
}  // namespace hd::storage::testing
