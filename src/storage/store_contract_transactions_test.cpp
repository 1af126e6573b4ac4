// Contract: transactions of the Store: isolation of each write function in a
// group commit, durability across reopen, read snapshots.
#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

#include "store_contract.hpp"

namespace hd::storage::testing {
namespace {

using core::ports::Tx;

core::User NewUser(const std::string& email) {
  core::User u;
  u.email = email;
  u.name = email;
  u.password_hash = "h";
  return u;
}

std::string Email(int thread, int i) {
  return "t" + std::to_string(thread) + "-" + std::to_string(i) + "@example.com";
}

TEST_P(StoreTransactionContract, PingAnswers) { EXPECT_TRUE(store().Ping().ok()); }

TEST_P(StoreTransactionContract, FailingFunctionLeavesNothingBehind) {
  Status s = store().Write([](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(tx.Users().Insert(NewUser("ann@example.com")));
    return Error::InvalidArgument("changed my mind");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(CountUsers(), 0);
}

TEST_P(StoreTransactionContract, ThrowingFunctionIsInternalAndWritesNothing) {
  Status s = store().Write([](Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(tx.Users().Insert(NewUser("ann@example.com")));
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kInternal);
  EXPECT_EQ(CountUsers(), 0);
  AddUser("bob@example.com");  // the writer carries on
  EXPECT_EQ(CountUsers(), 1);
}

// 64 writers at once: every acknowledged write is there after a reopen.
TEST_P(StoreTransactionContract, ConcurrentWritesAreAllDurable) {
  constexpr int kThreads = 64;
  constexpr int kWrites = 200;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWrites; ++i) {
        Status s = store().Write([&](Tx& tx) -> Status {
          HD_RETURN_IF_ERROR(tx.Users().Insert(NewUser(Email(t, i))));
          return Ok();
        });
        if (!s.ok()) failures.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  Reopen();
  EXPECT_EQ(CountUsers(), kThreads * kWrites);
  auto last = Must(ReadValue<std::optional<core::User>>(
      [](Tx& tx) { return tx.Users().FindByEmail(Email(kThreads - 1, kWrites - 1)); }));
  EXPECT_TRUE(last.has_value());
}

// While one write function holds the writer, the others queue up and are
// committed together; the failing and the throwing ones among them change
// nothing and disturb nobody.
TEST_P(StoreTransactionContract, FailingRequestsInABatchLeaveTheOthersCommitted) {
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<void> holding;
  std::thread blocker([&] {
    Status s = store().Write([&](Tx& tx) -> Status {
      holding.set_value();
      released.wait();
      HD_RETURN_IF_ERROR(tx.Users().Insert(NewUser("first@example.com")));
      return Ok();
    });
    EXPECT_TRUE(s.ok());
  });
  holding.get_future().wait();
  constexpr int kRequests = 30;
  std::vector<std::future<Status>> results;
  for (int i = 0; i < kRequests; ++i) {
    results.push_back(std::async(std::launch::async, [&, i] {
      return store().Write([&, i](Tx& tx) -> Status {
        HD_RETURN_IF_ERROR(tx.Users().Insert(NewUser(Email(0, i))));
        if (i % 3 == 1) return Error::Conflict("refused");
        if (i % 3 == 2) throw std::logic_error("thrown");
        return Ok();
      });
    }));
  }
  // Give the requests time to queue behind the blocker; the outcome below
  // holds however they are batched.
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  release.set_value();
  blocker.join();
  for (int i = 0; i < kRequests; ++i) {
    Status s = results[static_cast<std::size_t>(i)].get();
    if (i % 3 == 0) {
      EXPECT_TRUE(s.ok()) << i;
    } else {
      ASSERT_FALSE(s.ok()) << i;
      EXPECT_EQ(s.error().code, i % 3 == 1 ? ErrorCode::kConflict : ErrorCode::kInternal);
    }
  }
  Reopen();
  EXPECT_EQ(CountUsers(), 1 + kRequests / 3);
  for (int i = 0; i < kRequests; ++i) {
    auto found = Must(ReadValue<std::optional<core::User>>(
        [&](Tx& tx) { return tx.Users().FindByEmail(Email(0, i)); }));
    EXPECT_EQ(found.has_value(), i % 3 == 0) << i;
  }
}

TEST_P(StoreTransactionContract, ReadSeesCommittedDataOnly) {
  std::promise<void> inserted;
  std::promise<void> checked;
  std::thread writer([&] {
    Status s = store().Write([&](Tx& tx) -> Status {
      HD_RETURN_IF_ERROR(tx.Users().Insert(NewUser("ann@example.com")));
      inserted.set_value();
      checked.get_future().wait();
      return Ok();
    });
    EXPECT_TRUE(s.ok());
  });
  inserted.get_future().wait();
  EXPECT_EQ(CountUsers(), 0);  // inserted but not committed
  checked.set_value();
  writer.join();
  EXPECT_EQ(CountUsers(), 1);
}

TEST_P(StoreTransactionContract, ReadIsOneSnapshot) {
  AddUser("ann@example.com");
  std::promise<void> counted;
  std::promise<void> written;
  std::int64_t before = -1, after = -1;
  std::thread reader([&] {
    Status s = store().Read([&](Tx& tx) -> Status {
      HD_ASSIGN_OR_RETURN(before, tx.Users().Count());
      counted.set_value();
      written.get_future().wait();
      HD_ASSIGN_OR_RETURN(after, tx.Users().Count());
      return Ok();
    });
    EXPECT_TRUE(s.ok());
  });
  counted.get_future().wait();
  AddUser("bob@example.com");
  written.set_value();
  reader.join();
  EXPECT_EQ(before, 1);
  EXPECT_EQ(after, 1);
  EXPECT_EQ(CountUsers(), 2);
}

}  // namespace
}  // namespace hd::storage::testing
