#include "app/runtime.hpp"

#include <filesystem>

#include "storage/file_blob_store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace hd::app {

service::Options ServiceOptions(const Config& config) {
  service::Options o;
  o.max_attachment_bytes = config.max_attachment_bytes;
  o.session_ttl = std::chrono::hours(config.session_ttl_hours);
  o.login_max_failures = config.login_max_failures;
  o.login_failure_window = std::chrono::seconds(config.login_failure_window_seconds);
  o.password_hash_concurrency = config.password_hash_concurrency;
  o.password_mem_limit = config.password_hash_memory_kib * 1024;
  return o;
}

Result<std::unique_ptr<Runtime>> OpenRuntime(const Config& config) {
  const std::string url = config.DatabaseUrl();
  const std::string prefix = "sqlite:";
  if (url.rfind(prefix, 0) != 0) {
    return Error::InvalidArgument("unsupported database URL " + url + "; use sqlite:PATH",
                                  "database");
  }
  std::error_code ec;
  std::filesystem::create_directories(config.data_dir, ec);
  if (ec) {
    return Error::Unavailable("cannot create the data folder " + config.data_dir + ": " +
                              ec.message());
  }
  auto runtime = std::make_unique<Runtime>();
  storage::SqliteOptions options;
  options.path = url.substr(prefix.size());
  options.reader_pool_size = static_cast<std::size_t>(config.reader_pool);
  options.busy_timeout_ms = config.busy_timeout_ms;
  options.max_batch_size = static_cast<std::size_t>(config.max_batch);
  HD_ASSIGN_OR_RETURN(runtime->store, storage::SqliteStore::Open(options));
  runtime->blobs = std::make_unique<storage::FileBlobStore>(
      (std::filesystem::path(config.data_dir) / "blobs").string());
  runtime->services = std::make_unique<service::Services>(*runtime->store, *runtime->blobs,
                                                          runtime->clock, ServiceOptions(config));
  return runtime;
}

}  // namespace hd::app
