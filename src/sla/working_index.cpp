#include "sla/working_index.hpp"

#include <algorithm>
#include <cassert>

namespace hd::sla {

namespace {

// Number of elements of the sorted `v` that are <= x (strict: < x). A
// branchless binary search: the loop has no data-dependent branch, so random
// lookups do not pay for mispredictions.
template <bool kStrict>
std::size_t CountUpTo(const std::int64_t* first, std::size_t n, std::int64_t x) {
  const std::int64_t* base = first;
  if (n == 0) return 0;
  while (n > 1) {
    const std::size_t half = n / 2;
    const bool right = kStrict ? base[half - 1] < x : base[half - 1] <= x;
    base = right ? base + half : base;
    n -= half;
  }
  const bool last = kStrict ? *base < x : *base <= x;
  return static_cast<std::size_t>(base - first) + (last ? 1 : 0);
}

// Fills `table` so that table[k] = elements of the sorted `v` that are
// < origin + k * width (kStrict: <= origin + k * width), for k up to past v's
// last element. Then the answer of CountUpTo<kStrict>(x) lies between
// table[k] and table[k + 1] for k = Bucket<kStrict>(x).
template <bool kStrict>
void FillBuckets(const std::vector<std::int64_t>& v, std::int64_t origin, std::int64_t width,
                 std::vector<std::uint32_t>& table) {
  table.clear();
  const std::int64_t buckets = v.empty() ? 0 : (v.back() - origin) / width + 2;
  std::size_t i = 0;
  for (std::int64_t k = 0; k < buckets; ++k) {
    const std::int64_t limit = origin + k * width - (kStrict ? 0 : 1);
    while (i < v.size() && v[i] <= limit) ++i;
    table.push_back(static_cast<std::uint32_t>(i));
  }
}

// CountUpTo over `v` narrowed by a FillBuckets table.
template <bool kStrict>
std::size_t BucketCount(const std::vector<std::int64_t>& v, const std::vector<std::uint32_t>& table,
                        std::int64_t origin, std::int64_t width, std::int64_t x) {
  const std::int64_t from = x - origin - (kStrict ? 1 : 0);
  if (v.empty() || from < 0) return CountUpTo<kStrict>(v.data(), v.size(), x);
  const auto k = static_cast<std::size_t>(from / width);
  if (k + 1 >= table.size()) return CountUpTo<kStrict>(v.data(), v.size(), x);
  const std::size_t lo = table[k];
  return lo + CountUpTo<kStrict>(v.data() + lo, table[k + 1] - lo, x);
}

}  // namespace

void WorkingIndex::Append(std::int64_t begin, std::int64_t end) {
  if (end <= begin) return;
  assert(ends_.empty() || begin >= ends_.back());
  if (!ends_.empty() && begin == ends_.back()) {
    ends_.back() = end;
    worked_through_.back() += end - begin;
    return;
  }
  const std::int64_t before = Total();
  begins_.push_back(begin);
  ends_.push_back(end);
  worked_through_.push_back(before + (end - begin));
}

void WorkingIndex::Finish() {
  if (begins_.empty()) return;
  const auto n = static_cast<std::int64_t>(begins_.size());
  begin_width_ = std::max<std::int64_t>(1, (begins_.back() - begins_.front()) / n + 1);
  FillBuckets<false>(begins_, begins_.front(), begin_width_, begin_bucket_);
  amount_width_ = std::max<std::int64_t>(1, Total() / n + 1);
  FillBuckets<true>(worked_through_, 0, amount_width_, amount_bucket_);
}

std::int64_t WorkingIndex::WorkedBefore(std::int64_t t) const {
  if (begins_.empty()) return 0;
  const std::size_t count =
      BucketCount<false>(begins_, begin_bucket_, begins_.front(), begin_width_, t);
  if (count == 0) return 0;
  const std::size_t i = count - 1;
  // Everything through span i, minus the part of span i that lies after t.
  return worked_through_[i] - (ends_[i] - std::min(t, ends_[i]));
}

std::int64_t WorkingIndex::InstantWhenWorked(std::int64_t amount) const {
  assert(amount > 0 && amount <= Total());
  const std::size_t i =
      BucketCount<true>(worked_through_, amount_bucket_, 0, amount_width_, amount);
  return ends_[i] - (worked_through_[i] - amount);
}

std::size_t WorkingIndex::FirstEndingAfter(std::int64_t t) const {
  return CountUpTo<false>(ends_.data(), ends_.size(), t);
}

}  // namespace hd::sla
