#include "storage/sqlite/group_committer.hpp"

#include <pthread.h>

#include <exception>
#include <utility>

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

}  // namespace

// The transaction-control statements run thousands of times a second: use
// cached prepared statements rather than parsing them each time.
Status GroupCommitter::Control(std::string_view sql) {
  HD_ASSIGN_OR_RETURN(auto stmt, conn_->Prepare(sql));
  HD_RETURN_IF_ERROR(stmt->Step());
  return Ok();
}

GroupCommitter::GroupCommitter(std::unique_ptr<SqliteConnection> conn, std::size_t max_batch)
    : conn_(std::move(conn)), tx_(*conn_), max_batch_(max_batch == 0 ? 1 : max_batch) {
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
  // Callers woken by the last batch still need mu_ to return: wait for them.
  std::unique_lock lock(mu_);
  left_.wait(lock, [&] { return callers_ == 0; });
}

Status GroupCommitter::Submit(const core::ports::TxFn& fn) {
  if (std::this_thread::get_id() == thread_.get_id()) {
    return Error::Internal("Store::Write called from inside a write function");
  }
  Request request{&fn, Ok(), false, {}};
  std::unique_lock lock(mu_);
  if (stopping_) return Error::Unavailable("the store is shutting down");
  ++callers_;
  queue_.push_back(&request);
  wake_.notify_one();
  request.answered.wait(lock, [&] { return request.done; });
  Status result = std::move(request.result);
  if (--callers_ == 0 && stopping_) left_.notify_all();
  return result;
}

WriteStats GroupCommitter::stats() const {
  std::lock_guard lock(mu_);
  WriteStats s = stats_;
  s.waiting = static_cast<std::uint64_t>(callers_);
  return s;
}

void GroupCommitter::Loop() {
  std::vector<Request*> batch;
  batch.reserve(max_batch_);
  while (true) {
    {
      std::unique_lock lock(mu_);
      wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and every request answered
      while (!queue_.empty() && batch.size() < max_batch_) {
        batch.push_back(queue_.front());
        queue_.pop_front();
      }
    }
    RunBatch(batch);
    {
      // Notify under the lock: a caller cannot return (and destroy its
      // Request) before the writer is done touching it.
      std::lock_guard lock(mu_);
      ++stats_.commits;
      stats_.requests += batch.size();
      for (Request* r : batch) {
        r->done = true;
        r->answered.notify_one();
      }
    }
    batch.clear();
  }
}

void GroupCommitter::RunBatch(const std::vector<Request*>& batch) {
  auto begin = Control("BEGIN IMMEDIATE");
  if (!begin.ok()) return FailBatch(batch, begin.error());
  for (Request* r : batch) {
    if (!RunInSavepoint(*r) || !conn_->InTransaction()) {
      Error cause = Error::Unavailable(
          "the write transaction was rolled back: " +
          (r->result.ok() ? std::string("savepoint failed") : r->result.error().message));
      if (conn_->InTransaction()) (void)Control("ROLLBACK");
      return FailBatch(batch, cause);
    }
  }
  auto commit = Control("COMMIT");
  if (!commit.ok()) {
    if (conn_->InTransaction()) (void)Control("ROLLBACK");
    FailBatch(batch, commit.error());
  }
}

bool GroupCommitter::RunInSavepoint(Request& request) {
  auto opened = Control("SAVEPOINT request");
  if (!opened.ok()) {
    request.result = std::move(opened).error();
    return false;
  }
  request.result = CallGuarded(*request.fn, tx_);
  if (!request.result.ok()) {
    // Undo this request alone; the savepoint stays open until released.
    if (!Control("ROLLBACK TO request").ok()) return false;
  }
  return Control("RELEASE request").ok();
}

void GroupCommitter::FailBatch(const std::vector<Request*>& batch, const Error& cause) {
  for (Request* r : batch) {
    r->result = Error::Unavailable("nothing was stored: " + cause.message);
  }
}

}  // namespace hd::storage
