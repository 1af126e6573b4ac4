#include "service/sla/deadline_words.hpp"

#include <date/tz.h>

#include <array>
#include <chrono>
#include <stdexcept>

namespace hd::service {
namespace {

constexpr std::array<std::string_view, 7> kDaysRu = {"вс", "пн", "вт", "ср", "чт", "пт", "сб"};
constexpr std::array<std::string_view, 7> kDaysEn = {"Sun", "Mon", "Tue", "Wed",
                                                     "Thu", "Fri", "Sat"};
// Abbreviated month names in the genitive, as Russian writes dates (CLDR).
constexpr std::array<std::string_view, 12> kMonthsRu = {"янв.",  "февр.", "мар.",  "апр.",
                                                        "мая",   "июн.",  "июл.",  "авг.",
                                                        "сент.", "окт.",  "нояб.", "дек."};
constexpr std::array<std::string_view, 12> kMonthsEn = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

void AppendTwoDigits(std::string& out, unsigned n) {
  out += static_cast<char>('0' + n / 10 % 10);
  out += static_cast<char>('0' + n % 10);
}

// "МСК" for Moscow time in Russian; "UTC+05" for zones whose abbreviation
// is only an offset; the zone database's abbreviation otherwise.
void AppendZone(std::string& out, const std::string& abbrev, bool russian) {
  if (abbrev == "MSK") {
    out += russian ? "МСК" : "MSK";
  } else if (!abbrev.empty() && (abbrev[0] == '+' || abbrev[0] == '-')) {
    out += "UTC";
    out += abbrev;
  } else {
    out += abbrev;
  }
}

}  // namespace

std::string DueWords(const date::time_zone& zone, core::Timestamp due, std::string_view language) {
  const auto at = std::chrono::floor<std::chrono::seconds>(due);
  const date::sys_info info = zone.get_info(at);
  const auto local = at + info.offset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{local - day};
  const bool ru = language == "ru";
  const unsigned weekday = std::chrono::weekday(day).c_encoding();
  const unsigned month = static_cast<unsigned>(ymd.month()) - 1;
  std::string text;
  text.reserve(32);
  text += ru ? kDaysRu[weekday] : kDaysEn[weekday];
  text += ' ';
  text += std::to_string(static_cast<unsigned>(ymd.day()));
  text += ' ';
  text += ru ? kMonthsRu[month] : kMonthsEn[month];
  text += ", ";
  AppendTwoDigits(text, static_cast<unsigned>(time.hours().count()));
  text += ':';
  AppendTwoDigits(text, static_cast<unsigned>(time.minutes().count()));
  text += ' ';
  AppendZone(text, info.abbrev, ru);
  return text;
}

std::string DeadlineText(const date::time_zone& zone, core::Timestamp due,
                         std::string_view language, std::string_view reader_zone) {
  const date::time_zone* shown = &zone;
  if (!reader_zone.empty()) {
    try {
      shown = date::locate_zone(reader_zone);
    } catch (const std::runtime_error&) {
      // A zone this system's database lacks: the calendar's own.
    }
  }
  return (language == "ru" ? "ответим до " : "we will answer by ") +
         DueWords(*shown, due, language);
}

}  // namespace hd::service
