// Metrics: the server's counters in the Prometheus text format (version
// 0.0.4): requests by route template, method and status; a request latency
// histogram; requests in flight; open and rejected connections; and the text
// of any other sources added at start-up (the store's counters).
// Thread-safe: every method may be called from any thread.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace hd::http {

class Metrics {
 public:
  // Upper bounds of the latency histogram buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

  void ConnectionOpened() { open_connections_.fetch_add(1); }
  void ConnectionClosed() { open_connections_.fetch_sub(1); }
  void ConnectionRejected() { rejected_connections_.fetch_add(1); }
  void RequestStarted() { in_flight_.fetch_add(1); }
  // Ends a request started with RequestStarted(). `route` is the template
  // ("/api/v1/tickets/{id}"), never the raw path, so the label set is bounded.
  void RequestFinished(std::string_view route, std::string_view method, int status, double seconds);

  std::int64_t open_connections() const { return open_connections_.load(); }
  std::int64_t in_flight() const { return in_flight_.load(); }

  // Appends the text `source` returns (complete HELP/TYPE/sample lines) to
  // every Render(). Called while wiring, before the server serves.
  void AddSource(std::function<std::string()> source);

  // The exposition text served at /metrics.
  std::string Render() const;

 private:
  std::atomic<std::int64_t> open_connections_{0};
  std::atomic<std::int64_t> rejected_connections_{0};
  std::atomic<std::int64_t> in_flight_{0};

  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;  // guarded by mu_
  std::array<std::uint64_t, kBuckets.size()> bucket_counts_{};                   // guarded by mu_
  std::uint64_t latency_count_ = 0;                                              // guarded by mu_
  double latency_sum_ = 0;                                                       // guarded by mu_
  std::vector<std::function<std::string()>> sources_;                            // guarded by mu_
};

}  // namespace hd::http
