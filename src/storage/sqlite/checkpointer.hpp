// Checkpointer: copies committed WAL frames into the database file on its own
// thread and connection, so that a commit never waits for a checkpoint (and
// its fsync of the database file). The writer connection runs with
// wal_autocheckpoint=0; without this thread the WAL would grow without bound.
//
// Checkpoints are PASSIVE: they never block the writer or readers, and a
// round that cannot finish is simply retried at the next interval. Owned by
// SqliteStore; the destructor stops the thread after a last checkpoint.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "storage/sqlite/sqlite_connection.hpp"

namespace hd::storage {

class Checkpointer {
 public:
  Checkpointer(std::unique_ptr<SqliteConnection> conn, std::chrono::milliseconds interval);
  ~Checkpointer();
  Checkpointer(const Checkpointer&) = delete;
  Checkpointer& operator=(const Checkpointer&) = delete;

 private:
  void Loop();

  std::unique_ptr<SqliteConnection> conn_;
  std::chrono::milliseconds interval_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hd::storage
