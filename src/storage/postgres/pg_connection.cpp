#include "storage/postgres/pg_connection.hpp"

#include <libpq-fe.h>

#include <cstdlib>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hd::storage {

namespace {

constexpr unsigned kByteaOid = 17;
constexpr std::string_view kConnectionLost = "08006";

struct ConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
struct ResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ConnHandle = std::unique_ptr<PGconn, ConnCloser>;
using ResultHandle = std::unique_ptr<PGresult, ResultClearer>;

void IgnoreNotice(void*, const char*) {}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string FirstLine(const char* text) {
  std::string s = text != nullptr ? text : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

// What statements and the connection share: the handle and the failure
// record.
struct PgSession {
  ConnHandle conn;
  std::string first_failure;

  // Checks a finished command; records and translates a failure.
  Status Check(const PGresult* result, std::string_view what) {
    const ExecStatusType st = result != nullptr ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return Ok();
    const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    std::string sqlstate = state != nullptr ? state : "";
    if (PQstatus(conn.get()) == CONNECTION_BAD || sqlstate.empty()) {
      sqlstate = std::string(kConnectionLost);
    }
    if (first_failure.empty()) first_failure = sqlstate;
    const char* detail =
        result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn.get());
    return TranslatePostgresError(
        sqlstate, std::string(what) + ": " + FirstLine(detail) + " (SQLSTATE " + sqlstate + ")");
  }
};

class PgStatement final : public Statement {
 public:
  // `name` empty: an unprepared statement run with `sql` each time.
  PgStatement(PgSession& session, std::string name, std::string sql)
      : session_(session), name_(std::move(name)), sql_(std::move(sql)) {}

  void BindInt(int i, std::int64_t v) override { Set(i, std::to_string(v), 0); }
  void BindDouble(int i, double v) override { Set(i, std::to_string(v), 0); }
  void BindText(int i, std::string_view v) override { Set(i, std::string(v), 0); }
  void BindBlob(int i, std::string_view v) override { Set(i, std::string(v), 1); }
  void BindNull(int i) override {
    Set(i, {}, 0);
    nulls_[static_cast<std::size_t>(i - 1)] = true;
  }

  Result<bool> Step() override {
    if (!result_) HD_RETURN_IF_ERROR(Execute());
    ++row_;
    return row_ < PQntuples(result_.get());
  }

  bool IsNull(int c) const override { return PQgetisnull(result_.get(), row_, c) != 0; }
  std::int64_t ColumnInt(int c) const override {
    const char* v = PQgetvalue(result_.get(), row_, c);
    if (v[0] == 't') return 1;  // a boolean column
    return std::strtoll(v, nullptr, 10);
  }
  double ColumnDouble(int c) const override {
    return std::strtod(PQgetvalue(result_.get(), row_, c), nullptr);
  }
  std::string ColumnText(int c) const override {
    return std::string(PQgetvalue(result_.get(), row_, c),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row_, c)));
  }
  std::string ColumnBlob(int c) const override;
  std::int64_t ChangedRows() const override { return changes_; }

  void Reset() override {
    result_.reset();
    values_.clear();
    nulls_.clear();
    formats_.clear();
    row_ = -1;
    changes_ = 0;
  }

 private:
  void Set(int i, std::string value, int format) {
    const auto at = static_cast<std::size_t>(i - 1);
    if (values_.size() <= at) {
      values_.resize(at + 1);
      nulls_.resize(at + 1, true);  // a gap stays NULL
      formats_.resize(at + 1, 0);
    }
    values_[at] = std::move(value);
    nulls_[at] = false;
    formats_[at] = format;
  }

  Status Execute();

  PgSession& session_;
  std::string name_;
  std::string sql_;
  std::vector<std::string> values_;
  std::vector<bool> nulls_;
  std::vector<int> formats_;
  ResultHandle result_;
  int row_ = -1;
  std::int64_t changes_ = 0;
};

Status PgStatement::Execute() {
  const int n = static_cast<int>(values_.size());
  std::vector<const char*> values(values_.size());
  std::vector<int> lengths(values_.size());
  for (std::size_t i = 0; i < values_.size(); ++i) {
    values[i] = nulls_[i] ? nullptr : values_[i].c_str();
    lengths[i] = static_cast<int>(values_[i].size());
  }
  PGconn* conn = session_.conn.get();
  result_.reset(name_.empty() ? PQexecParams(conn, sql_.c_str(), n, nullptr, values.data(),
                                             lengths.data(), formats_.data(), 0)
                              : PQexecPrepared(conn, name_.c_str(), n, values.data(),
                                               lengths.data(), formats_.data(), 0));
  Status s = session_.Check(result_.get(), "execute");
  if (!s.ok()) {
    result_.reset();
    return s;
  }
  const char* tuples = PQcmdTuples(result_.get());
  changes_ = tuples[0] != '\0' ? std::strtoll(tuples, nullptr, 10) : 0;
  return Ok();
}

