#include "sla/working_index.hpp"

#include <algorithm>
#include <cassert>

namespace hd::sla {

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

std::int64_t WorkingIndex::WorkedBefore(std::int64_t t) const {
  const auto it = std::upper_bound(begins_.begin(), begins_.end(), t);
  if (it == begins_.begin()) return 0;
  const auto i = static_cast<std::size_t>(it - begins_.begin()) - 1;
  // Everything through span i, minus the part of span i that lies after t.
  return worked_through_[i] - (ends_[i] - std::min(t, ends_[i]));
}

std::int64_t WorkingIndex::InstantWhenWorked(std::int64_t amount) const {
  assert(amount > 0 && amount <= Total());
  const auto it = std::lower_bound(worked_through_.begin(), worked_through_.end(), amount);
  const auto i = static_cast<std::size_t>(it - worked_through_.begin());
  return ends_[i] - (worked_through_[i] - amount);
}

std::size_t WorkingIndex::FirstEndingAfter(std::int64_t t) const {
  const auto it = std::upper_bound(ends_.begin(), ends_.end(), t);
  return static_cast<std::size_t>(it - ends_.begin());
}

}  // namespace hd::sla
