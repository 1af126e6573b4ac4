#include "load.hpp"

#include <algorithm>
#include <atomic>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <cmath>
#include <limits>
#include <memory>
#include <optional>
#include <thread>

namespace hd::bench {

namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr auto kUse = asio::as_tuple(asio::use_awaitable);
constexpr auto kIoTimeout = std::chrono::seconds(30);
// An open-loop run that falls this far behind its schedule stops sending.
constexpr auto kMaxLag = std::chrono::seconds(5);
constexpr auto kReconnectPause = std::chrono::milliseconds(10);
constexpr std::uint64_t kMaxResponseBytes = 64u << 20;

Clock::duration Seconds(double s) {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(s));
}

// What every connection shares: the schedule and the request template.
// Thread-safe: the counters are atomic, the rest is read-only after
// construction.
class Plan {
 public:
  Plan(const LoadOptions& options, Clock::time_point start)
      : start_(start),
        measure_from_(start + Seconds(options.warmup_seconds)),
        end_(measure_from_ + Seconds(options.duration_seconds)),
        open_loop_(options.rate > 0),
        interval_(open_loop_ ? Seconds(1.0 / options.rate) : Clock::duration::zero()),
        id_min_(options.id_min),
        id_span_(std::max<std::int64_t>(1, options.id_max - options.id_min + 1)) {
    BuildTemplate(options);
  }

  Clock::time_point start() const { return start_; }
  bool Measured(Clock::time_point due) const { return due >= measure_from_ && due < end_; }

  // When the next request is due, or nullopt when the run is over.
  std::optional<Clock::time_point> NextDue() {
    const auto now = Clock::now();
    if (!open_loop_) {
      if (now >= end_) return std::nullopt;
      return std::max(now, start_);
    }
    for (;;) {
      const auto slot = next_slot_.fetch_add(1, std::memory_order_relaxed);
      const auto due = start_ + interval_ * static_cast<Clock::rep>(slot);
      if (due >= end_) return std::nullopt;
      if (now - due <= kMaxLag) return due;
      unsent_.fetch_add(1, std::memory_order_relaxed);  // hopelessly late: skip it
    }
  }

  // The bytes of the next request.
  std::string NextRequest() {
    if (!has_id_) return head_ + tail_;
    const auto n = next_id_.fetch_add(1, std::memory_order_relaxed);
    return head_ + std::to_string(id_min_ + n % id_span_) + tail_;
  }

  std::uint64_t unsent() const { return unsent_.load(); }

 private:
  void BuildTemplate(const LoadOptions& options) {
    const auto id_at = options.target.find("{id}");
    has_id_ = id_at != std::string::npos;
    head_ = options.method + " " + options.target.substr(0, id_at);
    tail_ = has_id_ ? options.target.substr(id_at + 4) : std::string();
    tail_ += " HTTP/1.1\r\nHost: " + options.host + ":" + options.port + "\r\n";
    for (const auto& [name, value] : options.headers) tail_ += name + ": " + value + "\r\n";
    if (!options.body.empty() || options.method == "POST" || options.method == "PATCH") {
      tail_ += "Content-Type: " + options.content_type + "\r\n";
      tail_ += "Content-Length: " + std::to_string(options.body.size()) + "\r\n";
    }
    tail_ += "\r\n" + options.body;
  }

  const Clock::time_point start_;
  const Clock::time_point measure_from_;
  const Clock::time_point end_;
  const bool open_loop_;
  const Clock::duration interval_;
  const std::int64_t id_min_;
  const std::int64_t id_span_;
  bool has_id_ = false;
  std::string head_;
  std::string tail_;
  std::atomic<std::int64_t> next_slot_{0};
  std::atomic<std::int64_t> next_id_{0};
  std::atomic<std::uint64_t> unsent_{0};
};

// One connection's counts; written by that connection's coroutine only.
struct Tally {
  std::vector<std::uint32_t> latency_us;
  std::map<int, std::uint64_t> statuses;
  std::uint64_t errors = 0;
};

struct Answer {
  int status = -1;  // -1: the exchange failed
  bool keep_alive = false;
};

asio::awaitable<bool> Connect(beast::tcp_stream& stream, const tcp::resolver::results_type& to) {
  stream.expires_after(kIoTimeout);
  [[maybe_unused]] auto [error, endpoint] = co_await stream.async_connect(to, kUse);
  if (error) co_return false;
  stream.socket().set_option(tcp::no_delay(true));
  co_return true;
}

