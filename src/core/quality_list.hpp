// The weighted lists of HTTP's Accept-* headers (RFC 9110 §12.4.2):
// "br;q=1.0, gzip;q=0.5, *;q=0" read as (value, q) pairs. Pure; no
// allocation beyond the result.
#pragma once

#include <string_view>
#include <vector>

namespace hd::core {

struct Weighted {
  std::string_view value;  // trimmed, as written ("ru-RU", "gzip", "*")
  double q = 1;            // 1 when absent; 0 when unreadable or out of [0, 1]
};

// Every non-empty element of `header`, in order. The views point into it.
std::vector<Weighted> ParseQualityList(std::string_view header);

}  // namespace hd::core
