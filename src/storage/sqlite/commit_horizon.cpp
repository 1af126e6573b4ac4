#include "storage/sqlite/commit_horizon.hpp"

namespace hd::storage {

void CommitHorizon::MarkDurable(std::uint64_t commit) {
  std::lock_guard lock(mu_);
  if (commit > durable_.load()) durable_.store(commit);
  moved_.notify_all();
}

void CommitHorizon::Fail(const Error& cause) {
  std::lock_guard lock(mu_);
  if (!failure_) failure_ = cause;
  failed_.store(true);
  moved_.notify_all();
}

Status CommitHorizon::AwaitBegunCommits() const {
  const std::uint64_t target = begun_.load();
  if (durable_.load() >= target && !failed_.load()) return Ok();
  std::unique_lock lock(mu_);
  moved_.wait(lock, [&] { return failure_.has_value() || durable_.load() >= target; });
  if (failure_) return *failure_;
  return Ok();
}

Status CommitHorizon::health() const {
  if (!failed_.load()) return Ok();
  std::lock_guard lock(mu_);
  return *failure_;
}

}  // namespace hd::storage