std::string PgStatement::ColumnBlob(int c) const {
  if (PQftype(result_.get(), c) != kByteaOid) return ColumnText(c);
  std::size_t size = 0;
  unsigned char* bytes = PQunescapeBytea(
      reinterpret_cast<const unsigned char*>(PQgetvalue(result_.get(), row_, c)), &size);
  if (bytes == nullptr) return {};
  std::string out(reinterpret_cast<const char*>(bytes), size);
  PQfreemem(bytes);
  return out;
}

struct CacheSlot {
  std::unique_ptr<PgStatement> stmt;
  bool in_use = false;
};

}  // namespace

bool IsRetryableSqlState(std::string_view sqlstate) {
  return sqlstate == "40001" || sqlstate == "40P01";
}

Error TranslatePostgresError(std::string_view sqlstate, std::string message) {
  if (sqlstate == "23505") return Error::Conflict(std::move(message), "duplicate");
  if (StartsWith(sqlstate, "08") || StartsWith(sqlstate, "53") || sqlstate == "57P01" ||
      sqlstate == "57P02" || sqlstate == "57P03" || sqlstate == "57014" || sqlstate == "55P03" ||
      IsRetryableSqlState(sqlstate)) {
    return Error::Unavailable(std::move(message));
  }
  return Error::Internal(std::move(message));
}

struct PostgresConnection::Impl {
  PgSession session;
  std::unordered_map<std::string, CacheSlot> cache;
  int next_name = 1;

  Result<std::unique_ptr<PgStatement>> Compile(const std::string& sql) {
    std::string name = "hd" + std::to_string(next_name++);
    ResultHandle result(PQprepare(session.conn.get(), name.c_str(), sql.c_str(), 0, nullptr));
    HD_RETURN_IF_ERROR(session.Check(result.get(), "prepare"));
    return std::make_unique<PgStatement>(session, std::move(name), sql);
  }
};

PostgresConnection::PostgresConnection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PostgresConnection::~PostgresConnection() = default;

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::Open(
    const PostgresConnectionOptions& options) {
  const std::string timeout = std::to_string(options.connect_timeout_seconds);
  // Later entries override the URL's, earlier ones are overridden by it.
  const char* keys[] = {"connect_timeout", "application_name", "dbname", nullptr};
  const char* values[] = {timeout.c_str(), "helpdesk", options.url.c_str(), nullptr};
  ConnHandle conn(PQconnectdbParams(keys, values, 1));
  if (conn == nullptr) return Error::Unavailable("postgres: out of memory");
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    const std::string detail = FirstLine(PQerrorMessage(conn.get()));
    if (detail.find("invalid") != std::string::npos) {
      return Error::InvalidArgument("postgres URL: " + detail, "database");
    }
    return Error::Unavailable("cannot connect to PostgreSQL: " + detail);
  }
  PQsetNoticeProcessor(conn.get(), IgnoreNotice, nullptr);
  auto impl = std::make_unique<Impl>();
  impl->session.conn = std::move(conn);
  std::unique_ptr<PostgresConnection> pg(new PostgresConnection(std::move(impl)));
  // Times are unix milliseconds; the session zone only matters to humans.
  HD_RETURN_IF_ERROR(pg->Exec("SET TIME ZONE 'UTC'"));
  return pg;
}

Result<PreparedStatement> PostgresConnection::Prepare(std::string_view sql) {
  const std::string key(sql);
  auto it = impl_->cache.find(key);
  if (it != impl_->cache.end() && !it->second.in_use) {
    it->second.in_use = true;
    return PreparedStatement(it->second.stmt.get(), nullptr, &it->second.in_use);
  }
  std::string rewritten = RewritePlaceholders(sql, Dialect::kPostgres);
  if (it != impl_->cache.end()) {
    // The cached statement is stepping in an outer loop: run this one unnamed.
    return PreparedStatement(
        nullptr, std::make_unique<PgStatement>(impl_->session, "", std::move(rewritten)), nullptr);
  }
  HD_ASSIGN_OR_RETURN(auto stmt, impl_->Compile(rewritten));
  auto& slot = impl_->cache[key];
  slot.stmt = std::move(stmt);
  slot.in_use = true;
  return PreparedStatement(slot.stmt.get(), nullptr, &slot.in_use);
}

Status PostgresConnection::Exec(std::string_view sql) {
  ResultHandle result(PQexec(impl_->session.conn.get(), std::string(sql).c_str()));
  return impl_->session.Check(result.get(), "exec");
}

bool PostgresConnection::Healthy() {
  PGconn* conn = impl_->session.conn.get();
  // Reads what the server may have sent while idle (a termination notice,
  // a closed socket) without waiting.
  if (PQstatus(conn) == CONNECTION_OK) (void)PQconsumeInput(conn);
  return PQstatus(conn) == CONNECTION_OK;
}

bool PostgresConnection::InTransaction() const {
  const PGTransactionStatusType st = PQtransactionStatus(impl_->session.conn.get());
  return st == PQTRANS_INTRANS || st == PQTRANS_INERROR || st == PQTRANS_ACTIVE;
}

const std::string& PostgresConnection::first_failure() const {
  return impl_->session.first_failure;
}

void PostgresConnection::ClearFailure() { impl_->session.first_failure.clear(); }

}  // namespace hd::storage
