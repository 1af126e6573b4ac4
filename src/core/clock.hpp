// Clock: the only way code below app/ learns the time. app/ passes a
// SystemClock; tests pass a FakeClock. Implementations are thread-safe.
#pragma once

#include <atomic>

#include "core/time.hpp"

namespace hd::core {

class Clock {
 public:
  virtual ~Clock() = default;
  // The current instant in UTC.
  virtual Timestamp Now() const = 0;
};

// A clock that stands still until told to move. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Timestamp start) : now_ms_(ToUnixMillis(start)) {}
  Timestamp Now() const override { return FromUnixMillis(now_ms_.load()); }
  void Set(Timestamp t) { now_ms_.store(ToUnixMillis(t)); }
  void Advance(std::chrono::milliseconds d) { now_ms_.fetch_add(d.count()); }

 private:
  std::atomic<std::int64_t> now_ms_;
};

}  // namespace hd::core
