// The event feeds on both engines: what committed is delivered once, in id
// order, after commit; what rolled back never is. SQLite in process;
// PostgreSQL (with HD_TEST_POSTGRES_URL) across two stores on one database,
// as two instances would be, and across a lost LISTEN connection.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/ports/event_feed.hpp"
#include "storage/postgres/pg_connection.hpp"
#include "storage/postgres/pg_event_feed.hpp"
#include "storage/postgres/pg_store.hpp"
#include "storage/postgres/pg_test_util.hpp"
#include "storage/sqlite/sqlite_event_feed.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/store_contract.hpp"
#include "storage/temp_dir_test_util.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;
using std::chrono::milliseconds;

// Collects what a feed delivers and lets a test wait for it.
class Collector {
 public:
  core::ports::EventSink Sink() {
    return [this](const std::vector<core::Event>& batch) {
      std::lock_guard lock(mu_);
      for (const core::Event& e : batch) ids_.push_back(e.id.value);
      changed_.notify_all();
    };
  }
  // The ids delivered once at least `count` arrived or 10 s passed.
  std::vector<std::int64_t> WaitFor(std::size_t count) {
    std::unique_lock lock(mu_);
    changed_.wait_for(lock, std::chrono::seconds(10), [&] { return ids_.size() >= count; });
    return ids_;
  }
  std::vector<std::int64_t> Now() {
    std::lock_guard lock(mu_);
    return ids_;
  }

 private:
  std::mutex mu_;
  std::condition_variable changed_;
  std::vector<std::int64_t> ids_;
};

// One database seen by one or two "instances" (store + feed each).
class FeedHarness {
 public:
  virtual ~FeedHarness() = default;
  virtual core::ports::Store& store(int instance) = 0;
  virtual core::ports::EventFeed& feed(int instance) = 0;
  virtual int instances() const = 0;
};

class SqliteFeedHarness final : public FeedHarness {
 public:
  SqliteFeedHarness() {
    SqliteOptions options;
    options.path = dir_.File("feed.db");
    store_ = Must(SqliteStore::Open(options));
    feed_ = std::make_unique<SqliteEventFeed>(*store_, SqliteEventFeedOptions{milliseconds(5)});
  }
  ~SqliteFeedHarness() override { feed_.reset(); }
  core::ports::Store& store(int) override { return *store_; }
  core::ports::EventFeed& feed(int) override { return *feed_; }
  int instances() const override { return 1; }

 private:
  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<SqliteEventFeed> feed_;
};

class PostgresFeedHarness final : public FeedHarness {
 public:
  PostgresFeedHarness() {
    for (int i = 0; i < 2; ++i) {
      PostgresOptions options;
      options.url = db_.url();
      options.pool_size = 4;
      stores_.push_back(Must(PostgresStore::Open(options)));
      PostgresEventFeedOptions feed_options;
      feed_options.url = db_.url();
      feed_options.reconnect_min = milliseconds(20);
      feed_options.wait_slice = milliseconds(20);
      feeds_.push_back(std::make_unique<PostgresEventFeed>(*stores_.back(), feed_options));
    }
  }
  ~PostgresFeedHarness() override {
    feeds_.clear();
    stores_.clear();  // before the database is dropped
  }
  core::ports::Store& store(int i) override { return *stores_[static_cast<std::size_t>(i)]; }
  core::ports::EventFeed& feed(int i) override { return *feeds_[static_cast<std::size_t>(i)]; }
  PostgresEventFeed& pg_feed(int i) { return *feeds_[static_cast<std::size_t>(i)]; }
  int instances() const override { return 2; }
  std::string url() const { return db_.url(); }

  // Waits until every feed is LISTENing (they connect in the background).
  bool WaitListening(std::uint64_t connects = 1) {
    for (int tries = 0; tries < 500; ++tries) {
      bool all = true;
      for (auto& f : feeds_) all = all && f->stats().listening && f->stats().connects >= connects;
      if (all) return true;
      std::this_thread::sleep_for(milliseconds(10));
    }
    return false;
  }

 private:
  PostgresTestDatabase db_;
  std::vector<std::unique_ptr<PostgresStore>> stores_;
  std::vector<std::unique_ptr<PostgresEventFeed>> feeds_;
};

struct FeedBackend {
  std::string name;
  std::function<std::unique_ptr<FeedHarness>()> make;  // null when not configured
};

void PrintTo(const FeedBackend& backend, std::ostream* os) { *os << backend.name; }

std::string FeedName(const ::testing::TestParamInfo<FeedBackend>& param_info) {
  return param_info.param.name;
}

