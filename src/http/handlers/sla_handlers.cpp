// SLA views: a ticket's clock with its timeline, the support levels in
// force, and a customer's own coupons.
#include <boost/json/value.hpp>

#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/handlers/sla_json.hpp"

namespace hd::http::handlers {

Result<Response> TicketSla(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto detail,
                      context.services().tickets.Sla(context.actor(), core::TicketId(id)));
  boost::json::array timeline;
  for (const auto& s : detail.timeline) {
    boost::json::object segment{
        {"from", core::FormatIso8601(s.from)}, {"to", core::FormatIso8601(s.to)}, {"kind", s.kind}};
    if (!s.reason.empty()) segment["reason"] = s.reason;
    timeline.push_back(std::move(segment));
  }
  const auto& c = detail.clock;
  boost::json::object body{
      {"ticket_id", id},
      {"level", c.level_id},
      {"level_reason", detail.status.level_reason},
      {"level_version", LevelJson(detail.level, context.Language())},
      {"calendar", c.calendar},
      {"started_at", core::FormatIso8601(c.started_at)},
      {"first_response_due", OptionalTime(c.first_response_due)},
      {"first_response_at", OptionalTime(c.first_response_at)},
      {"next_response_due", OptionalTime(c.next_response_due)},
      {"resolution_due", OptionalTime(c.resolution_due)},
      {"resolved_at", OptionalTime(c.resolved_at)},
      {"sla", SlaStatusJson(detail.status)},
      {"timeline", std::move(timeline)},
  };
  return Json(200, body);
}

Result<Response> Levels(Context& context) {
  HD_ASSIGN_OR_RETURN(auto levels, context.services().sla_levels.Terms(context.actor()));
  boost::json::array items;
  for (const service::LevelTerms& terms : levels) {
    boost::json::object level = LevelJson(terms.version, context.Language());
    level["title"] = terms.title;
    level["who"] = terms.who;
    boost::json::array entitlements;
    for (const auto& e : terms.entitlements) {
      entitlements.push_back(
          {{"key", e.key}, {"name", e.name}, {"grant", e.grant}, {"note", e.note}});
    }
    level["entitlements"] = std::move(entitlements);
    items.push_back(std::move(level));
  }
  return Json(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> MyCoupons(Context& context) {
  HD_ASSIGN_OR_RETURN(auto coupons, context.services().licences.MyCoupons(context.actor()));
  boost::json::array items;
  for (const auto& c : coupons) items.push_back(CouponJson(c));
  return Json(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace hd::http::handlers
