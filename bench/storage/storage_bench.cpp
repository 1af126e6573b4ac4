// Durable write transactions per second through SqliteStore::Write.
//
// Every iteration is one Write() that returns only after its commit is on
// disk (WAL, synchronous=FULL). With one writer thread each transaction pays
// its own fsync; with 16 or 64 concurrent writers the group commit shares
// one fsync among every request queued meanwhile, which is the point.
//
// The database lives in a fresh folder under $HD_BENCH_DIR (default /tmp):
// point it at the disk you want to measure.
#include <benchmark/benchmark.h>
#include <stdlib.h>

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

const hd::core::Timestamp kNow = hd::core::FromUnixMillis(1'767'225'600'000);

struct Bench {
  std::string dir;
  std::unique_ptr<hd::storage::SqliteStore> store;
  hd::core::User customer;
};

Bench& Shared() {
  static Bench bench;
  static std::once_flag opened;
  std::call_once(opened, [] {
    bench.dir = hd::bench::MakeBenchDir();
    hd::storage::SqliteOptions options;
    options.path = bench.dir + "/helpdesk.db";
    auto store = hd::storage::SqliteStore::Open(options);
    if (!store.ok()) {
      std::fprintf(stderr, "open: %s\n", store.error().message.c_str());
      std::abort();
    }
    bench.store = std::move(store).value();
    bench.customer.email = "bench@example.com";
    bench.customer.password_hash = "x";
    bench.customer.created_at = kNow;
    auto s = bench.store->Write([](Tx& tx) -> hd::Status {
      HD_ASSIGN_OR_RETURN(bench.customer, tx.Users().Insert(bench.customer));
      return hd::Ok();
    });
    if (!s.ok()) std::abort();
    std::atexit([] {
      bench.store.reset();
      std::error_code ec;
      std::filesystem::remove_all(bench.dir, ec);
    });
  });
  return bench;
}

hd::core::Ticket NewTicket(const hd::core::User& customer) {
  hd::core::Ticket t;
  t.subject = "The printer on the third floor jams";
  t.initiator_id = customer.id;
  t.steps = "Print any page";
  t.expected = "A printed page";
  t.actual = "Paper jam, error E42";
  t.created_at = t.updated_at = kNow;
  return t;
}

// Reports how many requests shared each commit during the run.
class BatchCounter {
 public:
  explicit BatchCounter(benchmark::State& state) : state_(state) {
    if (state.thread_index() == 0) start_ = Shared().store->write_stats();
  }
  ~BatchCounter() {
    if (state_.thread_index() != 0) return;
    const auto end = Shared().store->write_stats();
    const auto commits = static_cast<double>(end.commits - start_.commits);
    if (commits > 0) {
      state_.counters["per_commit"] = static_cast<double>(end.requests - start_.requests) / commits;
    }
  }

 private:
  benchmark::State& state_;
  hd::storage::SqliteWriteStats start_;
};

// One transaction: one ticket row.
void BM_InsertTicket(benchmark::State& state) {
  Bench& bench = Shared();
  BatchCounter batches(state);
  for (auto _ : state) {
    auto s = bench.store->Write([&](Tx& tx) -> hd::Status {
      HD_RETURN_IF_ERROR(tx.Tickets().Insert(NewTicket(bench.customer)));
      return hd::Ok();
    });
    if (!s.ok()) state.SkipWithError(s.error().message.c_str());
  }
  state.SetItemsProcessed(state.iterations());
}

// One transaction as ticket creation writes it: the ticket, its "created"
// event and the first message.
void BM_CreateTicketWithHistory(benchmark::State& state) {
  Bench& bench = Shared();
  BatchCounter batches(state);
  for (auto _ : state) {
    auto s = bench.store->Write([&](Tx& tx) -> hd::Status {
      HD_ASSIGN_OR_RETURN(auto t, tx.Tickets().Insert(NewTicket(bench.customer)));
      hd::core::Event e;
      e.ticket_id = t.id;
      e.actor_id = bench.customer.id;
      e.at = kNow;
      e.new_value = t.subject;
      HD_RETURN_IF_ERROR(tx.Events().Append(e));
      hd::core::Message m{{}, t.id, bench.customer.id, "It jams again.", false, "web", kNow, {}};
      HD_RETURN_IF_ERROR(tx.Messages().Insert(std::move(m)));
      return hd::Ok();
    });
    if (!s.ok()) state.SkipWithError(s.error().message.c_str());
  }
  state.SetItemsProcessed(state.iterations());
}

BENCHMARK(BM_InsertTicket)->Threads(1)->Threads(16)->Threads(64)->UseRealTime();
BENCHMARK(BM_CreateTicketWithHistory)->Threads(1)->Threads(16)->Threads(64)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
