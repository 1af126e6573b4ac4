#include "service/mail/mail_words.hpp"

#include <date/tz.h>

#include <array>
#include <chrono>
#include <exception>
#include <utility>

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

const date::time_zone* FindZone(std::string_view name) {
  try {
    return date::locate_zone(std::string(name));
  } catch (const std::exception&) {
    return nullptr;
  }
}

std::string TwoDigits(unsigned n) {
  return {static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
}

// "МСК" for Moscow time in Russian; "UTC+05" for zones whose abbreviation
// is only an offset; the zone database's abbreviation otherwise.
std::string ZoneWords(const std::string& abbrev, bool russian) {
  if (abbrev == "MSK") return russian ? "МСК" : "MSK";
  if (!abbrev.empty() && (abbrev[0] == '+' || abbrev[0] == '-')) return "UTC" + abbrev;
  return abbrev;
}

}  // namespace

bool IsMailLanguage(std::string_view language) { return language == "ru" || language == "en"; }

bool IsTimeZone(std::string_view time_zone) {
  return !time_zone.empty() && FindZone(time_zone) != nullptr;
}

Result<std::string> DeadlineWords(core::Timestamp due, std::string_view language,
                                  std::string_view time_zone) {
  const date::time_zone* zone = FindZone(time_zone);
  if (zone == nullptr) {
    return Error::InvalidArgument("unknown time zone " + std::string(time_zone), "time_zone");
  }
  const auto at = std::chrono::floor<std::chrono::seconds>(due);
  const date::sys_info info = zone->get_info(at);
  const auto local = at + info.offset;
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::year_month_day ymd{day};
  const std::chrono::hh_mm_ss time{local - day};
  const bool ru = language == "ru";
  const unsigned weekday = std::chrono::weekday(day).c_encoding();
  const unsigned month = static_cast<unsigned>(ymd.month()) - 1;
  std::string text = ru ? "до " : "by ";
  text += ru ? kDaysRu[weekday] : kDaysEn[weekday];
  text += " " + std::to_string(static_cast<unsigned>(ymd.day())) + " ";
  text += ru ? kMonthsRu[month] : kMonthsEn[month];
  text += ", " + TwoDigits(static_cast<unsigned>(time.hours().count())) + ":" +
          TwoDigits(static_cast<unsigned>(time.minutes().count()));
  text += " (" + ZoneWords(info.abbrev, ru) + ")";
  return text;
}

std::string LevelName(std::string_view level_id, std::string_view title,
                      std::string_view language) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kRussian{{
      {"non_commercial", "некоммерческий"},
      {"client_standard", "клиентский стандартный"},
      {"client_operative", "клиентский оперативный"},
      {"client_vip", "клиентский VIP"},
      {"partner_standard", "партнёрский стандартный"},
      {"partner_operative", "партнёрский оперативный"},
      {"enterprise", "Enterprise"},
      {"special", "спецобращение"},
  }};
  if (language == "ru") {
    for (const auto& [id, name] : kRussian) {
      if (id == level_id) return std::string(name);
    }
  }
  return std::string(title.empty() ? level_id : title);
}

}  // namespace hd::service
