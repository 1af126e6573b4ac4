#include "http/handlers/sla_json.hpp"

#include <string>

#include "core/local_text.hpp"

namespace hd::http::handlers {

namespace {

template <class Tag>
boost::json::value OptionalId(const std::optional<core::Id<Tag>>& id) {
  if (!id) return nullptr;
  return id->value;
}

// "6h", "1h30m", "45s": the form levels.yaml and the admin API take.
std::string Duration(std::int64_t s) {
  std::string out;
  if (s >= 3600) out += std::to_string(s / 3600) + "h";
  if (s % 3600 >= 60) out += std::to_string(s % 3600 / 60) + "m";
  if (s % 60 != 0 || out.empty()) out += std::to_string(s % 60) + "s";
  return out;
}

boost::json::value OptionalDuration(const std::optional<std::int64_t>& s) {
  if (!s) return nullptr;
  return boost::json::string(Duration(*s));
}

}  // namespace

boost::json::value OptionalTime(const std::optional<core::Timestamp>& t) {
  if (!t) return nullptr;
  return boost::json::string(core::FormatIso8601(*t));
}

boost::json::value SlaStatusJson(const core::SlaStatus& s) {
  boost::json::object out{
      {"first_response_due", OptionalTime(s.first_response_due)},
      {"remaining_seconds", s.remaining_seconds},
      {"state", core::ToString(s.state)},
      {"target", s.target ? boost::json::value(core::ToString(*s.target)) : nullptr},
      {"due", OptionalTime(s.due)},
  };
  out["deadline_text"] = s.customer_text;
  return out;
}

boost::json::object LevelJson(const core::SlaLevelVersion& v, std::string_view language) {
  return boost::json::object{
      {"id", v.level_id},
      {"version", v.version},
      {"title", core::LocalText::FromStored(v.title).In(language)},
      {"first_response", Duration(v.first_response_s)},
      {"next_response", OptionalDuration(v.next_response_s)},
      {"resolution", OptionalDuration(v.resolution_s)},
      {"calendar", v.calendar},
      {"warning_percent", v.warning_percent},
      {"escalate_group", v.escalate_group},
      {"escalate_criticality", v.escalate_criticality},
      {"source", v.source},
      {"created_at", core::FormatIso8601(v.created_at)},
  };
}

boost::json::value LicenceJson(const core::Licence& l) {
  return boost::json::object{
      {"id", l.id.value},
      {"user_id", OptionalId(l.user_id)},
      {"company_id", OptionalId(l.company_id)},
      {"edition", l.edition},
      {"support", core::ToString(l.support)},
      {"limited", l.limited},
      {"activated", core::FormatDate(l.activated)},
      {"expires", l.expires ? boost::json::value(core::FormatDate(*l.expires)) : nullptr},
      {"revoked_at", OptionalTime(l.revoked_at)},
      {"revoke_reason", l.revoke_reason},
  };
}

boost::json::value CouponJson(const core::Coupon& c) {
  return boost::json::object{
      {"code", c.code},
      {"user_id", OptionalId(c.user_id)},
      {"company_id", OptionalId(c.company_id)},
      {"licence_id", OptionalId(c.licence_id)},
      {"origin", core::ToString(c.origin)},
      {"issued_at", core::FormatIso8601(c.issued_at)},
      {"expires_at", core::FormatIso8601(c.expires_at)},
      {"used_at", OptionalTime(c.used_at)},
      {"ticket_id", OptionalId(c.ticket_id)},
      {"revoked_at", OptionalTime(c.revoked_at)},
      {"revoke_reason", c.revoke_reason},
  };
}

boost::json::value PartnerJson(const core::Partner& p) {
  return boost::json::object{
      {"user_id", OptionalId(p.user_id)},
      {"company_id", OptionalId(p.company_id)},
      {"level", core::ToString(p.level)},
      {"updated_at", core::FormatIso8601(p.updated_at)},
  };
}

}  // namespace hd::http::handlers
