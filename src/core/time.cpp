#include "core/time.hpp"

#include <charconv>
#include <cstdio>

namespace hd::core {

namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

// Parses exactly `width` digits at `pos`; advances `pos`.
bool Digits(std::string_view s, std::size_t& pos, std::size_t width, int& out) {
  if (pos + width > s.size()) return false;
  const char* first = s.data() + pos;
  auto [ptr, ec] = std::from_chars(first, first + width, out);
  if (ec != std::errc{} || ptr != first + width) return false;
  pos += width;
  return true;
}

bool Expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

}  // namespace

std::string FormatIso8601(Timestamp t) {
  const auto day = std::chrono::floor<days>(t);
  const year_month_day ymd{day};
  const auto ms = (t - day).count();
  const long long secs = ms / 1000;
  const long long millis = ms % 1000;
  const int y = static_cast<int>(ymd.year());
  const unsigned mo = static_cast<unsigned>(ymd.month());
  const unsigned d = static_cast<unsigned>(ymd.day());
  if (y >= 0 && y <= 9999) {
    // Written digit by digit: every instant in every response goes through
    // here, and printf's format parsing costs several times more.
    std::string out = millis == 0 ? "0000-00-00T00:00:00Z" : "0000-00-00T00:00:00.000Z";
    const auto put = [&out](std::size_t at, long long value, int digits) {
      for (int i = digits - 1; i >= 0; --i, value /= 10) {
        out[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
      }
    };
    put(0, y, 4);
    put(5, mo, 2);
    put(8, d, 2);
    put(11, secs / 3600, 2);
    put(14, secs / 60 % 60, 2);
    put(17, secs % 60, 2);
    if (millis != 0) put(20, millis, 3);
    return out;
  }
  char buf[40];
  if (millis == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lldZ", y, mo, d, secs / 3600,
                  secs / 60 % 60, secs % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02lld:%02lld:%02lld.%03lldZ", y, mo, d,
                  secs / 3600, secs / 60 % 60, secs % 60, millis);
  }
  return buf;
}

Result<Timestamp> ParseIso8601(std::string_view s, std::string_view field) {
  auto bad = [&] {
    return Error::InvalidArgument(
        std::string(field) + " must be an RFC 3339 instant such as 2025-12-30T18:30:00Z",
        std::string(field));
  };
  std::size_t pos = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!Digits(s, pos, 4, y) || !Expect(s, pos, '-') || !Digits(s, pos, 2, mo) ||
      !Expect(s, pos, '-') || !Digits(s, pos, 2, d)) {
    return bad();
  }
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return bad();
  ++pos;
  if (!Digits(s, pos, 2, h) || !Expect(s, pos, ':') || !Digits(s, pos, 2, mi) ||
      !Expect(s, pos, ':') || !Digits(s, pos, 2, sec)) {
    return bad();
  }
  long long millis = 0;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int scale = 100;
    std::size_t digits = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      millis += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
      ++digits;
    }
    if (digits == 0) return bad();
  }
  int offset_minutes = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    const int sign = s[pos] == '-' ? -1 : 1;
    ++pos;
    int oh = 0, om = 0;
    if (!Digits(s, pos, 2, oh) || !Expect(s, pos, ':') || !Digits(s, pos, 2, om) || oh > 23 ||
        om > 59) {
      return bad();
    }
    offset_minutes = sign * (oh * 60 + om);
  } else {
    return bad();
  }
  if (pos != s.size()) return bad();
  const year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(mo)},
                           std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return bad();
  if (sec == 60) sec = 59;  // a leap second reads as the last second of its minute
  const auto at = sys_days{ymd} + std::chrono::hours{h} + std::chrono::minutes{mi} +
                  std::chrono::seconds{sec} + std::chrono::milliseconds{millis} -
                  std::chrono::minutes{offset_minutes};
  return Timestamp{at};
}

}  // namespace hd::core
