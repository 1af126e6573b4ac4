// The event feed on both engines: what committed is delivered once, in id
// order, after commit; what rolled back never is. SQLite in process;
// PostgreSQL (with HD_TEST_POSTGRES_URL) across two stores on one database,
// as two instances would be, including an event whose transaction commits
// after one that took a later id.
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/ports/event_feed.hpp"
#include "storage/polling_event_feed.hpp"
#include "storage/postgres/pg_store.hpp"
#include "storage/postgres/pg_test_util.hpp"
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

PollingEventFeedOptions FastPolling() {
  PollingEventFeedOptions options;
  options.interval = milliseconds(5);
  return options;
}

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
    feed_ = std::make_unique<PollingEventFeed>(*store_, FastPolling());
  }
  ~SqliteFeedHarness() override { feed_.reset(); }
  core::ports::Store& store(int) override { return *store_; }
  core::ports::EventFeed& feed(int) override { return *feed_; }
  int instances() const override { return 1; }

 private:
  TempDir dir_;
  std::unique_ptr<SqliteStore> store_;
  std::unique_ptr<PollingEventFeed> feed_;
};

class PostgresFeedHarness final : public FeedHarness {
 public:
  PostgresFeedHarness() {
    for (int i = 0; i < 2; ++i) {
      PostgresOptions options;
      options.url = db_.url();
      options.pool_size = 4;
      stores_.push_back(Must(PostgresStore::Open(options)));
      feeds_.push_back(std::make_unique<PollingEventFeed>(*stores_.back(), FastPolling()));
    }
  }
  ~PostgresFeedHarness() override {
    feeds_.clear();
    stores_.clear();  // before the database is dropped
  }
  core::ports::Store& store(int i) override { return *stores_[static_cast<std::size_t>(i)]; }
  core::ports::EventFeed& feed(int i) override { return *feeds_[static_cast<std::size_t>(i)]; }
  int instances() const override { return 2; }
  std::string url() const { return db_.url(); }

 private:
  PostgresTestDatabase db_;
  std::vector<std::unique_ptr<PostgresStore>> stores_;
  std::vector<std::unique_ptr<PollingEventFeed>> feeds_;
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

// On PostgreSQL ids come from a sequence at insert time, so a transaction
// can commit after another that took a later id. The feed has already moved
// past the earlier id by then and must still deliver it.
TEST(PostgresEventFeed, DeliversAnEventWhoseTransactionCommitsAfterALaterOne) {
  if (PostgresTestUrl().empty()) GTEST_SKIP() << "HD_TEST_POSTGRES_URL is not set";
  PostgresFeedHarness harness;
  core::Ticket ticket;
  ASSERT_TRUE(harness.store(0)
                  .Write([&](Tx& tx) -> Status {
                    core::User u;
                    u.email = "bob@example.com";
                    u.name = "Bob";
                    HD_ASSIGN_OR_RETURN(u, tx.Users().Insert(u));
                    HD_ASSIGN_OR_RETURN(ticket, tx.Tickets().Insert(SampleTicket(u, "Late")));
                    return Ok();
                  })
                  .ok());
  auto append = [&](Tx& tx) -> Result<std::int64_t> {
    core::Event e;
    e.ticket_id = ticket.id;
    e.at = core::FromUnixMillis(1'767'300'000'000);
    HD_ASSIGN_OR_RETURN(e, tx.Events().Append(e));
    return e.id.value;
  };
  Collector seen;
  auto subscription = harness.feed(1).Subscribe(seen.Sink());
  std::int64_t early = 0;
  std::int64_t later = 0;
  Status slow = harness.store(0).Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(early, append(tx));
    // While this transaction is open, another takes a later id and commits.
    Status fast = harness.store(1).Write([&](Tx& other) -> Status {
      HD_ASSIGN_OR_RETURN(later, append(other));
      return Ok();
    });
    HD_RETURN_IF_ERROR(fast);
    EXPECT_EQ(seen.WaitFor(1), std::vector<std::int64_t>{later});
    return Ok();
  });
  ASSERT_TRUE(slow.ok()) << slow.error().message;
  ASSERT_LT(early, later);
  EXPECT_EQ(seen.WaitFor(2), (std::vector<std::int64_t>{later, early}));
  std::this_thread::sleep_for(milliseconds(100));
  EXPECT_EQ(seen.Now().size(), 2u);  // each once
}

}  // namespace
}  // namespace hd::storage::testing
