// Checkpointer: copies the WAL into the database file on its own thread and
// connection (passive checkpoints: they never wait for the writer or the
// readers), whenever the writer asks, beside the writer's commits.
//
// Passes are numbered from 1 in the order they start and finish in that
// order; Ask() tells the number of the pass that will cover the WAL as it is
// now, finished() how many are done, so the writer can wait for one without
// blocking. SQLite runs one checkpoint of a database at a time: every pass
// holds the lock TryHold() hands out, and the writer takes it for its own
// checkpoint (a WAL restart).
//
// Thread-safe. The destructor lets the pass running finish and joins the
// thread.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>

#include "storage/sqlite/sqlite_connection.hpp"

namespace hd::storage {

class Checkpointer {
 public:
  explicit Checkpointer(std::unique_ptr<SqliteConnection> conn);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

  // Asks for a pass; returns its number (the next one to start: asks made
  // before it starts share it).
  std::uint64_t Ask();
  // Passes finished so far. A failed pass counts: it leaves its frames in
  // the WAL for the next checkpoint.
  std::uint64_t finished() const;
  // The lock every checkpoint of the database holds; owned when no pass is
  // running.
  std::unique_lock<std::mutex> TryHold();

 private:
  void Loop();

  std::unique_ptr<SqliteConnection> conn_;
  std::mutex running_;  // held by each pass and by TryHold()'s owner
  mutable std::mutex mu_;
  std::condition_variable wake_;
  bool wanted_ = false;         // guarded by mu_
  bool stopping_ = false;       // guarded by mu_
  std::uint64_t started_ = 0;   // guarded by mu_
  std::uint64_t finished_ = 0;  // guarded by mu_
  std::thread thread_;          // started last
};

}  // namespace hd::storage