asio::awaitable<Answer> Exchange(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                 const std::string& request) {
  stream.expires_after(kIoTimeout);
  [[maybe_unused]] auto [write_error, written] =
      co_await asio::async_write(stream, asio::buffer(request), kUse);
  if (write_error) co_return Answer{};
  http::response_parser<http::string_body> parser;
  parser.body_limit(kMaxResponseBytes);
  [[maybe_unused]] auto [read_error, read] =
      co_await http::async_read(stream, buffer, parser, kUse);
  if (read_error) co_return Answer{};
  co_return Answer{static_cast<int>(parser.get().result_int()), parser.get().keep_alive()};
}

void Record(Tally& tally, int status, Clock::duration latency) {
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(latency).count();
  tally.latency_us.push_back(static_cast<std::uint32_t>(
      std::clamp<std::int64_t>(us, 0, std::numeric_limits<std::uint32_t>::max())));
  ++tally.statuses[status];
}

// Sends requests on one keep-alive connection until the plan runs out.
asio::awaitable<void> Drive(Plan& plan, const tcp::resolver::results_type& to, Tally& tally) {
  beast::tcp_stream stream(co_await asio::this_coro::executor);
  asio::steady_timer timer(stream.get_executor());
  beast::flat_buffer buffer;
  bool connected = co_await Connect(stream, to);
  timer.expires_at(plan.start());
  co_await timer.async_wait(kUse);
  while (auto due = plan.NextDue()) {
    if (*due > Clock::now()) {
      timer.expires_at(*due);
      co_await timer.async_wait(kUse);
    }
    if (!connected && !(connected = co_await Connect(stream, to))) {
      ++tally.errors;
      timer.expires_after(kReconnectPause);
      co_await timer.async_wait(kUse);
      continue;
    }
    const Answer answer = co_await Exchange(stream, buffer, plan.NextRequest());
    if (answer.status < 0) ++tally.errors;
    if (answer.status >= 0 && plan.Measured(*due))
      Record(tally, answer.status, Clock::now() - *due);
    if (answer.status < 0 || !answer.keep_alive) {
      beast::error_code ignored;
      stream.socket().close(ignored);
      buffer.clear();
      connected = false;
    }
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
}

LoadResult Merge(std::vector<Tally>& tallies) {
  LoadResult result;
  for (Tally& tally : tallies) {
    result.latency_us.insert(result.latency_us.end(), tally.latency_us.begin(),
                             tally.latency_us.end());
    for (const auto& [status, count] : tally.statuses) result.statuses[status] += count;
    result.errors += tally.errors;
  }
  std::sort(result.latency_us.begin(), result.latency_us.end());
  return result;
}

}  // namespace

std::uint64_t LoadResult::Answered() const {
  std::uint64_t total = 0;
  for (const auto& [status, count] : statuses) total += count;
  return total;
}

std::uint64_t LoadResult::Successful() const {
  std::uint64_t total = 0;
  for (const auto& [status, count] : statuses) total += (status >= 200 && status < 300) ? count : 0;
  return total;
}

double LoadResult::PercentileMs(double p) const {
  if (latency_us.empty()) return 0;
  const double rank = std::ceil(p / 100.0 * static_cast<double>(latency_us.size()));
  const auto index = std::clamp<std::size_t>(static_cast<std::size_t>(rank), 1, latency_us.size());
  return latency_us[index - 1] / 1000.0;
}

LoadResult RunLoad(const LoadOptions& options) {
  asio::io_context resolver_context;
  tcp::resolver resolver(resolver_context);
  std::vector<tcp::resolver::results_type> servers{resolver.resolve(options.host, options.port)};
  for (const auto& [host, port] : options.more_servers)
    servers.push_back(resolver.resolve(host, port));

  const int threads = std::max(1, options.threads);
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  for (int i = 0; i < threads; ++i) contexts.push_back(std::make_unique<asio::io_context>(1));
  // Time for every connection to open before the first request is due.
  const auto start = Clock::now() + std::chrono::milliseconds(200 + 2 * options.connections);
  Plan plan(options, start);
  std::vector<Tally> tallies(static_cast<std::size_t>(std::max(1, options.connections)));
  for (std::size_t i = 0; i < tallies.size(); ++i) {
    asio::co_spawn(*contexts[i % contexts.size()],
                   Drive(plan, servers[i % servers.size()], tallies[i]), asio::detached);
  }
  std::vector<std::thread> runners;
  for (auto& context : contexts) runners.emplace_back([&context] { context->run(); });
  for (auto& runner : runners) runner.join();

  LoadResult result = Merge(tallies);
  result.seconds = options.duration_seconds;
  result.unsent = plan.unsent();
  return result;
}

}  // namespace hd::bench
