// WorkingIndex: the working time of one calendar as sorted, disjoint UTC spans
// [begin, end) in seconds since the Unix epoch, with prefix sums, so that
// "how much working time lies before t" and its inverse each cost one
// bounded binary search instead of a walk over minutes or days. Two bucket
// tables (by instant and by worked amount, about one span per bucket) narrow
// each search to a few spans, so a lookup is O(1) on typical calendars and
// O(log n) at worst.
//
// Built once by Calendar::Build and immutable afterwards; const methods are
// safe to call from any number of threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace hd::sla {

class WorkingIndex {
 public:
  // Appends the span [begin, end). Requires begin >= the end of the last span.
  // Empty spans are ignored; a span that starts where the last one ends is
  // merged into it (so a 24/7 calendar is a single span).
  void Append(std::int64_t begin, std::int64_t end);

  // Builds the bucket tables; call once after the last Append and before
  // any lookup.
  void Finish();

  // Working seconds in the spans before instant `t` (all of history up to t).
  std::int64_t WorkedBefore(std::int64_t t) const;

  // The earliest instant t with WorkedBefore(t) == amount.
  // Requires 0 < amount <= Total(). A span's end is returned rather than the
  // next span's start, so work that finishes at closing time is due then.
  std::int64_t InstantWhenWorked(std::int64_t amount) const;

  // Total working seconds of all spans.
  std::int64_t Total() const { return worked_through_.empty() ? 0 : worked_through_.back(); }

  std::size_t size() const { return begins_.size(); }
  std::int64_t begin(std::size_t i) const { return begins_[i]; }
  std::int64_t end(std::size_t i) const { return ends_[i]; }

  // Index of the first span whose end is after `t` (size() when none).
  std::size_t FirstEndingAfter(std::int64_t t) const;

 private:
  std::vector<std::int64_t> begins_;
  std::vector<std::int64_t> ends_;
  // worked_through_[i]: total working seconds of spans 0..i inclusive.
  std::vector<std::int64_t> worked_through_;
  // begin_bucket_[k]: spans beginning before begins_[0] + k * begin_width_.
  std::int64_t begin_width_ = 1;
  std::vector<std::uint32_t> begin_bucket_;
  // amount_bucket_[k]: spans with worked_through_ <= k * amount_width_.
  std::int64_t amount_width_ = 1;
  std::vector<std::uint32_t> amount_bucket_;
};

}  // namespace hd::sla
