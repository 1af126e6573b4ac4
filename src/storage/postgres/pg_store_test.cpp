// The storage contract on PostgreSQL, and what only PostgreSQL has: error
// translation by SQLSTATE, migrations under an advisory lock, retries of
// racing writes, recovery after lost connections. Needs HD_TEST_POSTGRES_URL
// (scripts/pg-cluster start prints one); skips without it.
#include "storage/postgres/pg_store.hpp"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <future>
#include <thread>
#include <vector>

#include "storage/migrations.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/pg_test_util.hpp"
#include "storage/store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;

class PostgresHarness final : public StoreHarness {
 public:
  PostgresHarness() { Reopen(); }
  ~PostgresHarness() override { store_.reset(); }  // before the database is dropped
  core::ports::Store& store() override { return *store_; }
  void Reopen() override {
    store_.reset();
    PostgresOptions options;
    options.url = db_.url();
    options.pool_size = 4;
    auto opened = PostgresStore::Open(options);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    store_ = std::move(opened).value();
  }

 private:
  PostgresTestDatabase db_;
  std::unique_ptr<PostgresStore> store_;
};

StoreBackend PostgresBackend() {
  return {"Postgres", []() -> std::unique_ptr<StoreHarness> {
            if (PostgresTestUrl().empty()) return nullptr;
            return std::make_unique<PostgresHarness>();
          }};
}

HD_INSTANTIATE_STORE_CONTRACT(Postgres, PostgresBackend());

// Skips the calling test when no server is configured.
#define HD_REQUIRE_POSTGRES() \
  if (PostgresTestUrl().empty()) GTEST_SKIP() << "HD_TEST_POSTGRES_URL is not set"

Result<std::int64_t> ScalarOf(Connection& conn, std::string_view sql) {
  HD_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(sql));
  HD_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) return Error::NotFound("no row");
  return stmt->ColumnInt(0);
}

template <class T>
Status StatusOf(Result<T> r) {
  if (!r.ok()) return std::move(r).error();
  return Ok();
}

// Prepares a statement the test cannot go on without.
PreparedStatement MustPrepare(Connection& conn, std::string_view sql) {
  auto r = conn.Prepare(sql);
  if (!r.ok()) {
    ADD_FAILURE() << r.error().message;
    std::abort();
  }
  return std::move(r).value();
}

std::unique_ptr<PostgresConnection> Connect(const std::string& url) {
  return Must(PostgresConnection::Open({url}));
}

// Ends every other session on the test database, as a server restart or a
// failover does.
void TerminateSessions(const PostgresTestDatabase& db) {
  auto admin = Connect(PostgresTestUrl());
  ASSERT_TRUE(admin
                  ->Exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                         "WHERE datname = '" +
                         db.name() + "' AND pid <> pg_backend_pid()")
                  .ok());
}

TEST(PostgresErrors, TranslatesSqlStates) {
  EXPECT_EQ(TranslatePostgresError("23505", "dup").code, ErrorCode::kConflict);
  EXPECT_EQ(TranslatePostgresError("23505", "dup").reason, "duplicate");
  for (const char* transient : {"08006", "08001", "57P01", "57P03", "53300", "40001", "40P01"}) {
    EXPECT_EQ(TranslatePostgresError(transient, "x").code, ErrorCode::kUnavailable) << transient;
  }
  EXPECT_EQ(TranslatePostgresError("42601", "syntax").code, ErrorCode::kInternal);
  EXPECT_EQ(TranslatePostgresError("23503", "foreign key").code, ErrorCode::kInternal);
  EXPECT_TRUE(IsRetryableSqlState("40001"));
  EXPECT_FALSE(IsRetryableSqlState("23505"));
}

TEST(PostgresDialect, RewritesPlaceholdersAndNamesSkipLocked) {
  EXPECT_EQ(RewritePlaceholders("SELECT ? WHERE a = '?' AND b = ?", Dialect::kPostgres),
            "SELECT $1 WHERE a = '?' AND b = $2");
  EXPECT_EQ(SkipLockedSql(Dialect::kPostgres), " FOR UPDATE SKIP LOCKED");
  EXPECT_EQ(SkipLockedSql(Dialect::kSqlite), "");
  EXPECT_EQ(NextIdSql(Dialect::kPostgres, "tickets"),
            "SELECT nextval(pg_get_serial_sequence('tickets', 'id'))");
  EXPECT_EQ(NextIdSql(Dialect::kSqlite, "tickets"), "SELECT COALESCE(MAX(id), 0) + 1 FROM tickets");
}

