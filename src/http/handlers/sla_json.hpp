// JSON forms of the SLA types for the SLA, admin and report handlers.
// Internal to http/handlers; includes Boost.JSON. Pure; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string_view>

#include "core/coupon.hpp"
#include "core/licence.hpp"
#include "core/sla_clock.hpp"

namespace hd::http::handlers {

// An ISO-8601 instant, or null.
boost::json::value OptionalTime(const std::optional<core::Timestamp>& t);
// {first_response_due, remaining_seconds, state, target, due, deadline_text}
boost::json::value SlaStatusJson(const core::SlaStatus& status);
// {id, version, title, first_response, next_response, resolution, calendar,
//  warning_percent, escalate_group, escalate_criticality, source, created_at},
// the title in `language`.
boost::json::object LevelJson(const core::SlaLevelVersion& version, std::string_view language);
// {id, user_id, company_id, edition, support, limited, activated, expires}
boost::json::value LicenceJson(const core::Licence& licence);
// {code, user_id, company_id, licence_id, origin, issued_at, expires_at,
//  used_at, ticket_id}
boost::json::value CouponJson(const core::Coupon& coupon);
// {user_id, company_id, level, updated_at}
boost::json::value PartnerJson(const core::Partner& partner);

}  // namespace hd::http::handlers
