#include "storage/sqlite/group_committer.hpp"

#include <pthread.h>

#include <algorithm>
#include <exception>
#include <utility>

#include "storage/sqlite/wal_file.hpp"

namespace hd::storage {

namespace {

// Calls a write or read function; an exception becomes kInternal for this
// call only.
Status CallGuarded(const core::ports::TxFn& fn, core::ports::Tx& tx) {
  try {
    return fn(tx);
  } catch (const std::exception& e) {
    return Error::Internal(std::string("write function threw: ") + e.what());
  } catch (...) {
    return Error::Internal("write function threw a non-standard exception");
  }
}

// How long a WAL restart waits for the readers still on the WAL; they are
// short, and a miss only means another try a little later.
constexpr int kRestartWaitMs = 20;
// The most WAL frames a restart copies itself when a background checkpoint
// can do the rest first: the pause it costs the writer is mostly that copy
// and the database fsync after it.
constexpr int kRestartCopyFrames = 256;
// Background rounds a restart waits for at most: each copies what the writer
// added during the one before, so they get shorter, but a slow disk must not
// keep the WAL growing round after round.
constexpr int kRestartRounds = 4;
// A WAL that grew large once (before a restart succeeded) is cut back to
// this size when it is written anew: above the restart size (64 MiB of pages
// plus their frame headers), so the file keeps its length from one round to
// the next and an fdatasync has no file size to commit.
constexpr std::string_view kWalSizeLimit = "PRAGMA journal_size_limit=100663296";

}  // namespace

GroupCommitter::GroupCommitter(std::unique_ptr<SqliteConnection> conn, std::size_t max_batch,
                               CommitHorizon& horizon, SyncFn sync, int wal_restart_frames,
                               std::unique_ptr<SqliteConnection> checkpointer)
    : conn_(std::move(conn)),
      tx_(*conn_),
      max_batch_(max_batch == 0 ? 1 : max_batch),
      horizon_(horizon),
      sync_(std::move(sync)),
      wal_restart_frames_(wal_restart_frames < 1 ? 1 : wal_restart_frames),
      restart_at_frames_(wal_restart_frames_),
      checkpointer_(checkpointer ? std::make_unique<Checkpointer>(std::move(checkpointer))
                                 : nullptr) {
  // COMMIT writes the batch's frames to the WAL and returns; the syncer's
  // fdatasync makes them durable before anyone is answered.
  const Status normal = conn_->Exec("PRAGMA synchronous=NORMAL");
  if (!normal.ok()) horizon_.Fail(normal.error());
  (void)conn_->Exec(kWalSizeLimit);
  conn_->TrackWalFrames();
  if (!sync_) {
    sync_ = [wal = std::make_shared<WalFile>(conn_->WalPath())] { return wal->Sync(); };
  }
  syncer_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "hd-sync");
    SyncLoop();
  });
  thread_ = std::thread([this] {
    pthread_setname_np(pthread_self(), "hd-writer");  // shown by top -H, perf, gdb
    Loop();
  });
}

GroupCommitter::~GroupCommitter() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
  syncer_.join();
  checkpointer_.reset();  // the writer no longer asks; a running pass finishes
  // Every write is answered: fold the whole WAL into the database and empty
  // it, so a copied or backed-up database file is complete on its own.
  (void)conn_->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
  // Callers woken by the last batch still need mu_ to return: wait for them.
  std::unique_lock lock(mu_);
  left_.wait(lock, [&] { return callers_ == 0; });
}

Status GroupCommitter::Submit(const core::ports::TxFn& fn) {
  if (std::this_thread::get_id() == thread_.get_id()) {
    return Error::Internal("Store::Write called from inside a write function");
  }
  HD_RETURN_IF_ERROR(horizon_.health());
  Request request{&fn};
  {
    std::lock_guard lock(mu_);
    if (stopping_) return Error::Unavailable("the store is shutting down");
    ++callers_;
    queue_.push_back(&request);
  }
  wake_.notify_one();
  {
    std::unique_lock answer(request.mu);
    request.answered.wait(answer, [&] { return request.done; });
  }
  Status result = std::move(request.result);
  std::lock_guard lock(mu_);
  if (--callers_ == 0 && stopping_) left_.notify_all();
  return result;
}

