// JobLeases: who runs a periodic job right now. Many server instances share
// one database; before a run an instance takes the job's lease (a row in
// `jobs`, one conditional UPDATE, so exactly one instance gets it), and gives
// it up after the run. A lease left by a crashed instance expires. Thread-
// safe; blocking.
#pragma once

#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"

namespace hd::service {

class JobLeases {
 public:
  JobLeases(core::ports::Store& store, const core::Clock& clock) : store_(store), clock_(clock) {}

  // True when `owner` now holds the lease of `job` for `ttl`.
  Result<bool> Claim(const std::string& job, const std::string& owner, std::chrono::seconds ttl);
  // Records the finished run and releases the lease.
  Status Release(const std::string& job, const std::string& owner);

 private:
  core::ports::Store& store_;
  const core::Clock& clock_;
};

}  // namespace hd::service
