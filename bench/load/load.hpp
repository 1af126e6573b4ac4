// An HTTP/1.1 load generator over keep-alive connections.
//
// RunLoad opens `connections` connections to one server and sends one request
// template over them, either closed-loop (each connection sends its next
// request as soon as the previous answer arrived: maximum throughput) or
// open-loop at a fixed total rate. In open-loop mode request i is due at
// start + i / rate and its latency is counted from that due time, not from
// when a connection became free to send it, so a server that stalls cannot
// hide the queueing it causes (no coordinated omission).
//
// RunLoad blocks until the run ends; it owns its threads and sockets and
// releases them before returning. Not reentrant-safe with shared options
// being modified concurrently; otherwise thread-compatible.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace hd::bench {

struct LoadOptions {
  std::string host = "127.0.0.1";
  std::string port = "8080";
  // More servers ("host", "port") to spread the connections over: connection
  // i goes to server i % n, the first being host:port. Default none.
  std::vector<std::pair<std::string, std::string>> more_servers;
  std::string method = "GET";
  // Request target. Each "{id}" is replaced by the next number of
  // [id_min, id_max], cycling, so GETs spread over many resources.
  std::string target = "/healthz";
  std::int64_t id_min = 1;
  std::int64_t id_max = 1;
  std::string body;  // sent with Content-Length when not empty
  std::string content_type = "application/json";
  std::vector<std::pair<std::string, std::string>> headers;
  int connections = 64;
  // Measured time, after `warmup` whose answers are not counted. Seconds.
  double duration_seconds = 10;
  double warmup_seconds = 1;
  // Total requests per second; 0 = closed loop.
  double rate = 0;
  // Client I/O threads. One is enough for tens of thousands of requests/s
  // and leaves the other core to the server.
  int threads = 1;
};

struct LoadResult {
  double seconds = 0;                     // length of the measured window
  std::vector<std::uint32_t> latency_us;  // answered requests, sorted ascending
  std::map<int, std::uint64_t> statuses;  // HTTP status -> count
  std::uint64_t errors = 0;               // connect, read or write failures
  std::uint64_t unsent = 0;               // open loop: due requests never sent

  std::uint64_t Answered() const;
  std::uint64_t Successful() const;  // 2xx answers
  // Latency at percentile p in [0, 100], in milliseconds; 0 with no samples.
  double PercentileMs(double p) const;
};

// Runs the load described by `options` against the server. Connection
// failures are counted in LoadResult::errors and the connection is reopened.
LoadResult RunLoad(const LoadOptions& options);

}  // namespace hd::bench
