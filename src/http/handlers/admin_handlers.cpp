// /api/v1/admin/...: licences, partner status, coupons and support levels,
// for administrators (the use cases refuse everyone else with 403).
#include <boost/json/value.hpp>

#include "http/handlers/common.hpp"
#include "http/handlers/formats.hpp"
#include "http/handlers/handler.hpp"
#include "http/handlers/sla_json.hpp"
#include "http/json/reader.hpp"

namespace hd::http::handlers {

namespace {

std::optional<service::Actor> Admin(const Context& context) { return context.actor(); }

template <class T, class Fn>
Response Items(const std::vector<T>& values, Fn to_json) {
  boost::json::array items;
  for (const T& v : values) items.push_back(to_json(v));
  return Json(200, boost::json::object{{"items", std::move(items)}});
}

// {user: e-mail} or {company: name}.
Result<service::Holder> DecodeHolder(json::JsonObject& body) {
  service::Holder holder;
  HD_ASSIGN_OR_RETURN(auto user, body.OptionalString("user"));
  HD_ASSIGN_OR_RETURN(auto company, body.OptionalString("company"));
  holder.user_email = user.value_or("");
  holder.company = company.value_or("");
  return holder;
}

}  // namespace

Result<Response> ListLicences(Context& context) {
  HD_ASSIGN_OR_RETURN(auto licences, context.services().licences.List(Admin(context)));
  return Items(licences, LicenceJson);
}

Result<Response> AddLicence(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  service::LicenceInput in;
  HD_ASSIGN_OR_RETURN(in.holder, DecodeHolder(body));
  HD_ASSIGN_OR_RETURN(in.edition, body.RequiredString("edition"));
  HD_ASSIGN_OR_RETURN(in.activated, body.RequiredString("activated"));
  HD_ASSIGN_OR_RETURN(auto support, body.OptionalString("support"));
  if (support) in.support = *support;
  HD_ASSIGN_OR_RETURN(auto limited, body.OptionalBool("limited"));
  in.limited = limited.value_or(false);
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto out, context.services().licences.Add(Admin(context), in));
  return Json(out.renewed ? 200 : 201, boost::json::object{{"licence", LicenceJson(out.licence)},
                                                           {"coupon", CouponJson(out.coupon)},
                                                           {"renewed", out.renewed}});
}

Result<Response> ListPartners(Context& context) {
  HD_ASSIGN_OR_RETURN(auto partners, context.services().licences.ListPartners(Admin(context)));
  return Items(partners, PartnerJson);
}

Result<Response> SetPartner(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  HD_ASSIGN_OR_RETURN(auto holder, DecodeHolder(body));
  HD_ASSIGN_OR_RETURN(auto level, body.RequiredString("level"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto partner,
                      context.services().licences.SetPartner(Admin(context), holder, level));
  return Json(200, PartnerJson(partner));
}

Result<Response> ListCoupons(Context& context) {
  HD_ASSIGN_OR_RETURN(auto coupons, context.services().licences.ListCoupons(Admin(context)));
  return Items(coupons, CouponJson);
}

Result<Response> IssueCoupon(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  HD_ASSIGN_OR_RETURN(auto holder, DecodeHolder(body));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto coupon, context.services().licences.IssueCoupon(Admin(context), holder));
  return Json(201, CouponJson(coupon));
}

Result<Response> AdminLevels(Context& context) {
  HD_RETURN_IF_ERROR(service::RequireAdministrator(Admin(context)));
  HD_ASSIGN_OR_RETURN(auto levels, context.services().sla_levels.List());
  return Items(levels,
               [&](const core::SlaLevelVersion& v) { return LevelJson(v, context.Language()); });
}

Result<Response> PutLevel(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  service::LevelPatch p;
  HD_ASSIGN_OR_RETURN(p.title, body.OptionalLocalText("title"));
  HD_ASSIGN_OR_RETURN(p.first_response, body.OptionalString("first_response"));
  HD_ASSIGN_OR_RETURN(p.next_response, body.OptionalString("next_response"));
  HD_ASSIGN_OR_RETURN(p.resolution, body.OptionalString("resolution"));
  HD_ASSIGN_OR_RETURN(p.calendar, body.OptionalString("calendar"));
  HD_ASSIGN_OR_RETURN(auto warning, body.OptionalInt("warning_percent"));
  if (warning) p.warning_percent = static_cast<int>(std::clamp<std::int64_t>(*warning, 0, 100));
  HD_ASSIGN_OR_RETURN(p.escalate_group, body.OptionalString("escalate_group"));
  HD_ASSIGN_OR_RETURN(p.escalate_criticality, body.OptionalString("escalate_criticality"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  const std::string level(context.params.Get("id"));
  HD_ASSIGN_OR_RETURN(auto version, context.services().sla_levels.Update(Admin(context), level, p));
  return Json(200, LevelJson(version, context.Language()));
}

Result<Response> ReapplyLevel(Context& context) {
  const std::string level(context.params.Get("id"));
  HD_ASSIGN_OR_RETURN(int moved, context.services().sla_levels.Reapply(Admin(context), level));
  return Json(200, boost::json::object{{"level", level}, {"tickets", moved}});
}

}  // namespace hd::http::handlers
