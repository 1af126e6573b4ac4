// helpdesk serve
#include <spdlog/spdlog.h>

#include <cstdint>
#include <functional>
#include <iostream>
#include <string>

#include "app/cli.hpp"
#include "app/live_updates.hpp"
#include "app/prometheus_text.hpp"
#include "app/runtime.hpp"
#include "app/sla_defaults.hpp"
#include "app/web_bundle.hpp"
#include "http/server.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace hd::app {

namespace {

http::ServerOptions ServerOptionsFrom(const Config& c) {
  http::ServerOptions o;
  o.listen = c.listen;
  o.io_threads = c.io_threads;
  o.worker_threads = c.worker_threads;
  o.read_worker_threads = c.read_worker_threads;
  o.max_header_bytes = c.max_header_bytes;
  o.max_body_bytes = c.max_body_bytes;
  o.header_timeout = std::chrono::seconds(c.header_timeout_seconds);
  o.request_timeout = std::chrono::seconds(c.request_timeout_seconds);
  o.idle_timeout = std::chrono::seconds(c.idle_timeout_seconds);
  o.max_connections = static_cast<std::size_t>(c.max_connections);
  o.drain_timeout = std::chrono::seconds(c.drain_timeout_seconds);
  o.web_app = BundledWebFiles();
  o.web_root = c.web_root;
  o.secure_cookies = c.secure_cookies;
  return o;
}

// The SQLite writer's counters in the Prometheus text format; nothing for
// PostgreSQL, whose own statistics views say more.
std::function<std::string()> StoreMetrics(core::ports::Store& store) {
  auto* sqlite = dynamic_cast<storage::SqliteStore*>(&store);
  if (sqlite == nullptr) return nullptr;
  return [sqlite] {
    const storage::SqliteWriteStats s = sqlite->write_stats();
    std::string text;
    const auto add = [&](const char* name, const char* type, const char* help,
                         std::uint64_t value) { AppendMetric(text, name, type, help, value); };
    add("hd_sqlite_writes_total", "counter", "Write transactions of requests answered.",
        s.requests);
    add("hd_sqlite_commits_total", "counter", "Commits they took (group commit).", s.commits);
    add("hd_sqlite_wal_syncs_total", "counter", "fdatasync calls of the WAL.", s.syncs);
    add("hd_sqlite_wal_restarts_total", "counter",
        "Times the writer folded the WAL into the database and started it anew.", s.wal_restarts);
    add("hd_sqlite_checkpoints_total", "counter",
        "Background checkpoints that copied the WAL into the database.", s.checkpoints);
    add("hd_sqlite_writes_waiting", "gauge", "Writes queued or running now.", s.waiting);
    return text;
  };
}

std::string Host(const std::string& listen) {
  const auto colon = listen.rfind(':');
  return colon == std::string::npos ? listen : listen.substr(0, colon);
}

int Serve(const CommonFlags& flags, const std::string& listen) {
  auto config = ResolveConfig(flags, listen);
  if (!config.ok()) return Fail(config.error());
  SetUpLogging(*config);
  auto runtime = OpenRuntime(*config);
  if (!runtime.ok()) return Fail(runtime.error());
  if (auto loaded = LoadDirectoryDefaults(*config, **runtime); !loaded.ok()) {
    return Fail(loaded.error());
  }
  auto mail = OpenMailChannel(*config, **runtime);
  if (!mail.ok()) return Fail(mail.error());
  auto live_updates = StartLiveUpdates(**runtime);  // outlives the server
  http::ServerOptions server_options = ServerOptionsFrom(*config);
  server_options.more_metrics = [store = StoreMetrics(*(*runtime)->store),
                                 counters = &(*mail)->counters] {
    return (store ? store() : std::string()) + MailMetricsText(*counters);
  };
  auto server = http::Server::Start(*(*runtime)->services, std::move(server_options));
  if (!server.ok()) return Fail(server.error());
  std::cout << "helpdesk: serving on http://" << Host(config->listen) << ":" << (*server)->port()
            << std::endl;
  spdlog::info("serving database={} data={}", config->DatabaseUrl(), config->data_dir);
  auto jobs = StartJobs(*config, **runtime, mail->get());
  if (!jobs.ok()) return Fail(jobs.error());
  (*server)->Run();
  jobs->reset();    // no job may outlive the server's use cases
  server->reset();  // stop serving before the store drains and closes
  spdlog::info("stopped");
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, int& exit_code) {
  static CommonFlags flags;
  static std::string listen;
  auto* serve = app.add_subcommand("serve", "serve the help desk over HTTP");
  serve->add_option("--listen", listen, "address:port (default 127.0.0.1:8080)");
  AddCommonFlags(*serve, flags);
  serve->callback([&] { exit_code = Serve(flags, listen); });
}

}  // namespace hd::app
