// The SLA job's scan on a real SQLite database: SlaRepo::ClaimDueAlerts over
// one million open tickets, 1 % of them due for a warning or breach.
//
// Setup (not timed): SqliteStore::Open creates the schema through the real
// migrations and one customer and one level version are written through the
// repositories; the store is closed and the million tickets and their SLA
// clocks are inserted by plain SQL in one transaction (a few seconds), then
// the store is opened again. Each ticket's next alert instant is spread one
// second apart around kNow in a scrambled order, so that exactly kDue of them
// are at or before kNow.
//
// Timed: one store.Write() as SlaMonitor::RunOnce makes it, around the query
// alone (no alerts are raised, so every iteration finds the same tickets).
// Times are wall-clock: the query runs on the store's writer thread.
//
// The database lives in a fresh folder under $HD_BENCH_DIR (default /tmp).
#include <benchmark/benchmark.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "bench_dir.hpp"
#include "core/ports/store.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

using hd::core::ports::Tx;

constexpr std::int64_t kTickets = 1'000'000;
constexpr std::int64_t kDue = kTickets / 100;
constexpr std::int64_t kNowMs = 1'767'225'600'000;  // 2026-01-01T00:00:00Z
const hd::core::Timestamp kNow = hd::core::FromUnixMillis(kNowMs);
constexpr int kJobBatch = 200;  // the batch of jobs::SlaJob

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "sla scan bench: %s\n", what.c_str());
  std::abort();
}

std::unique_ptr<hd::storage::SqliteStore> OpenStore(const std::string& path) {
  hd::storage::SqliteOptions options;
  options.path = path;
  auto store = hd::storage::SqliteStore::Open(options);
  if (!store.ok()) Fail("open: " + store.error().message);
  return std::move(store).value();
}

// The rows the million tickets refer to, through the repositories.
void WriteReferences(hd::storage::SqliteStore& store) {
  auto s = store.Write([](Tx& tx) -> hd::Status {
    hd::core::User customer;
    customer.email = "bench@example.com";
    customer.password_hash = "x";
    customer.created_at = kNow;
    HD_RETURN_IF_ERROR(tx.Users().Insert(customer));
    hd::core::SlaLevelVersion level;
    level.level_id = "client_standard";
    level.title = "Client, standard";
    level.first_response_s = 6 * 3600;
    level.calendar = "ru-business";
    level.source = "file";
    level.fingerprint = "bench";
    level.created_at = kNow;
    HD_RETURN_IF_ERROR(tx.Sla().InsertLevelVersion(level));
    return hd::Ok();
  });
  if (!s.ok()) Fail("references: " + s.error().message);
}

void Exec(sqlite3* db, const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    Fail(message + " in: " + sql);
  }
}

// Ticket i sits at position p = i * 7919 mod kTickets (a permutation, 7919
// being prime to 10^6); its warning is due at kNow + (p - kDue + 1) seconds
// and its first response 72 minutes later (a 6 h target warned at 80 %).
void FillTickets(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) Fail("sqlite3_open " + path);
  const std::string n = std::to_string(kTickets);
  const std::string alert = "(" + std::to_string(kNowMs) + " + ((id * 7919) % " + n + " - " +
                            std::to_string(kDue - 1) + ") * 1000)";
  Exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=OFF; BEGIN");
  Exec(db,
       "WITH RECURSIVE seq(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM seq WHERE id < " + n +
           ") INSERT INTO tickets (id, number, subject, status, criticality, support_level, "
           "initiator_id, tier, channel, version, created_at, updated_at, sla_due) SELECT id, id, "
           "'The printer on the third floor jams', 'open', 'normal', 'client_standard', 1, 1, "
           "'web', 1, " +
           std::to_string(kNowMs) + ", " + std::to_string(kNowMs) + ", " + alert +
           " + 4320000 FROM seq");
  Exec(db,
       "INSERT INTO ticket_sla (ticket_id, level_id, level_version_id, level_reason, calendar, "
       "started_at, first_response_due, next_target, next_due, next_alert_at, updated_at) SELECT "
       "id, 'client_standard', 1, 'active licence', 'ru-business', created_at, sla_due, "
       "'first_response', sla_due, sla_due - 4320000, created_at FROM tickets");
  Exec(db, "COMMIT");
  sqlite3_close(db);
}

struct Bench {
  std::string dir;
  std::unique_ptr<hd::storage::SqliteStore> store;
};

Bench& Shared() {
  static Bench bench;
  static std::once_flag opened;
  std::call_once(opened, [] {
    bench.dir = hd::bench::MakeBenchDir();
    const std::string path = bench.dir + "/helpdesk.db";
    WriteReferences(*OpenStore(path));
    FillTickets(path);
    bench.store = OpenStore(path);
    std::atexit([] {
      bench.store.reset();
      std::error_code ec;
      std::filesystem::remove_all(bench.dir, ec);
    });
  });
  return bench;
}

// One ClaimDueAlerts(at, limit) in a write transaction, as the job runs it;
// state.range(0) is the limit, `at` shifts kNow by state.range(1) seconds.
void ClaimDue(benchmark::State& state, std::int64_t expected) {
  Bench& bench = Shared();
  const auto at = kNow + std::chrono::seconds(state.range(1));
  const int limit = static_cast<int>(state.range(0));
  std::size_t found = 0;
  for (auto _ : state) {
    auto s = bench.store->Write([&](Tx& tx) -> hd::Status {
      HD_ASSIGN_OR_RETURN(auto due, tx.Sla().ClaimDueAlerts(at, limit));
      found = due.size();
      return hd::Ok();
    });
    if (!s.ok()) state.SkipWithError(s.error().message.c_str());
  }
  if (static_cast<std::int64_t>(found) != expected) state.SkipWithError("wrong number found");
  state.counters["found"] = static_cast<double>(found);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(found));
}

// One pass of the job: the first batch of due tickets.
void BM_SlaJobClaimBatch(benchmark::State& state) { ClaimDue(state, kJobBatch); }

// Every due ticket (1 % of the million) in one query.
void BM_SlaJobFindAllDue(benchmark::State& state) { ClaimDue(state, kDue); }

// Nothing due yet: the job's idle pass.
void BM_SlaJobNothingDue(benchmark::State& state) { ClaimDue(state, 0); }

// For comparison: the same condition read without any index, by plain SQL on
// a connection of its own.
void BM_FullScanForComparison(benchmark::State& state) {
  Bench& bench = Shared();
  sqlite3* db = nullptr;
  if (sqlite3_open_v2((bench.dir + "/helpdesk.db").c_str(), &db, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK) {
    Fail("sqlite3_open_v2");
  }
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM ticket_sla NOT INDEXED WHERE next_alert_at <= ?",
                         -1, &stmt, nullptr) != SQLITE_OK) {
    Fail(sqlite3_errmsg(db));
  }
  std::int64_t found = 0;
  for (auto _ : state) {
    sqlite3_bind_int64(stmt, 1, kNowMs);
    if (sqlite3_step(stmt) == SQLITE_ROW) found = sqlite3_column_int64(stmt, 0);
    sqlite3_reset(stmt);
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  if (found != kDue) state.SkipWithError("wrong number found");
  state.counters["found"] = static_cast<double>(found);
}

BENCHMARK(BM_SlaJobClaimBatch)->Args({kJobBatch, 0})->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_SlaJobFindAllDue)->Args({kTickets, 0})->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_SlaJobNothingDue)
    ->Args({kJobBatch, -kDue})
    ->Unit(benchmark::kMicrosecond)
    ->UseRealTime();
BENCHMARK(BM_FullScanForComparison)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