WriteStats GroupCommitter::stats() const {
  WriteStats s;
  {
    std::lock_guard lock(mu_);
    s = stats_;
    s.waiting = static_cast<std::uint64_t>(callers_);
  }
  if (checkpointer_) s.checkpoints = checkpointer_->finished();
  return s;
}

void GroupCommitter::Loop() {
  while (true) {
    std::vector<Request*> batch;
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) break;  // stopping, and every request taken
      batch.reserve(std::min(queue_.size(), max_batch_));
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    Committed committed = RunBatch(std::move(batch));
    {
      std::lock_guard lock(mu_);
      ++stats_.commits;
      to_sync_.push_back(std::move(committed));
    }
    synced_wake_.notify_one();
    MaybeRestartWal();
  }
  {
    std::lock_guard lock(mu_);
    writer_done_ = true;
  }
  synced_wake_.notify_one();
}

void GroupCommitter::SyncLoop() {
  std::vector<Committed> work;
  while (true) {
    {
      std::unique_lock lock(mu_);
      synced_wake_.wait(lock, [&] { return writer_done_ || !to_sync_.empty(); });
      if (to_sync_.empty()) return;  // the writer is done and everything answered
      for (auto& c : to_sync_) work.push_back(std::move(c));
      to_sync_.clear();
      syncing_ = true;
    }
    // One fdatasync covers every batch committed so far.
    std::uint64_t last = 0;
    bool any_stored = false;
    for (const auto& c : work) {
      last = std::max(last, c.commit);
      any_stored = any_stored || c.stored;
    }
    Status synced = horizon_.health();
    if (synced.ok() && any_stored) {
      synced = sync_();
      if (!synced.ok()) horizon_.Fail(synced.error());
    }
    if (synced.ok()) horizon_.MarkDurable(last);
    {
      std::lock_guard lock(mu_);
      if (any_stored) ++stats_.syncs;
      for (const auto& c : work) stats_.requests += c.requests.size();
      syncing_ = false;
    }
    wake_.notify_one();  // a writer holding its commit for this sync may go on
    for (auto& c : work) {
      for (Request* r : c.requests) {
        if (c.stored && !synced.ok()) {
          r->result = Error::Unavailable("the write may not be stored: " + synced.error().message);
        }
        // Each caller waits on its own lock, so waking hundreds of them
        // makes none queue for a shared one. Notify under it: the caller
        // cannot return (and destroy its Request) before the syncer is done
        // touching it.
        std::lock_guard answer(r->mu);
        r->done = true;
        r->answered.notify_one();
      }
    }
    work.clear();
  }
}

std::uint64_t GroupCommitter::AskForCheckpoint(int frames) {
  checkpoint_asked_ = frames;
  return checkpointer_->Ask();
}

void GroupCommitter::MaybeRestartWal() {
  const int frames = conn_->WalFrames();
  if (frames < checkpoint_asked_) checkpoint_asked_ = 0;  // the WAL was written anew
  if (frames < restart_at_frames_) {
    if (checkpointer_ && frames - checkpoint_asked_ >= wal_restart_frames_ / 4) {
      AskForCheckpoint(frames);
    }
    return;
  }
  // A checkpointer that fell a whole restart size behind (a slow disk, a
  // starved thread) is not waited for: the writer copies the rest itself.
  if (checkpointer_ && frames < restart_at_frames_ + wal_restart_frames_) {
    // First a background checkpoint begun now copies the WAL so far; the
    // restart then copies only what the batches meanwhile added.
    if (restart_after_ == 0) {
      restart_after_ = AskForCheckpoint(frames);
      return;
    }
    if (checkpointer_->finished() < restart_after_) return;
    // Still much written since that one began: another round first, shorter.
    if (frames - checkpoint_asked_ > kRestartCopyFrames && ++restart_rounds_ < kRestartRounds) {
      restart_after_ = AskForCheckpoint(frames);
      return;
    }
  }
  std::unique_lock<std::mutex> held;
  if (checkpointer_) {
    held = checkpointer_->TryHold();
    if (!held.owns_lock()) return;  // a background pass is running: after the next batch
  }
  // The checkpoint syncs the WAL before copying it, so frames the syncer has
  // not synced yet are durable before the next commit overwrites them.
  auto restarted = conn_->RestartWal(kRestartWaitMs);
  restart_after_ = 0;
  restart_rounds_ = 0;
  if (restarted.ok() && *restarted) {
    restart_at_frames_ = wal_restart_frames_;
    checkpoint_asked_ = 0;
    std::lock_guard lock(mu_);
    ++stats_.wal_restarts;
  } else {
    // A miss: try again once a quarter more was written.
    restart_at_frames_ = frames + std::max(1, wal_restart_frames_ / 4);
  }
}

