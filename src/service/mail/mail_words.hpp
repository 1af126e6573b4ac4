// The words of our mails that depend on the reader: the answer deadline in
// plain words, in their language and time zone, and the support level's
// name. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/time.hpp"

namespace hd::service {

// "до пн 12 янв., 13:00 МСК" (ru) or "by Mon 12 Jan, 13:00 MSK" (en)
// for `due` seen in `time_zone` (an IANA name). kInvalidArgument naming
// "time_zone" for an unknown zone.
Result<std::string> DeadlineWords(core::Timestamp due, std::string_view language,
                                  std::string_view time_zone);

// The support level's name for a customer in `language`: `title` (a level
// version's title in LocalText's stored form) in that language, else the id.
std::string LevelName(std::string_view level_id, std::string_view title, std::string_view language);

// True for the languages mails are written in ("ru", "en").
bool IsMailLanguage(std::string_view language);

// True when `time_zone` names a zone of the system's time zone database.
bool IsTimeZone(std::string_view time_zone);

// A person's stored language and time zone, each empty (the installation's
// default) or one of the above; kInvalidArgument naming "language" or
// "time_zone" otherwise.
Status CheckLanguageAndZone(std::string_view language, std::string_view time_zone);

}  // namespace hd::service
