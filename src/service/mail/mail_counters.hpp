// MailCounters: how much mail came and went since the process started, for
// Prometheus (/metrics). Incremented by the mail jobs and `mail ingest`;
// lock-free and thread-safe.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/ports/mail_repositories.hpp"

namespace hd::service {

struct MailCounters {
  std::atomic<std::uint64_t> received{0};  // messages taken by the intake
  std::atomic<std::uint64_t> accepted{0};
  std::atomic<std::uint64_t> duplicates{0};
  std::atomic<std::uint64_t> held{0};
  std::atomic<std::uint64_t> ignored{0};
  std::atomic<std::uint64_t> bounces{0};
  std::atomic<std::uint64_t> rejected{0};
  std::atomic<std::uint64_t> sent{0};
  std::atomic<std::uint64_t> failed{0};   // deliveries given up
  std::atomic<std::uint64_t> retried{0};  // delivery attempts to be repeated
  std::atomic<std::uint64_t> poll_errors{0};

  void Count(core::ports::InboundStatus status, bool duplicate) {
    ++received;
    if (duplicate) {
      ++duplicates;
      return;
    }
    switch (status) {
      case core::ports::InboundStatus::kAccepted:
        ++accepted;
        break;
      case core::ports::InboundStatus::kHeld:
        ++held;
        break;
      case core::ports::InboundStatus::kIgnored:
        ++ignored;
        break;
      case core::ports::InboundStatus::kBounce:
        ++bounces;
        break;
      case core::ports::InboundStatus::kRejected:
        ++rejected;
        break;
    }
  }
};

}  // namespace hd::service
