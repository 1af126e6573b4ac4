// GroupCommitter: the single writer of an SQLite database.
//
// Submit() queues a write function and blocks until it is answered. One
// thread takes every queued request (up to max_batch), opens one
// BEGIN IMMEDIATE transaction, runs each function inside its own SAVEPOINT
// (rolled back alone when the function fails or throws), commits once, and
// then answers every caller. With synchronous=FULL that one commit makes the
// whole batch durable, so N concurrent writers cost one fsync, not N.
//
// Answers: the function's own error when it fails (kInternal when it throws),
// kUnavailable for every request of a batch whose BEGIN or COMMIT fails or
// that SQLite rolls back as a whole (disk full, I/O error); nothing of such a
// batch is stored.
//
// Thread behaviour: Submit() is thread-safe and blocking; it must not be
// called from a write function (that would wait for itself: kInternal).
// The destructor stops accepting, answers every accepted request (committing
// it), and joins the thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/ports/store.hpp"
#include "storage/repos/sql_tx.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace hd::storage {

// Counters since start, for metrics and benchmarks.
struct WriteStats {
  std::uint64_t requests = 0;  // answered Write() calls
  std::uint64_t commits = 0;   // transactions (batches) attempted
  std::uint64_t waiting = 0;   // Write() calls queued or running right now
};

class GroupCommitter {
 public:
  // Takes the writer connection; max_batch >= 1 requests per transaction.
  GroupCommitter(std::unique_ptr<SqliteConnection> conn, std::size_t max_batch);
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  Status Submit(const core::ports::TxFn& fn);

  WriteStats stats() const;

 private:
  struct Request {
    const core::ports::TxFn* fn;
    Status result;
    bool done = false;
    std::condition_variable answered;
  };

  Status Control(std::string_view sql);
  void Loop();
  void RunBatch(const std::vector<Request*>& batch);
  // Runs one request inside a savepoint. Returns false when the savepoint
  // could not be released or rolled back, which leaves the batch unusable.
  bool RunInSavepoint(Request& request);
  void FailBatch(const std::vector<Request*>& batch, const Error& cause);

  std::unique_ptr<SqliteConnection> conn_;
  SqlTx tx_;
  const std::size_t max_batch_;

  mutable std::mutex mu_;
  std::condition_variable wake_;  // the writer waits here for requests
  std::deque<Request*> queue_;    // guarded by mu_
  bool stopping_ = false;         // guarded by mu_
  WriteStats stats_;              // guarded by mu_
  int callers_ = 0;               // threads inside Submit(); guarded by mu_
  std::condition_variable left_;  // the destructor waits here for callers_ == 0
  std::thread thread_;            // started last, joined by the destructor
};

}  // namespace hd::storage