TEST(PostgresConnection, UnreachableServerIsUnavailable) {
  auto conn = PostgresConnection::Open({"postgresql://nobody@127.0.0.1:1/none", 2});
  ASSERT_FALSE(conn.ok());
  EXPECT_EQ(conn.error().code, ErrorCode::kUnavailable);
}

TEST(PostgresConnection, BindsAndReadsEveryType) {
  HD_REQUIRE_POSTGRES();
  PostgresTestDatabase db;
  auto conn = Connect(db.url());
  ASSERT_TRUE(conn->Exec("CREATE TABLE t (i BIGINT, d DOUBLE PRECISION, s TEXT, b BYTEA)").ok());
  const std::string bytes("\0\x01\xffz", 4);
  {
    auto insert = MustPrepare(*conn, "INSERT INTO t VALUES (?, ?, ?, ?)");
    insert->BindInt(1, -9'007'199'254'740'993);
    insert->BindDouble(2, 2.5);
    insert->BindText(3, "it's ?");
    insert->BindBlob(4, bytes);
    EXPECT_FALSE(Must(insert->Step()));
    EXPECT_EQ(insert->ChangedRows(), 1);
  }
  auto select = MustPrepare(*conn, "SELECT i, d, s, b, NULL FROM t WHERE s = ?");
  select->BindText(1, "it's ?");
  ASSERT_TRUE(Must(select->Step()));
  EXPECT_EQ(select->ColumnInt(0), -9'007'199'254'740'993);
  EXPECT_DOUBLE_EQ(select->ColumnDouble(1), 2.5);
  EXPECT_EQ(select->ColumnText(2), "it's ?");
  EXPECT_EQ(select->ColumnBlob(3), bytes);
  EXPECT_TRUE(select->IsNull(4));
  EXPECT_FALSE(Must(select->Step()));
}

TEST(PostgresConnection, SyntaxErrorIsInternalAndUniqueViolationConflict) {
  HD_REQUIRE_POSTGRES();
  PostgresTestDatabase db;
  auto conn = Connect(db.url());
  auto bad = conn->Prepare("SELEC 1");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kInternal);
  ASSERT_TRUE(conn->Exec("CREATE TABLE u (k TEXT PRIMARY KEY)").ok());
  ASSERT_TRUE(conn->Exec("INSERT INTO u VALUES ('a')").ok());
  conn->ClearFailure();
  auto dup = conn->Exec("INSERT INTO u VALUES ('a')");
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  EXPECT_EQ(conn->first_failure(), "23505");
}

TEST(PostgresMigrations, ConcurrentStartsApplyEachMigrationOnce) {
  HD_REQUIRE_POSTGRES();
  PostgresTestDatabase db;
  const auto embedded = EmbeddedMigrations(Dialect::kPostgres);
  ASSERT_FALSE(embedded.empty());
  std::vector<std::future<Result<int>>> starts;
  for (int i = 0; i < 6; ++i) {
    starts.push_back(std::async(std::launch::async, [&] {
      auto conn = Connect(db.url());
      return ApplyMigrations(*conn);
    }));
  }
  int applied = 0;
  for (auto& s : starts) applied += Must(s.get());
  EXPECT_EQ(applied, static_cast<int>(embedded.size()));
  auto conn = Connect(db.url());
  EXPECT_EQ(Must(ScalarOf(*conn, "SELECT COUNT(*) FROM schema_migrations")),
            static_cast<std::int64_t>(embedded.size()));
}

TEST(PostgresStoreRecovery, IdleConnectionsLostToTheServerAreReplaced) {
  HD_REQUIRE_POSTGRES();
  PostgresTestDatabase db;
  auto store = Must(PostgresStore::Open({db.url(), 2}));
  ASSERT_TRUE(store->Ping().ok());
  TerminateSessions(db);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // let the notices arrive
  EXPECT_TRUE(store->Ping().ok());
  auto count = store->Read([](Tx& tx) -> Status { return StatusOf(tx.Users().Count()); });
  EXPECT_TRUE(count.ok()) << count.error().message;
}

TEST(PostgresStoreRecovery, ConnectionLostMidTransactionIsUnavailableThenHeals) {
  HD_REQUIRE_POSTGRES();
  PostgresTestDatabase db;
  auto store = Must(PostgresStore::Open({db.url(), 2}));
  Status lost = store->Write([&](Tx& tx) -> Status {
    TerminateSessions(db);
    return StatusOf(tx.Users().Count());
  });
  ASSERT_FALSE(lost.ok());
  EXPECT_EQ(lost.error().code, ErrorCode::kUnavailable);
  Status next = store->Write([](Tx& tx) -> Status { return StatusOf(tx.Users().Count()); });
  EXPECT_TRUE(next.ok()) << next.error().message;
  EXPECT_EQ(store->pool_stats().in_use, 0u);
}

// Two writers insert the same unique name; the second blocks on the first's
// uncommitted row, fails with a unique violation once it commits, and is run
// again: it then finds the winner's row, as a retried idempotent request must.
TEST(PostgresStoreRetry, WriterLosingAUniqueRaceRunsAgainAndSeesTheWinner) {
  HD_REQUIRE_POSTGRES();
  PostgresTestDatabase db;
  auto store = Must(PostgresStore::Open({db.url(), 4}));
  auto find_or_add = [&](Tx& tx, core::CompanyId& out) -> Status {
    HD_ASSIGN_OR_RETURN(auto found, tx.Companies().FindByName("Acme"));
    if (found) {
      out = found->id;
      return Ok();
    }
    HD_ASSIGN_OR_RETURN(auto added, tx.Companies().Insert({{}, "Acme", false, {}}));
    out = added.id;
    return Ok();
  };
  std::promise<void> inserted;
  core::CompanyId winner{}, loser{};
  std::atomic<int> loser_runs{0};
  auto first = std::async(std::launch::async, [&] {
    return store->Write([&](Tx& tx) -> Status {
      HD_RETURN_IF_ERROR(find_or_add(tx, winner));
      inserted.set_value();
      // Commit only once the other writer waits on this row's lock.
      auto watcher = Connect(PostgresTestUrl());
      const std::string waiting = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '" +
                                  db.name() + "' AND wait_event_type = 'Lock'";
      while (Must(ScalarOf(*watcher, waiting)) == 0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      return Ok();
    });
  });
  inserted.get_future().wait();
  Status second = store->Write([&](Tx& tx) -> Status {
    ++loser_runs;
    return find_or_add(tx, loser);
  });
  ASSERT_TRUE(first.get().ok());
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(loser, winner);
  EXPECT_EQ(loser_runs.load(), 2);
}

// A function that swallows a failed statement cannot commit on PostgreSQL
// (the transaction is aborted): the write reports the failure, stores nothing.
TEST(PostgresStoreRetry, SwallowedStatementFailureFailsTheWrite) {
  HD_REQUIRE_POSTGRES();
  PostgresTestDatabase db;
  auto store = Must(PostgresStore::Open({db.url(), 2}));
  ASSERT_TRUE(
      store->Write([](Tx& tx) {
             return StatusOf(tx.Companies().Insert({{}, "A", false, {}}));
           })
          .ok());
  Status s = store->Write([](Tx& tx) -> Status {
    (void)tx.Companies().Insert({{}, "B", false, {}});
    (void)tx.Companies().Insert({{}, "A", false, {}});  // duplicate, ignored
    return Ok();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  std::size_t companies = 0;
  ASSERT_TRUE(store
                  ->Read([&](Tx& tx) -> Status {
                    HD_ASSIGN_OR_RETURN(auto all, tx.Companies().List());
                    companies = all.size();
                    return Ok();
                  })
                  .ok());
  EXPECT_EQ(companies, 1u);
}

}  // namespace
}  // namespace hd::storage::testing
