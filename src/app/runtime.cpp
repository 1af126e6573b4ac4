#include "app/runtime.hpp"

#include <algorithm>
#include <filesystem>

#include "storage/database_blob_store.hpp"
#include "storage/file_blob_store.hpp"
#include "storage/postgres/pg_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace hd::app {

service::Options ServiceOptions(const Config& config) {
  service::Options o;
  o.max_attachment_bytes = config.max_attachment_bytes;
  o.session_ttl = std::chrono::hours(config.session_ttl_hours);
  o.auth_cache_ttl = std::chrono::seconds(config.auth_cache_seconds);
  o.login_max_failures = config.login_max_failures;
  o.login_failure_window = std::chrono::seconds(config.login_failure_window_seconds);
  o.password_hash_concurrency = config.password_hash_concurrency;
  o.signup_max_per_address = config.signups_per_hour;
  o.password_mem_limit = config.password_hash_memory_kib * 1024;
  return o;
}

std::size_t PostgresPoolSize(const Config& config) {
  return static_cast<std::size_t>(std::max(1, config.postgres_pool));
}

bool IsPostgresUrl(std::string_view url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<core::ports::Store>> OpenStore(const Config& config) {
  const std::string url = config.DatabaseUrl();
  const std::string sqlite_prefix = "sqlite:";
  if (url.rfind(sqlite_prefix, 0) == 0) {
    storage::SqliteOptions options;
    options.path = url.substr(sqlite_prefix.size());
    options.reader_pool_size = static_cast<std::size_t>(config.reader_pool);
    options.busy_timeout_ms = config.busy_timeout_ms;
    options.max_batch_size = static_cast<std::size_t>(config.max_batch);
    HD_ASSIGN_OR_RETURN(auto store, storage::SqliteStore::Open(options));
    return std::unique_ptr<core::ports::Store>(std::move(store));
  }
  if (IsPostgresUrl(url)) {
    storage::PostgresOptions options;
    options.url = url;
    options.pool_size = PostgresPoolSize(config);
    HD_ASSIGN_OR_RETURN(auto store, storage::PostgresStore::Open(options));
    return std::unique_ptr<core::ports::Store>(std::move(store));
  }
  return Error::InvalidArgument(
      "unsupported database URL " + url + "; use sqlite:PATH or postgresql://USER@HOST:PORT/DB",
      "database");
}

Result<std::unique_ptr<Runtime>> OpenRuntime(const Config& config) {
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) {
    return Error::Unavailable("cannot create the data folder " + config.data_dir + ": " +
                              ec.message());
  }
  auto runtime = std::make_unique<Runtime>();
  HD_ASSIGN_OR_RETURN(runtime->store, OpenStore(config));
  runtime->files = std::make_unique<storage::FileBlobStore>(
      (std::filesystem::path(config.data_dir) / "blobs").string());
  runtime->blobs = std::make_unique<storage::DatabaseBlobStore>(*runtime->store, *runtime->files,
                                                                config.inline_blob_bytes);
  runtime->services = std::make_unique<service::Services>(*runtime->store, *runtime->blobs,
                                                          runtime->clock, ServiceOptions(config));
  return runtime;
}

}  // namespace hd::app
