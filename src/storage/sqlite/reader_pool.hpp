// ReaderPool: a fixed set of read-only SQLite connections. Run() borrows one
// (waiting while all are in use), runs the function inside BEGIN … COMMIT so
// it sees one consistent snapshot of committed data (WAL readers never block
// the writer), and gives the connection back. When the pool is given the
// writer's CommitHorizon, a snapshot is used only once every commit it may
// hold is durable, so nothing is read that a power cut could take back.
//
// Thread-safe; Run() executes on the calling thread. The destructor waits
// for the calls in progress; no call may start once it has begun.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "core/ports/store.hpp"
#include "storage/repos/sql_tx.hpp"
#include "storage/sqlite/commit_horizon.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace hd::storage {

class ReaderPool {
 public:
  // Opens `size` (at least 1) read-only connections. kUnavailable when the
  // database cannot be opened. `horizon` may be null (no writer to wait for).
  static Result<std::unique_ptr<ReaderPool>> Open(const SqliteConnectionOptions& options,
                                                  std::size_t size,
                                                  const CommitHorizon* horizon = nullptr);

  // Waits for every Run() in progress to give its connection back.
  ~ReaderPool();
  ReaderPool(const ReaderPool&) = delete;
  ReaderPool& operator=(const ReaderPool&) = delete;

  // Runs `fn` in a read transaction. A function that throws gives kInternal;
  // a failed horizon gives its kUnavailable.
  Status Run(const core::ports::TxFn& fn);

  // Runs `fn` on a borrowed connection outside any transaction.
  Status WithConnection(const std::function<Status(Connection&)>& fn);

 private:
  struct Slot {
    std::unique_ptr<SqliteConnection> conn;
    std::unique_ptr<SqlTx> tx;
  };
  class Lease;

  ReaderPool() = default;
  Slot* Acquire();
  void Release(Slot* slot);

  // Opens the read transaction and takes its snapshot, then waits for the
  // horizon to cover it.
  Status BeginSnapshot(SqliteConnection& conn);

  const CommitHorizon* horizon_ = nullptr;
  std::vector<std::unique_ptr<Slot>> slots_;
  std::mutex mu_;
  std::condition_variable freed_;
  std::vector<Slot*> free_;  // guarded by mu_
};

}  // namespace hd::storage
