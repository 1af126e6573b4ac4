// A due instant in the words a person reads, in their language and a time
// zone: the customer's promise on a ticket ("we will answer by Mon 12 Jan,
// 13:00 MSK" / "ответим до пн 12 янв., 13:00 МСК") and the deadline in
// mail. Written out by hand rather than through a locale: every ticket
// shown carries one. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/time.hpp"

namespace date {
class time_zone;
}

namespace hd::service {

// "пн 12 янв., 13:00 МСК" (ru) or "Mon 12 Jan, 13:00 MSK" (any other
// language): `due` as a clock in `zone` shows it. Zones whose abbreviation
// is only an offset read "UTC+05".
std::string DueWords(const date::time_zone& zone, core::Timestamp due, std::string_view language);

// The answer time promised to a customer: "ответим до …" / "we will answer
// by …" around DueWords, as a clock in `reader_zone` (an IANA name, the
// reader's own) shows it, or in `zone` when that is empty or unknown.
std::string DeadlineText(const date::time_zone& zone, core::Timestamp due,
                         std::string_view language, std::string_view reader_zone = {});

}  // namespace hd::service
