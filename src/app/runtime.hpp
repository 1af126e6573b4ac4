// Runtime: the concrete objects behind the ports (store, blob store, clock)
// and the use cases built on them, for one command invocation. The only
// place that names concrete storage classes. Not copyable; destroyed in
// reverse order so the store drains its writes before it closes.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "app/config.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/ports/store.hpp"
#include "service/options.hpp"
#include "service/services.hpp"

namespace hd::app {

class SystemClock final : public core::Clock {
 public:
  core::Timestamp Now() const override;
};

struct Runtime {
  std::unique_ptr<core::ports::Store> store;
  std::unique_ptr<core::ports::BlobStore> files;  // blobs/ folder: what the database does not keep
  std::unique_ptr<core::ports::BlobStore> blobs;
  SystemClock clock;
  std::unique_ptr<service::Services> services;
};

// The use-case options the configuration asks for.
service::Options ServiceOptions(const Config& config);

// Opens the database named by the configuration (applying migrations), the
// attachment store and the use cases. kInvalidArgument for an unsupported
// database URL; kUnavailable when the database cannot be opened.
Result<std::unique_ptr<Runtime>> OpenRuntime(const Config& config);

// True for a PostgreSQL URL (postgresql:// or postgres://).
bool IsPostgresUrl(std::string_view url);

// Connections a PostgreSQL store opens at most per instance
// (storage.postgres_pool; reads and writes share them).
std::size_t PostgresPoolSize(const Config& config);

// Opens the store the configured database URL names (sqlite:PATH,
// postgresql://…), applying migrations. kInvalidArgument for another URL;
// kUnavailable when the database cannot be opened or reached.
Result<std::unique_ptr<core::ports::Store>> OpenStore(const Config& config);

// Applies the business defaults under config.config_dir (groups and
// categories) idempotently, by key.
Status LoadDirectoryDefaults(const Config& config, Runtime& runtime);

}  // namespace hd::app
