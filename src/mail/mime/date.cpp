// ParseDate (headers.hpp): RFC 5322 §3.3 dates and the obsolete forms of
// §4.3, read token by token so that the order of the parts may vary
// (asctime's "Mon Jan 12 10:15:00 2026", ISO's "2026-01-12 10:15:00").
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "mail/mime/headers.hpp"

namespace hd::mail {
namespace {

struct DateParts {
  int day = -1, month = -1, year = -1;
  int hour = -1, minute = 0, second = 0;
  int zone_minutes = 0;
  bool zone_set = false;
  bool pm = false, am = false;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string LowerWord(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = Lower(c);
  return out;
}

// Digits only, at most 9 of them: the value; else -1.
int Number(std::string_view s) {
  if (s.empty() || s.size() > 9) return -1;
  int v = 0;
  for (char c : s) {
    if (!IsDigit(c)) return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

int MonthOf(std::string_view word) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return -1;
  const std::string w = LowerWord(word.substr(0, 3));
  for (int i = 0; i < 12; ++i) {
    if (w == kMonths[i]) return i + 1;
  }
  return -1;
}

// RFC 5322 §4.3: the US zones as written; UT, GMT and every other
// alphabetic zone (military letters, "MSK") as -0000, i.e. UTC.
int NamedZoneMinutes(std::string_view word) {
  struct Zone {
    std::string_view name;
    int hours;
  };
  static constexpr Zone kZones[] = {{"edt", -4}, {"est", -5}, {"cdt", -5}, {"cst", -6},
                                    {"mdt", -6}, {"mst", -7}, {"pdt", -7}, {"pst", -8}};
  const std::string w = LowerWord(word);
  for (const Zone& z : kZones) {
    if (w == z.name) return z.hours * 60;
  }
  return 0;
}

bool IsDayName(std::string_view lower_word) {
  static constexpr std::string_view kDays[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  const std::string_view w = lower_word.substr(0, 3);
  for (std::string_view d : kDays) {
    if (w == d) return true;
  }
  return false;
}

bool ReadTime(std::string_view tok, DateParts& p) {
  int fields[3] = {-1, 0, 0};
  int n = 0;
  while (n < 3) {
    const std::size_t colon = tok.find(':');
    fields[n++] = Number(tok.substr(0, colon));
    if (colon == std::string_view::npos) break;
    tok.remove_prefix(colon + 1);
  }
  if (n < 2 || fields[0] < 0 || fields[1] < 0 || fields[2] < 0) return false;
  p.hour = fields[0];
  p.minute = fields[1];
  p.second = fields[2];
  return true;
}

bool ReadOffset(std::string_view tok, DateParts& p) {
  const int sign = tok[0] == '-' ? -1 : 1;
  std::string digits;
  for (char c : tok.substr(1)) {
    if (c != ':') digits += c;
  }
  const int v = Number(digits);
  if (digits.size() != 4 || v < 0 || v % 100 > 59) return false;
  p.zone_set = true;
  p.zone_minutes = sign * (v / 100 * 60 + v % 100);
  return true;
}

bool ReadIsoDate(std::string_view tok, DateParts& p) {
  if (tok.size() != 10 || tok[4] != '-' || tok[7] != '-') return false;
  p.year = Number(tok.substr(0, 4));
  p.month = Number(tok.substr(5, 2));
  p.day = Number(tok.substr(8, 2));
  return p.year > 0 && p.month > 0 && p.day > 0;
}

int FullYear(std::string_view digits) {
  const int y = Number(digits);
  if (digits.size() == 2) return y < 50 ? 2000 + y : 1900 + y;
  if (digits.size() == 3) return 1900 + y;
  return digits.size() == 4 && y >= 1000 ? y : -1;
}

bool ReadToken(std::string_view tok, DateParts& p) {
  if (tok.find(':') != std::string_view::npos && IsDigit(tok[0])) return ReadTime(tok, p);
  if ((tok[0] == '+' || tok[0] == '-') && tok.size() > 1) return ReadOffset(tok, p);
  if (IsDigit(tok[0]) && tok.find('-') != std::string_view::npos) return ReadIsoDate(tok, p);
  if (IsAlpha(tok[0])) {
    const std::string w = LowerWord(tok);
    if (w == "am" || w == "pm") {
      (w == "pm" ? p.pm : p.am) = true;
    } else if (const int m = MonthOf(tok); m > 0 && p.month < 0 && tok.size() <= 9) {
      p.month = m;
    } else if (tok.size() <= 5 && !IsDayName(w) && !p.zone_set) {
      p.zone_minutes = NamedZoneMinutes(tok);
      p.zone_set = true;
    }
    return true;  // day names and words we do not know are skipped
  }
  if (Number(tok) < 0) return false;
  if (p.day < 0 && tok.size() <= 2 && Number(tok) >= 1) {
    p.day = Number(tok);
  } else if (p.year < 0) {
    p.year = FullYear(tok);
    if (p.year < 0) return false;
  } else {
    return false;
  }
  return true;
}

// The value with comments removed and blanks around ':' dropped (the
// obsolete "10 : 15 : 00"); separators are blanks and commas.
std::string Normalise(std::string_view raw) {
  std::string out;
  int depth = 0;
  for (char c : raw) {
    if (c == '(') ++depth;
    if (depth == 0) out += (c == ',' || c == '\t' || c == '\r' || c == '\n') ? ' ' : c;
    if (c == ')' && depth > 0) --depth;
  }
  std::string squeezed;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ') {
      std::size_t j = i;
      while (j < out.size() && out[j] == ' ') ++j;
      const bool by_colon =
          (j < out.size() && out[j] == ':') || (!squeezed.empty() && squeezed.back() == ':');
      if (!by_colon && !squeezed.empty() && j < out.size()) squeezed += ' ';
      i = j - 1;
    } else {
      squeezed += out[i];
    }
  }
  return squeezed;
}

}  // namespace

std::optional<core::Timestamp> ParseDate(std::string_view raw) {
  if (raw.size() > 200) return std::nullopt;
  const std::string text = Normalise(raw);
  DateParts p;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    if (!ReadToken(std::string_view(text).substr(i, end - i), p)) return std::nullopt;
    i = end + 1;
  }
  if (p.pm && p.hour >= 1 && p.hour < 12) p.hour += 12;
  if (p.am && p.hour == 12) p.hour = 0;
  if (p.hour < 0) p.hour = 0;
  if (p.second == 60) p.second = 59;  // a leap second
  using namespace std::chrono;
  const year_month_day ymd{year{p.year}, month{static_cast<unsigned>(std::max(p.month, 0))},
                           day{static_cast<unsigned>(std::max(p.day, 0))}};
  if (p.year < 0 || p.month < 0 || p.day < 0 || !ymd.ok() || p.hour > 23 || p.minute > 59 ||
      p.second > 59) {
    return std::nullopt;
  }
  const sys_seconds at = sys_days{ymd} + hours{p.hour} + minutes{p.minute} + seconds{p.second} -
                         minutes{p.zone_minutes};
  return core::Timestamp{duration_cast<milliseconds>(at.time_since_epoch())};
}

}  // namespace hd::mail
