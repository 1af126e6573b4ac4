// GroupCommitter: the single writer of an SQLite database.
//
// Submit() queues a write function and blocks until it is answered. One
// thread takes every queued request (up to max_batch), opens one
// BEGIN IMMEDIATE transaction, runs each function inside its own SAVEPOINT
// (rolled back alone when the function fails or throws), commits once, and
// hands the batch to a second thread, the WAL syncer, which makes it durable
// with one fdatasync and only then answers its callers. N concurrent writers
// cost one fsync, not N, and the writer runs the next batch while the disk
// syncs the last one (the writer connection runs with synchronous=NORMAL;
// durability comes from the syncer, see WalFile). While the syncer is still
// busy, the writer keeps its transaction open and takes requests that arrive
// meanwhile into it: they would wait for that sync anyway, and one commit
// writes each changed page to the WAL once instead of once per request.
// Readers wait for the CommitHorizon, so no one sees a write before it is
// durable.
//
// Checkpoints: given a second connection, a third thread (hd-ckpt) copies
// the WAL into the database as it grows (passive checkpoints, beside the
// writer's commits). Once the WAL holds wal_restart_frames pages, the writer
// folds what is left into the database between two batches and the next
// commit writes the WAL from its start again (see MaybeRestartWal); the
// background copies leave that pause short. At destruction the WAL is folded
// in and emptied, so the database file alone holds every write.
//
// Answers: the function's own error when it fails (kInternal when it throws),
// kUnavailable for every request of a batch whose BEGIN or COMMIT fails or
// that SQLite rolls back as a whole (disk full, I/O error); nothing of such a
// batch is stored. When the fdatasync fails, the disk may have dropped the
// batch: its callers get kUnavailable, the horizon fails, and every later
// write is refused until the store is reopened (SQLite's recovery then
// restores the last durable state).
//
// Thread behaviour: Submit() is thread-safe and blocking; it must not be
// called from a write function (that would wait for itself: kInternal).
// The destructor stops accepting, answers every accepted request (committing
// and syncing it), and joins both threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/ports/store.hpp"
#include "storage/repos/sql_tx.hpp"
#include "storage/sqlite/checkpointer.hpp"
#include "storage/sqlite/commit_horizon.hpp"
#include "storage/sqlite/sqlite_connection.hpp"

namespace hd::storage {

// Counters since start, for metrics and benchmarks.
struct WriteStats {
  std::uint64_t requests = 0;      // answered Write() calls
  std::uint64_t commits = 0;       // transactions (batches) attempted
  std::uint64_t syncs = 0;         // fdatasync calls of the WAL (each covers one or more commits)
  std::uint64_t wal_restarts = 0;  // times the WAL was checkpointed whole to be written anew
  std::uint64_t checkpoints = 0;   // background (passive) checkpoints run
  std::uint64_t waiting = 0;       // Write() calls queued or running right now
};

class GroupCommitter {
 public:
  // Makes the commits so far durable; the default syncs the connection's WAL
  // file. Tests put a slow or failing disk in its place.
  using SyncFn = std::function<Status()>;

  // WAL frames (pages) after which the writer checkpoints the whole WAL
  // between two batches so it is written from its start again: 64 MiB of
  // 4 KiB pages.
  static constexpr int kWalRestartFrames = 16384;

  // Takes the writer connection (switching it to synchronous=NORMAL, its
  // automatic checkpoints off); max_batch >= 1 requests per transaction.
  // Readers of the same database wait on `horizon`. `checkpointer`, another
  // connection to the same database, runs the background checkpoints every
  // quarter of wal_restart_frames; without it the writer copies the whole WAL
  // at each restart.
  GroupCommitter(std::unique_ptr<SqliteConnection> conn, std::size_t max_batch,
                 CommitHorizon& horizon, SyncFn sync = nullptr,
                 int wal_restart_frames = kWalRestartFrames,
                 std::unique_ptr<SqliteConnection> checkpointer = nullptr);
  ~GroupCommitter();
  GroupCommitter(const GroupCommitter&) = delete;
  GroupCommitter& operator=(const GroupCommitter&) = delete;

  Status Submit(const core::ports::TxFn& fn);

  WriteStats stats() const;

 private:
  struct Request {
    const core::ports::TxFn* fn;
    Status result = Ok();
    std::mutex mu;  // guards done; the caller waits on `answered` with it
    bool done = false;
    std::condition_variable answered;
  };

  // A batch on its way from the writer to the syncer.
  struct Committed {
    std::vector<Request*> requests;
    std::uint64_t commit = 0;  // its CommitHorizon number; 0 when COMMIT never ran
    bool stored = false;       // COMMIT succeeded: the WAL holds it
  };

  void Loop();
  void SyncLoop();
  // Runs a batch up to its COMMIT; tells what the syncer must do with it.
  Committed RunBatch(std::vector<Request*> batch);
  // Runs requests in savepoints of the open transaction, appending them to
  // `batch`; false when the transaction was lost (the batch then failed).
  bool RunInTransaction(std::vector<Request*>& batch, std::size_t from);
  // While the syncer is busy, waits for new requests and takes them (up to
  // max_batch in all); returns those taken, none once the syncer is idle.
  std::vector<Request*> TakeWhileSyncing(std::size_t room);
  // Between batches: asks for a background checkpoint every quarter of
  // wal_restart_frames_; once the WAL has grown past wal_restart_frames_,
  // folds the rest into the database and waits briefly for its readers, so
  // the next commit writes it from the start again. A checkpoint beside a
  // steady stream of commits never catches up with them, and a WAL that only
  // grows costs disk and a metadata journal commit on every fdatasync.
  void MaybeRestartWal();
  // Asks the checkpointer for a pass over the WAL's `frames`; returns the
  // number of that pass.
  std::uint64_t AskForCheckpoint(int frames);
  // Runs one request inside a savepoint. Returns false when the savepoint
  // could not be released or rolled back, which leaves the batch unusable.
  bool RunInSavepoint(Request& request);
  void FailBatch(const std::vector<Request*>& batch, const Error& cause);

  std::unique_ptr<SqliteConnection> conn_;
  SqlTx tx_;
  const std::size_t max_batch_;
  CommitHorizon& horizon_;
  SyncFn sync_;
  const int wal_restart_frames_;
  int restart_at_frames_;     // writer thread only
  int checkpoint_asked_ = 0;  // writer thread only: WAL frames at the last request
  // Writer thread only: the background checkpoint a pending restart waits
  // for (its number among those started), 0 when none is pending.
  std::uint64_t restart_after_ = 0;
  int restart_rounds_ = 0;  // writer thread only: background rounds the pending restart had
  // Background checkpoints; null without a checkpointer connection.
  std::unique_ptr<Checkpointer> checkpointer_;

  mutable std::mutex mu_;
  std::condition_variable wake_;         // the writer waits here for requests
  std::deque<Request*> queue_;           // guarded by mu_
  bool stopping_ = false;                // guarded by mu_
  std::condition_variable synced_wake_;  // the syncer waits here for batches
  std::deque<Committed> to_sync_;        // guarded by mu_
  bool writer_done_ = false;             // guarded by mu_: nothing more for the syncer
  bool syncing_ = false;                 // guarded by mu_: the syncer is working on batches
  WriteStats stats_;                     // guarded by mu_
  int callers_ = 0;                      // threads inside Submit(); guarded by mu_
  std::condition_variable left_;         // the destructor waits here for callers_ == 0
  std::thread syncer_;                   // started before the writer, joined after it
  std::thread thread_;                   // started last, joined by the destructor
};

}  // namespace hd::storage
