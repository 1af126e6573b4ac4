// Test helpers for the PostgreSQL driver: the server named by the
// HD_TEST_POSTGRES_URL environment variable (scripts/pg-cluster prints one)
// and a fresh, empty database on it per test, dropped afterwards, so tests
// never see each other's rows. Without the variable the PostgreSQL tests
// skip themselves.
#pragma once

#include <gtest/gtest.h>
#include <sodium.h>

#include <cstdlib>
#include <memory>
#include <string>

#include "storage/postgres/pg_connection.hpp"

namespace hd::storage::testing {

// The server URL for tests, or "" when none is configured.
inline std::string PostgresTestUrl() {
  const char* url = std::getenv("HD_TEST_POSTGRES_URL");
  return url != nullptr ? url : "";
}

// `url` with its database name replaced by `database`.
inline std::string WithDatabase(const std::string& url, const std::string& database) {
  const std::size_t scheme = url.find("://");
  const std::size_t path = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  const std::size_t query = url.find('?');
  const std::string params = query == std::string::npos ? "" : url.substr(query);
  return url.substr(0, path) + "/" + database + params;
}

// A database created for one test and dropped (closing its sessions) when
// the object goes away.
class PostgresTestDatabase {
 public:
  PostgresTestDatabase() {
    if (sodium_init() < 0) ADD_FAILURE() << "sodium_init failed";
    name_ = "hd_test_" + std::to_string(randombytes_random()) + "_" +
            std::to_string(randombytes_random());
    auto admin = PostgresConnection::Open({PostgresTestUrl()});
    if (!admin.ok()) {
      ADD_FAILURE() << admin.error().message;
      return;
    }
    auto created = (*admin)->Exec("CREATE DATABASE " + name_);
    if (!created.ok()) ADD_FAILURE() << created.error().message;
  }
  ~PostgresTestDatabase() {
    auto admin = PostgresConnection::Open({PostgresTestUrl()});
    if (admin.ok()) (void)(*admin)->Exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  PostgresTestDatabase(const PostgresTestDatabase&) = delete;
  PostgresTestDatabase& operator=(const PostgresTestDatabase&) = delete;

  const std::string& name() const { return name_; }
  std::string url() const { return WithDatabase(PostgresTestUrl(), name_); }

 private:
  std::string name_;
};

}  // namespace hd::storage::testing
