// SqliteStore: ports::Store on an embedded SQLite database file.
//
// Writes go to one writer connection through group commit (GroupCommitter):
// every acknowledged Write() is durable (its WAL frames synced before the
// answer), concurrent writers share each fsync, and the next batch runs
// while the last one syncs. Reads run on the calling thread on a pool of
// read-only connections, each inside one snapshot transaction that shows
// only durable writes.
// Migrations are applied at Open().
//
// Thread behaviour: Read, Write and Ping are thread-safe and blocking (see
// ports::Store). The destructor answers every accepted write (committing and
// syncing it), folds the WAL into the database file and waits for the calls
// in progress before it closes the database; calls
// must not start once destruction has begun.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/error.hpp"
#include "core/ports/store.hpp"

namespace hd::storage {

class CommitHorizon;
class GroupCommitter;
class ReaderPool;

// Write counters since Open(), for metrics and benchmarks.
struct SqliteWriteStats {
  std::uint64_t requests = 0;      // Write() calls answered
  std::uint64_t commits = 0;       // transactions they took (requests / commits = batch size)
  std::uint64_t syncs = 0;         // WAL fdatasyncs (each covers one or more commits)
  std::uint64_t wal_restarts = 0;  // times the writer folded the WAL in and started it anew
  std::uint64_t checkpoints = 0;   // background checkpoints (WAL copied into the database)
  std::uint64_t waiting = 0;       // Write() calls queued or running right now
};

struct SqliteOptions {
  std::string path;  // the database file; created with its folder's permissions when missing
  // Read-only connections for Read(); at most this many reads run at once.
  // Default 8.
  std::size_t reader_pool_size = 8;
  // How long a statement waits for a lock held by another process before the
  // call fails with kUnavailable, in milliseconds. Default 5000.
  int busy_timeout_ms = 5000;
  // At most this many Write() requests share one transaction. Default 512.
  std::size_t max_batch_size = 512;
  // WAL pages after which the writer folds the WAL into the database file
  // and starts it anew; a background checkpoint copies it every quarter of
  // that. Default 16384 (64 MiB of 4 KiB pages).
  int wal_restart_frames = 16384;
};

class SqliteStore final : public core::ports::Store {
 public:
  // Opens (creating when missing) the database, applies pending migrations
  // and starts the writer. kUnavailable when the file cannot be opened or is
  // locked; kInternal when a migration fails.
  static Result<std::unique_ptr<SqliteStore>> Open(const SqliteOptions& options);

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  Status Read(const core::ports::TxFn& fn) override;
  Status Write(const core::ports::TxFn& fn) override;
  Status Ping() override;

  // Thread-safe snapshot of the writer's counters.
  SqliteWriteStats write_stats() const;

 private:
  SqliteStore(std::unique_ptr<CommitHorizon> horizon, std::unique_ptr<ReaderPool> readers,
              std::unique_ptr<GroupCommitter> writer);

  std::unique_ptr<CommitHorizon> horizon_;  // outlives the readers and the writer
  std::unique_ptr<ReaderPool> readers_;
  std::unique_ptr<GroupCommitter> writer_;
};

}  // namespace hd::storage