GroupCommitter::Committed GroupCommitter::RunBatch(std::vector<Request*> batch) {
  Committed out{std::move(batch), 0, false};
  if (auto health = horizon_.health(); !health.ok()) {
    FailBatch(out.requests, health.error());
    return out;
  }
  auto begin = conn_->Run("BEGIN IMMEDIATE");
  if (!begin.ok()) {
    FailBatch(out.requests, begin.error());
    return out;
  }
  if (!RunInTransaction(out.requests, 0)) return out;
  while (out.requests.size() < max_batch_) {
    auto more = TakeWhileSyncing(max_batch_ - out.requests.size());
    if (more.empty()) break;
    const std::size_t from = out.requests.size();
    out.requests.insert(out.requests.end(), more.begin(), more.end());
    if (!RunInTransaction(out.requests, from)) return out;
  }
  out.commit = horizon_.BeginCommit();
  auto commit = conn_->Run("COMMIT");
  if (!commit.ok()) {
    if (conn_->InTransaction()) (void)conn_->Run("ROLLBACK");
    FailBatch(out.requests, commit.error());
    return out;
  }
  out.stored = true;
  return out;
}

bool GroupCommitter::RunInTransaction(std::vector<Request*>& batch, std::size_t from) {
  for (std::size_t i = from; i < batch.size(); ++i) {
    Request* r = batch[i];
    if (!RunInSavepoint(*r) || !conn_->InTransaction()) {
      Error cause = Error::Unavailable(
          "the write transaction was rolled back: " +
          (r->result.ok() ? std::string("savepoint failed") : r->result.error().message));
      if (conn_->InTransaction()) (void)conn_->Run("ROLLBACK");
      FailBatch(batch, cause);
      return false;
    }
  }
  return true;
}

std::vector<GroupCommitter::Request*> GroupCommitter::TakeWhileSyncing(std::size_t room) {
  std::vector<Request*> taken;
  std::unique_lock lock(mu_);
  const auto syncer_busy = [&] { return syncing_ || !to_sync_.empty(); };
  wake_.wait(lock, [&] { return stopping_ || !queue_.empty() || !syncer_busy(); });
  if (!syncer_busy()) return taken;
  while (!queue_.empty() && taken.size() < room) {
    taken.push_back(queue_.front());
    queue_.pop_front();
  }
  return taken;
}

bool GroupCommitter::RunInSavepoint(Request& request) {
  auto opened = conn_->Run("SAVEPOINT request");
  if (!opened.ok()) {
    request.result = std::move(opened).error();
    return false;
  }
  request.result = CallGuarded(*request.fn, tx_);
  if (!request.result.ok()) {
    // Undo this request alone; the savepoint stays open until released.
    if (!conn_->Run("ROLLBACK TO request").ok()) return false;
  }
  return conn_->Run("RELEASE request").ok();
}

void GroupCommitter::FailBatch(const std::vector<Request*>& batch, const Error& cause) {
  for (Request* r : batch) {
    r->result = Error::Unavailable("nothing was stored: " + cause.message);
  }
}

}  // namespace hd::storage
