#include "http/metrics.hpp"

#include <fmt/format.h>

namespace hd::http {

void Metrics::RequestFinished(std::string_view route, std::string_view method, int status,
                              double seconds) {
  in_flight_.fetch_sub(1);
  std::lock_guard lock(mu_);
  ++requests_[{std::string(route), std::string(method), status}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++bucket_counts_[i];
  }
  ++latency_count_;
  latency_sum_ += seconds;
}

std::string Metrics::Render() const {
  fmt::memory_buffer out;
  auto it = std::back_inserter(out);
  fmt::format_to(it,
                 "# HELP hd_http_requests_total HTTP requests answered.\n"
                 "# TYPE hd_http_requests_total counter\n");
  std::lock_guard lock(mu_);
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    fmt::format_to(it, "hd_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n",
                   route, method, status, count);
  }
  fmt::format_to(it,
                 "# HELP hd_http_request_duration_seconds Time from request read to response.\n"
                 "# TYPE hd_http_request_duration_seconds histogram\n");
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    fmt::format_to(it, "hd_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", kBuckets[i],
                   bucket_counts_[i]);
  }
  fmt::format_to(it, "hd_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", latency_count_);
  fmt::format_to(it, "hd_http_request_duration_seconds_sum {}\n", latency_sum_);
  fmt::format_to(it, "hd_http_request_duration_seconds_count {}\n", latency_count_);
  fmt::format_to(it,
                 "# HELP hd_http_requests_in_flight Requests being handled.\n"
                 "# TYPE hd_http_requests_in_flight gauge\n"
                 "hd_http_requests_in_flight {}\n"
                 "# HELP hd_http_open_connections Open client connections.\n"
                 "# TYPE hd_http_open_connections gauge\n"
                 "hd_http_open_connections {}\n"
                 "# HELP hd_http_rejected_connections_total Connections refused over the limit.\n"
                 "# TYPE hd_http_rejected_connections_total counter\n"
                 "hd_http_rejected_connections_total {}\n",
                 in_flight_.load(), open_connections_.load(), rejected_connections_.load());
  std::string text = fmt::to_string(out);
  for (const auto& source : sources_) text += source();  // still under mu_
  return text;
}

void Metrics::AddSource(std::function<std::string()> source) {
  if (!source) return;
  std::lock_guard lock(mu_);
  sources_.push_back(std::move(source));
}

}  // namespace hd::http
