#include "service/mail/mail_words.hpp"

#include "core/local_text.hpp"
#include "service/sla/deadline_words.hpp"

#include <date/tz.h>

#include <array>
#include <chrono>
#include <exception>
#include <utility>

namespace hd::service {

namespace {

const date::time_zone* FindZone(std::string_view name) {
  try {
    return date::locate_zone(std::string(name));
  } catch (const std::exception&) {
    return nullptr;
  }
}

}  // namespace

bool IsMailLanguage(std::string_view language) { return language == "ru" || language == "en"; }

Status CheckLanguageAndZone(std::string_view language, std::string_view time_zone) {
  if (!language.empty() && !IsMailLanguage(language)) {
    return Error::InvalidArgument("language must be ru or en", "language");
  }
  if (!time_zone.empty() && !IsTimeZone(time_zone)) {
    return Error::InvalidArgument("time_zone must be a zone such as Europe/Moscow", "time_zone");
  }
  return Ok();
}

bool IsTimeZone(std::string_view time_zone) {
  return !time_zone.empty() && FindZone(time_zone) != nullptr;
}

Result<std::string> DeadlineWords(core::Timestamp due, std::string_view language,
                                  std::string_view time_zone) {
  const date::time_zone* zone = FindZone(time_zone);
  if (zone == nullptr) {
    return Error::InvalidArgument("unknown time zone " + std::string(time_zone), "time_zone");
  }
  return (language == "ru" ? "до " : "by ") + DueWords(*zone, due, language);
}

std::string LevelName(std::string_view level_id, std::string_view title,
                      std::string_view language) {
  std::string name = core::LocalText::FromStored(title).In(language);
  return name.empty() ? std::string(level_id) : name;
}

}  // namespace hd::service
