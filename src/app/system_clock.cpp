#include <chrono>

#include "app/runtime.hpp"

namespace hd::app {

core::Timestamp SystemClock::Now() const {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace hd::app
