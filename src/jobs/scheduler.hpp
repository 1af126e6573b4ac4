// Scheduler: runs periodic jobs on one background thread. Each job runs at
// most every `every` by the Clock (a FakeClock in tests) and only while this
// instance holds its lease in the database (service::JobLeases), so any
// number of server instances can share one database and a job runs on one
// of them at a time.
//
// Thread behaviour: Add before Start; RunDue may be called from any one
// thread at a time (the background thread, or a test instead of Start).
// Stop (or the destructor) wakes the thread and joins it.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/job_leases.hpp"

namespace hd::jobs {

struct Job {
  std::string name;  // unique; the lease key
  std::chrono::seconds every{30};
  std::function<Status()> run;
  // Runs on every instance, without a lease (work about this instance's own
  // state, such as reloading the SLA policy). Default: one instance at a time.
  bool every_instance = false;
};

struct SchedulerOptions {
  std::string instance = "local";        // lease owner name, e.g. "host:pid"
  std::chrono::seconds lease{300};       // a run must finish within this
  std::chrono::milliseconds tick{1000};  // how often the thread looks (real time)
};

class Scheduler {
 public:
  Scheduler(core::ports::Store& store, const core::Clock& clock, SchedulerOptions options);
  ~Scheduler();
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  void Add(Job job);

  // Runs every job whose time has come and whose lease this instance gets;
  // returns how many ran. A job's error is logged; it runs again next time.
  int RunDue();

  void Start();
  void Stop();

 private:
  struct Entry {
    Job job;
    std::optional<core::Timestamp> last_run;
  };

  service::JobLeases leases_;
  const core::Clock& clock_;
  SchedulerOptions options_;
  std::vector<Entry> entries_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hd::jobs
