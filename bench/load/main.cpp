// hd_load: HTTP load against a running helpdesk server (see load.hpp).
//
//   hd_load --url http://127.0.0.1:8080 --method POST --target /api/v1/tickets
//           --token TOKEN --body '{"subject":"s","body":"b"}' --connections 64 --duration 10
//   hd_load ... --rate 1000            # open loop: 1,000 requests/s
//   hd_load ... --target '/api/v1/tickets/{id}' --id-range 1:1000
//   hd_load --url http://127.0.0.1:8081 --url http://127.0.0.1:8082 ...  # several servers
//
// Prints a human summary and a last line "RESULT key=value ..." for scripts.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include "load.hpp"

namespace {

using hd::bench::LoadOptions;
using hd::bench::LoadResult;

// Splits "http://host:port" into options.host and options.port.
bool ParseUrl(const std::string& url, LoadOptions& options) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) return false;
  std::string rest = url.substr(scheme.size());
  rest = rest.substr(0, rest.find('/'));
  const auto colon = rest.rfind(':');
  options.host = rest.substr(0, colon);
  options.port = colon == std::string::npos ? "80" : rest.substr(colon + 1);
  return !options.host.empty() && !options.port.empty();
}

bool ParseHeader(const std::string& line, LoadOptions& options) {
  const auto colon = line.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  std::string value = line.substr(colon + 1);
  value.erase(0, value.find_first_not_of(' '));
  options.headers.emplace_back(line.substr(0, colon), value);
  return true;
}

bool ParseIdRange(const std::string& range, LoadOptions& options) {
  const auto colon = range.find(':');
  if (colon == std::string::npos) return false;
  try {
    options.id_min = std::stoll(range.substr(0, colon));
    options.id_max = std::stoll(range.substr(colon + 1));
  } catch (const std::exception&) {
    return false;
  }
  return options.id_min >= 0 && options.id_max >= options.id_min;
}

void Report(const LoadOptions& options, const LoadResult& result) {
  const double seconds = result.seconds > 0 ? result.seconds : 1;
  const double rps = static_cast<double>(result.Answered()) / seconds;
  const double ok_rps = static_cast<double>(result.Successful()) / seconds;
  const std::uint64_t non2xx = result.Answered() - result.Successful();
  std::printf("hd_load: %s %s, %d connections, %s, %.0f s measured after %.0f s warm-up\n",
              options.method.c_str(), options.target.c_str(), options.connections,
              options.rate > 0 ? ("open loop at " + std::to_string(options.rate) + "/s").c_str()
                               : "closed loop",
              options.duration_seconds, options.warmup_seconds);
  std::printf("  requests/s  %.1f (2xx %.1f)\n", rps, ok_rps);
  std::printf("  latency ms  p50 %.3f  p90 %.3f  p99 %.3f  max %.3f\n", result.PercentileMs(50),
              result.PercentileMs(90), result.PercentileMs(99), result.PercentileMs(100));
  std::printf("  statuses   ");
  for (const auto& [status, count] : result.statuses) {
    std::printf(" %d: %llu", status, static_cast<unsigned long long>(count));
  }
  std::printf("\n  errors %llu, unsent %llu\n", static_cast<unsigned long long>(result.errors),
              static_cast<unsigned long long>(result.unsent));
  std::printf(
      "RESULT rps=%.1f ok_rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f "
      "non2xx=%llu errors=%llu unsent=%llu\n",
      rps, ok_rps, result.PercentileMs(50), result.PercentileMs(90), result.PercentileMs(99),
      result.PercentileMs(100), static_cast<unsigned long long>(non2xx),
      static_cast<unsigned long long>(result.errors),
      static_cast<unsigned long long>(result.unsent));
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"HTTP load generator for the helpdesk server"};
  LoadOptions options;
  std::vector<std::string> urls;
  std::string token;
  std::string body_file;
  std::string id_range;
  std::vector<std::string> headers;
  app.add_option("--url", urls,
                 "server base URL, http://host:port; repeat it to spread the connections "
                 "over several servers (default http://127.0.0.1:8080)");
  app.add_option("--method", options.method, "HTTP method");
  app.add_option("--target", options.target, "request target; {id} cycles over --id-range");
  app.add_option("--id-range", id_range, "MIN:MAX for {id}");
  app.add_option("--body", options.body, "request body");
  app.add_option("--body-file", body_file, "read the request body from a file");
  app.add_option("--content-type", options.content_type, "Content-Type of the body");
  app.add_option("--header", headers, "extra header 'Name: value' (repeatable)");
  app.add_option("--token", token, "bearer token (Authorization header)");
  app.add_option("--connections,-c", options.connections, "keep-alive connections")
      ->check(CLI::Range(1, 100000));
  app.add_option("--duration,-d", options.duration_seconds, "measured seconds")
      ->check(CLI::PositiveNumber);
  app.add_option("--warmup", options.warmup_seconds, "seconds before measuring")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--rate,-r", options.rate, "requests/s in total; 0 = closed loop")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--threads,-t", options.threads, "client I/O threads")->check(CLI::Range(1, 64));
  CLI11_PARSE(app, argc, argv);

  if (urls.empty()) urls.push_back("http://127.0.0.1:8080");
  for (std::size_t i = 0; i < urls.size(); ++i) {
    LoadOptions server;
    if (!ParseUrl(urls[i], server)) {
      std::cerr << "hd_load: --url must look like http://127.0.0.1:8080\n";
      return 2;
    }
    if (i == 0) {
      options.host = server.host;
      options.port = server.port;
    } else {
      options.more_servers.emplace_back(server.host, server.port);
    }
  }
  for (const auto& header : headers) {
    if (!ParseHeader(header, options)) {
      std::cerr << "hd_load: --header must look like 'Name: value'\n";
      return 2;
    }
  }
  if (!id_range.empty() && !ParseIdRange(id_range, options)) {
    std::cerr << "hd_load: --id-range must look like 1:1000\n";
    return 2;
  }
  if (!token.empty()) options.headers.emplace_back("Authorization", "Bearer " + token);
  if (!body_file.empty()) options.body = ReadFile(body_file);
  try {
    Report(options, hd::bench::RunLoad(options));
  } catch (const std::exception& e) {
    std::cerr << "hd_load: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
