#include "sla/working_index.hpp"

#include <gtest/gtest.h>

#include <random>

namespace hd::sla {
namespace {

struct Span {
  std::int64_t begin;
  std::int64_t end;
};

// Spans of uneven lengths and gaps, so buckets hold zero to many spans.
std::vector<Span> RandomSpans(std::mt19937_64& rng, int count) {
  std::vector<Span> spans;
  std::int64_t t = std::uniform_int_distribution<std::int64_t>(-5000, 5000)(rng);
  for (int i = 0; i < count; ++i) {
    t += std::uniform_int_distribution<int>(0, 3)(rng) == 0
             ? std::uniform_int_distribution<std::int64_t>(1, 100000)(rng)
             : std::uniform_int_distribution<std::int64_t>(1, 50)(rng);
    const std::int64_t len = std::uniform_int_distribution<std::int64_t>(1, 2000)(rng);
    spans.push_back({t, t + len});
    t += len;
  }
  return spans;
}

std::int64_t BruteWorkedBefore(const std::vector<Span>& spans, std::int64_t t) {
  std::int64_t sum = 0;
  for (const Span& s : spans) sum += std::max<std::int64_t>(0, std::min(t, s.end) - s.begin);
  return sum;
}

TEST(WorkingIndex, BucketedLookupsAgreeWithLinearSums) {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 20; ++round) {
    const auto spans = RandomSpans(rng, std::uniform_int_distribution<int>(1, 300)(rng));
    WorkingIndex index;
    for (const Span& s : spans) index.Append(s.begin, s.end);
    index.Finish();
    const std::int64_t first = spans.front().begin - 100;
    const std::int64_t last = spans.back().end + 100;
    for (int i = 0; i < 2000; ++i) {
      const std::int64_t t = std::uniform_int_distribution<std::int64_t>(first, last)(rng);
      ASSERT_EQ(index.WorkedBefore(t), BruteWorkedBefore(spans, t)) << "t=" << t;
      const std::int64_t amount =
          std::uniform_int_distribution<std::int64_t>(1, index.Total())(rng);
      const std::int64_t when = index.InstantWhenWorked(amount);
      ASSERT_EQ(BruteWorkedBefore(spans, when), amount) << "amount=" << amount;
      ASSERT_LT(BruteWorkedBefore(spans, when - 1), amount) << "amount=" << amount;
    }
  }
}

TEST(WorkingIndex, TouchingSpansMergeAndWorkEndingAtCloseIsDueAtClose) {
  WorkingIndex index;
  index.Append(0, 10);
  index.Append(10, 20);
  index.Append(30, 40);
  index.Finish();
  EXPECT_EQ(index.size(), 2u);
  EXPECT_EQ(index.InstantWhenWorked(20), 20);
  EXPECT_EQ(index.InstantWhenWorked(21), 31);
  EXPECT_EQ(index.WorkedBefore(25), 20);
  EXPECT_EQ(index.WorkedBefore(1000), 30);
}

}  // namespace
}  // namespace hd::sla