class EventFeedContract : public ::testing::TestWithParam<FeedBackend> {
 protected:
  void SetUp() override {
    harness_ = GetParam().make();
    if (!harness_) GTEST_SKIP() << GetParam().name << " is not configured";
    if (auto* pg = dynamic_cast<PostgresFeedHarness*>(harness_.get())) {
      ASSERT_TRUE(pg->WaitListening());
    }
    // A customer and a ticket for the events to belong to.
    Status s = harness_->store(0).Write([&](Tx& tx) -> Status {
      core::User u;
      u.email = "ann@example.com";
      u.name = "Ann";
      u.role = core::Role::kCustomer;
      HD_ASSIGN_OR_RETURN(u, tx.Users().Insert(u));
      HD_ASSIGN_OR_RETURN(ticket_, tx.Tickets().Insert(SampleTicket(u, "Printer")));
      return Ok();
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  void TearDown() override { harness_.reset(); }

  // Appends `count` events through `instance` in one transaction; `fail`
  // makes the transaction roll back after appending.
  std::vector<std::int64_t> Append(int instance, int count, bool fail = false) {
    std::vector<std::int64_t> ids;
    Status s = harness_->store(instance).Write([&](Tx& tx) -> Status {
      ids.clear();
      for (int i = 0; i < count; ++i) {
        core::Event e;
        e.ticket_id = ticket_.id;
        e.at = core::FromUnixMillis(1'767'300'000'000);
        e.kind = core::EventKind::kFieldChanged;
        e.field = "subject";
        HD_ASSIGN_OR_RETURN(e, tx.Events().Append(e));
        ids.push_back(e.id.value);
      }
      if (fail) return Error::Conflict("roll back");
      return Ok();
    });
    EXPECT_EQ(s.ok(), !fail);
    return ids;
  }

  std::unique_ptr<FeedHarness> harness_;
  core::Ticket ticket_;
};

TEST_P(EventFeedContract, DeliversCommittedEventsOnceInIdOrder) {
  Collector seen;
  auto subscription = harness_->feed(0).Subscribe(seen.Sink());
  std::vector<std::int64_t> expected = Append(0, 3);
  const auto more = Append(0, 2);
  expected.insert(expected.end(), more.begin(), more.end());
  EXPECT_EQ(seen.WaitFor(expected.size()), expected);
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(seen.Now(), expected);  // nothing twice
}

TEST_P(EventFeedContract, NeverDeliversRolledBackEvents) {
  Collector seen;
  auto subscription = harness_->feed(0).Subscribe(seen.Sink());
  Append(0, 2, /*fail=*/true);
  const auto kept = Append(0, 1);
  EXPECT_EQ(seen.WaitFor(1), kept);
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(seen.Now(), kept);
}

TEST_P(EventFeedContract, NewSubscriberIsNotSentEarlierEvents) {
  {
    Collector earlier;  // sees the first events through, then leaves
    auto subscription = harness_->feed(0).Subscribe(earlier.Sink());
    const auto before = Append(0, 2);
    EXPECT_EQ(earlier.WaitFor(before.size()), before);
  }
  Collector seen;
  auto subscription = harness_->feed(0).Subscribe(seen.Sink());
  const auto fresh = Append(0, 1);
  EXPECT_EQ(seen.WaitFor(1), fresh);
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(seen.Now(), fresh);
}

TEST_P(EventFeedContract, StopsCallingAnEndedSubscription) {
  Collector seen;
  auto subscription = harness_->feed(0).Subscribe(seen.Sink());
  const auto first = Append(0, 1);
  EXPECT_EQ(seen.WaitFor(1), first);
  subscription.reset();
  Append(0, 1);
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(seen.Now(), first);
}

TEST_P(EventFeedContract, EveryInstanceHearsEveryInstance) {
  std::vector<Collector> seen(static_cast<std::size_t>(harness_->instances()));
  std::vector<std::unique_ptr<core::ports::EventFeedSubscription>> subscriptions;
  for (int i = 0; i < harness_->instances(); ++i) {
    subscriptions.push_back(harness_->feed(i).Subscribe(seen[static_cast<std::size_t>(i)].Sink()));
  }
  std::vector<std::int64_t> expected;
  for (int i = 0; i < harness_->instances(); ++i) {
    const auto ids = Append(i, 2);
    expected.insert(expected.end(), ids.begin(), ids.end());
  }
  for (auto& collector : seen) EXPECT_EQ(collector.WaitFor(expected.size()), expected);
}

std::unique_ptr<FeedHarness> MakeSqlite() { return std::make_unique<SqliteFeedHarness>(); }

std::unique_ptr<FeedHarness> MakePostgres() {
  if (PostgresTestUrl().empty()) return nullptr;
  return std::make_unique<PostgresFeedHarness>();
}

INSTANTIATE_TEST_SUITE_P(Feeds, EventFeedContract,
                         ::testing::Values(FeedBackend{"Sqlite", MakeSqlite},
                                           FeedBackend{"Postgres", MakePostgres}),
                         FeedName);

// Regression guard for restarts and failovers: the LISTEN connection is cut
// (as a database restart does) while events commit; the feed reconnects and
// still delivers them.
TEST(PostgresEventFeed, CatchesUpAfterItsListenConnectionIsCut) {
  if (PostgresTestUrl().empty()) GTEST_SKIP() << "HD_TEST_POSTGRES_URL is not set";
  PostgresFeedHarness harness;
  ASSERT_TRUE(harness.WaitListening());
  Collector seen;
  auto subscription = harness.feed(1).Subscribe(seen.Sink());
  auto admin = Must(PostgresConnection::Open({harness.url()}));
  std::vector<std::int64_t> ids;
  Status s = harness.store(0).Write([&](Tx& tx) -> Status {
    core::User u;
    u.email = "bob@example.com";
    u.name = "Bob";
    HD_ASSIGN_OR_RETURN(u, tx.Users().Insert(u));
    HD_ASSIGN_OR_RETURN(auto ticket, tx.Tickets().Insert(SampleTicket(u, "Cut")));
    EXPECT_TRUE(admin
                    ->Exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE application_name = 'helpdesk-listen'")
                    .ok());
    core::Event e;
    e.ticket_id = ticket.id;
    e.at = core::FromUnixMillis(1'767'300'000'000);
    HD_ASSIGN_OR_RETURN(e, tx.Events().Append(e));
    ids.push_back(e.id.value);
    return Ok();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_EQ(seen.WaitFor(1), ids);
  EXPECT_TRUE(harness.WaitListening(2));
}

}  // namespace
}  // namespace hd::storage::testing
