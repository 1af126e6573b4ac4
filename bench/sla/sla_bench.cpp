// Benchmarks of the SLA arithmetic (docs/benchmarks.md, "SLA arithmetic").
#include <benchmark/benchmark.h>

#include <random>
#include <vector>

#include "sla/test_calendars.hpp"
#include "sla/working_time.hpp"

namespace hd::sla {
namespace {

using std::chrono::seconds;

constexpr std::size_t kSamples = 1 << 16;

struct DueInput {
  Instant start;
  seconds work;
};

// Starts anywhere in 2023-2025 (UTC), durations up to a year of ru-business
// working time (247 days x 9 h), so every due instant lies inside the data.
std::vector<DueInput> RandomInputs(std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  const Instant from = test_support::T("2023-01-01T00:00:00Z");
  std::uniform_int_distribution<std::int64_t> start(0, std::int64_t{3} * 365 * 86400);
  std::uniform_int_distribution<std::int64_t> work(1, std::int64_t{247} * 9 * 3600);
  std::vector<DueInput> inputs(kSamples);
  for (auto& in : inputs) in = {from + seconds{start(rng)}, seconds{work(rng)}};
  return inputs;
}

void BM_DueAtRuBusiness(benchmark::State& state) {
  const Calendar& cal = test_support::NamedCalendar("ru-business");
  const auto inputs = RandomInputs(1);
  std::size_t i = 0;
  for (auto _ : state) {
    const DueInput& in = inputs[i++ & (kSamples - 1)];
    auto due = DueAt(cal, in.start, in.work);
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DueAtRuBusiness);

void BM_DueAtRuBusinessWithTwoPauses(benchmark::State& state) {
  const Calendar& cal = test_support::NamedCalendar("ru-business");
  const auto inputs = RandomInputs(2);
  std::size_t i = 0;
  for (auto _ : state) {
    const DueInput& in = inputs[i++ & (kSamples - 1)];
    const Interval pauses[] = {{in.start + seconds{3600}, in.start + seconds{7200}},
                               {in.start + seconds{86400}, in.start + seconds{2 * 86400}}};
    auto due = DueAt(cal, in.start, in.work, pauses);
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_DueAtRuBusinessWithTwoPauses);

void BM_WorkingSecondsRuBusiness(benchmark::State& state) {
  const Calendar& cal = test_support::NamedCalendar("ru-business");
  const auto inputs = RandomInputs(3);
  std::size_t i = 0;
  for (auto _ : state) {
    const DueInput& in = inputs[i++ & (kSamples - 1)];
    auto worked = WorkingSeconds(cal, in.start, in.start + in.work);
    benchmark::DoNotOptimize(worked);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WorkingSecondsRuBusiness);

// One million open tickets, each with its due and warning instants (the
// ticket stores them; warning at 80 % of a 6 h target).
struct OpenTickets {
  std::vector<std::int64_t> due;
  std::vector<std::int64_t> warn;
  std::vector<Instant> start;
};

const OpenTickets& MillionTickets() {
  static const OpenTickets tickets = [] {
    const Calendar& cal = test_support::NamedCalendar("ru-business");
    std::mt19937_64 rng(4);
    const Instant from = test_support::T("2025-01-01T00:00:00Z");
    std::uniform_int_distribution<std::int64_t> start(0, std::int64_t{300} * 86400);
    OpenTickets t;
    for (int i = 0; i < 1'000'000; ++i) {
      const Instant s = from + seconds{start(rng)};
      t.start.push_back(s);
      t.due.push_back(DueAt(cal, s, seconds{6 * 3600})->time_since_epoch().count());
      t.warn.push_back(DueAt(cal, s, seconds{6 * 3600 * 8 / 10})->time_since_epoch().count());
    }
    return t;
  }();
  return tickets;
}

// Finds the breached and the warning tickets from their stored instants.
void BM_BreachScanMillionTickets(benchmark::State& state) {
  const OpenTickets& t = MillionTickets();
  const std::int64_t now = test_support::T("2025-06-15T12:00:00Z").time_since_epoch().count();
  std::vector<std::uint32_t> breached, warning;
  breached.reserve(t.due.size());
  warning.reserve(t.due.size());
  for (auto _ : state) {
    breached.clear();
    warning.clear();
    for (std::uint32_t i = 0; i < t.due.size(); ++i) {
      if (t.due[i] <= now) {
        breached.push_back(i);
      } else if (t.warn[i] <= now) {
        warning.push_back(i);
      }
    }
    benchmark::DoNotOptimize(breached.data());
    benchmark::DoNotOptimize(warning.data());
  }
  state.counters["breached"] = static_cast<double>(breached.size());
  state.counters["warning"] = static_cast<double>(warning.size());
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.due.size()));
}
BENCHMARK(BM_BreachScanMillionTickets)->Unit(benchmark::kMillisecond);

// The same scan recomputing each ticket's elapsed working time on the
// calendar (what a scan without stored instants would cost).
void BM_BreachScanMillionTicketsByWorkingTime(benchmark::State& state) {
  const OpenTickets& t = MillionTickets();
  const Calendar& cal = test_support::NamedCalendar("ru-business");
  const Instant now = test_support::T("2025-06-15T12:00:00Z");
  std::size_t breached = 0, warning = 0;
  for (auto _ : state) {
    breached = warning = 0;
    for (std::size_t i = 0; i < t.start.size(); ++i) {
      const auto worked = WorkingSeconds(cal, std::min(t.start[i], now), now);
      if (!worked.ok()) continue;
      if (worked->count() >= 6 * 3600) {
        ++breached;
      } else if (worked->count() >= 6 * 3600 * 8 / 10) {
        ++warning;
      }
    }
    benchmark::DoNotOptimize(breached);
  }
  state.counters["breached"] = static_cast<double>(breached);
  state.counters["warning"] = static_cast<double>(warning);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(t.start.size()));
}
BENCHMARK(BM_BreachScanMillionTicketsByWorkingTime)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hd::sla

BENCHMARK_MAIN();
