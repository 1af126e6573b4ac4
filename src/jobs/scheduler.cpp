#include "jobs/scheduler.hpp"

#include <spdlog/spdlog.h>

namespace hd::jobs {

Scheduler::Scheduler(core::ports::Store& store, const core::Clock& clock, SchedulerOptions options)
    : leases_(store, clock), clock_(clock), options_(std::move(options)) {}

Scheduler::~Scheduler() { Stop(); }

void Scheduler::Add(Job job) { entries_.push_back({std::move(job), std::nullopt}); }

int Scheduler::RunDue() {
  int ran = 0;
  for (Entry& e : entries_) {
    const auto now = clock_.Now();
    if (e.last_run && now - *e.last_run < e.job.every) continue;
    if (e.job.every_instance) {
      e.last_run = now;
      if (Status status = e.job.run(); !status.ok()) {
        spdlog::warn("job {} failed: {}", e.job.name, status.error().message);
      }
      ++ran;
      continue;
    }
    auto claimed = leases_.Claim(e.job.name, options_.instance, options_.lease);
    if (!claimed.ok()) {
      spdlog::warn("job {}: cannot take the lease: {}", e.job.name, claimed.error().message);
      continue;
    }
    e.last_run = now;
    if (!*claimed) continue;  // another instance runs it
    Status status = e.job.run();
    if (!status.ok()) spdlog::warn("job {} failed: {}", e.job.name, status.error().message);
    if (auto released = leases_.Release(e.job.name, options_.instance); !released.ok()) {
      spdlog::warn("job {}: cannot release the lease: {}", e.job.name, released.error().message);
    }
    ++ran;
  }
  return ran;
}

void Scheduler::Start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mu_);
    while (!stopping_) {
      lock.unlock();
      RunDue();
      lock.lock();
      wake_.wait_for(lock, options_.tick, [this] { return stopping_; });
    }
  });
}

void Scheduler::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace hd::jobs
