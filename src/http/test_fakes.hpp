// Test doubles for the http tests: a Store whose transactions always fail
// as a locked database does, and whose readiness can be switched. Enough to
// drive the Api and the Server through every path that needs no data.
#pragma once

#include <atomic>
#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "core/ports/store.hpp"
#include "service/services.hpp"

namespace hd::http::testing {

class LockedStore final : public core::ports::Store {
 public:
  Status Read(const core::ports::TxFn&) override { return Locked(); }
  Status Write(const core::ports::TxFn&) override { return Locked(); }
  Status Ping() override { return ready.load() ? Ok() : Locked(); }

  std::atomic<bool> ready{true};

 private:
  static Status Locked() { return Error::Unavailable("database is locked"); }
};

class NoBlobs final : public core::ports::BlobStore {
 public:
  Result<std::string> Put(std::string_view) override { return Error::Unavailable("no blobs"); }
  Result<std::string> Get(const std::string&) override { return Error::NotFound("no blobs"); }
};

// Services over the doubles above.
struct FakeServices {
  LockedStore store;
  NoBlobs blobs;
  core::FakeClock clock{core::FromUnixMillis(1767225600000)};  // 2026-01-01
  service::Options options;
  service::Services services{store, blobs, clock, options};
};

}  // namespace hd::http::testing
