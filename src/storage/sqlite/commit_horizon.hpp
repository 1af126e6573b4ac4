// CommitHorizon: how far the writer's commits are durable, so that a reader
// never sees a write before it is on disk.
//
// The writer commits a batch (its frames reach the WAL file with write())
// and hands it to the WAL syncer, which makes it durable with one fdatasync
// while the writer already runs the next batch. Between the two, the batch
// is visible to a new snapshot but not yet durable. Readers close that
// window: once their snapshot is taken they wait until every commit that
// had begun by then is durable (at most one fdatasync, and only while
// writes are in flight).
//
// Commits are numbered 1, 2, 3 … in the order they begin. A failed
// fdatasync leaves the WAL's durability unknown: the horizon then stops for
// good and every later wait is kUnavailable (the store must be reopened).
//
// Thread-safe.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>

#include "core/error.hpp"

namespace hd::storage {

class CommitHorizon {
 public:
  // Writer: called before a batch's COMMIT starts; returns its number.
  std::uint64_t BeginCommit() { return begun_.fetch_add(1) + 1; }

  // Syncer: every commit numbered up to `commit` is durable (or was never
  // stored, when its COMMIT failed).
  void MarkDurable(std::uint64_t commit);

  // Syncer: making the WAL durable failed; `cause` is what every later
  // wait answers.
  void Fail(const Error& cause);

  // Reader: waits until every commit begun so far is durable. kUnavailable
  // once the horizon failed.
  Status AwaitBegunCommits() const;

  // Ok, or the failure that stopped the horizon.
  Status health() const;

 private:
  std::atomic<std::uint64_t> begun_{0};
  std::atomic<std::uint64_t> durable_{0};
  std::atomic<bool> failed_{false};
  mutable std::mutex mu_;
  mutable std::condition_variable moved_;
  std::optional<Error> failure_;  // guarded by mu_
};

}  // namespace hd::storage
