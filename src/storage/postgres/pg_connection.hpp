// PostgresConnection: the PostgreSQL driver behind storage::Connection, on
// libpq.
//
// Owns one PGconn and the server-side prepared statements made on it: each
// distinct SQL text is rewritten from `?` to `$n` placeholders, prepared once
// (named hd1, hd2 …) and reused by text. Parameters are sent as text (blobs
// as binary) and the server infers their types from the statement; results
// come back as text and are parsed on access. A statement runs on its first
// Step() and holds its whole result set. libpq-fe.h stays in the .cpp.
//
// Errors are translated by SQLSTATE: 23505 (unique violation) is kConflict;
// a lost connection, class 08, 53 (insufficient resources), 57P01..57P03
// (shutdown, cannot connect now), 40001/40P01 (serialization failure,
// deadlock), 55P03 (lock not available) and 57014 (cancelled) are
// kUnavailable; anything else kInternal. The connection remembers the
// SQLSTATE of the first failure since ClearFailure(), so the store can tell a
// retryable transaction from a failed one even when the caller rewrapped
// the error.
//
// Thread behaviour: like every Connection, used by one thread at a time.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"
#include "storage/database.hpp"

namespace hd::storage {

struct PostgresConnectionOptions {
  // A libpq connection URI (postgresql://user@host:port/db) or key=value string.
  std::string url;
  // How long opening the connection may take before kUnavailable, in seconds.
  // Default 5; a connect_timeout in the URL wins.
  int connect_timeout_seconds = 5;
};

class PostgresConnection final : public Connection {
 public:
  // Connects. kUnavailable when the server cannot be reached or refuses the
  // connection; kInvalidArgument for a malformed URL.
  static Result<std::unique_ptr<PostgresConnection>> Open(const PostgresConnectionOptions& options);

  ~PostgresConnection() override;
  PostgresConnection(const PostgresConnection&) = delete;
  PostgresConnection& operator=(const PostgresConnection&) = delete;

  Dialect dialect() const override { return Dialect::kPostgres; }
  Result<PreparedStatement> Prepare(std::string_view sql) override;
  Status Exec(std::string_view sql) override;

  // False once the connection to the server is known to be lost (checked
  // without a round trip); such a connection is only good for discarding.
  bool Healthy();

  // True while a transaction block is open (also when it is aborted).
  bool InTransaction() const;

  // The SQLSTATE of the first failed call since the last ClearFailure(), or
  // "" when none failed. A lost connection reads "08006".
  const std::string& first_failure() const;
  void ClearFailure();

 private:
  struct Impl;
  explicit PostgresConnection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The hd::Error for a SQLSTATE (see the header comment); exposed for tests.
Error TranslatePostgresError(std::string_view sqlstate, std::string message);

// True for the SQLSTATEs after which rerunning the whole transaction may
// succeed: serialization failure (40001) and deadlock (40P01).
bool IsRetryableSqlState(std::string_view sqlstate);

}  // namespace hd::storage
