// /api/v1/admin/...: licences, partner status, coupons, categories, reply
// and mail templates, and support levels, for administrators (the use cases
// refuse everyone else with 403).
#include <boost/json/value.hpp>

#include "http/handlers/common.hpp"
#include "http/handlers/formats.hpp"
#include "http/handlers/handler.hpp"
#include "http/handlers/sla_json.hpp"
#include "http/json/reader.hpp"
#include "http/query.hpp"

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

boost::json::object HolderJson(const service::HolderView& h) {
  boost::json::object out{{"kind", h.kind}, {"id", h.id}, {"name", h.name}};
  if (h.kind == "user") out["email"] = h.email;
  return out;
}

boost::json::value LicenceViewJson(const service::LicenceView& v) {
  boost::json::value out = LicenceJson(v.licence);
  out.as_object()["holder"] = HolderJson(v.holder);
  out.as_object()["state"] = v.state;
  return out;
}

boost::json::value CouponViewJson(const service::CouponView& v) {
  boost::json::value out = CouponJson(v.coupon);
  out.as_object()["holder"] = HolderJson(v.holder);
  out.as_object()["state"] = v.state;
  return out;
}

// The search of a list: `q` and `state`.
struct Search {
  std::string q;
  std::string state;
};

Result<Search> SearchOf(const Context& context) {
  HD_ASSIGN_OR_RETURN(QueryParams params, ParseQuery(context.request.query));
  return Search{std::string(params.Get("q").value_or("")),
                std::string(params.Get("state").value_or("all"))};
}

// {reason: text}.
Result<std::string> ReasonOf(const Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  HD_ASSIGN_OR_RETURN(auto reason, body.RequiredString("reason"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  return reason;
}

Response Issued(const service::LicenceOutcome& out, int status) {
  return Json(status, boost::json::object{{"licence", LicenceJson(out.licence)},
                                          {"coupon", CouponJson(out.coupon)},
                                          {"renewed", out.renewed}});
}

}  // namespace

Result<Response> ListLicences(Context& context) {
  HD_ASSIGN_OR_RETURN(Search search, SearchOf(context));
  HD_ASSIGN_OR_RETURN(auto licences,
                      context.services().licences.Search(Admin(context), search.q, search.state));
  return Items(licences, LicenceViewJson);
}

Result<Response> RenewLicence(Context& context) {
  HD_ASSIGN_OR_RETURN(auto id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  HD_ASSIGN_OR_RETURN(auto activated, body.RequiredString("activated"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(
      auto out, context.services().licences.Renew(Admin(context), core::LicenceId(id), activated));
  return Issued(out, 200);
}

Result<Response> RevokeLicence(Context& context) {
  HD_ASSIGN_OR_RETURN(auto id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto reason, ReasonOf(context));
  HD_ASSIGN_OR_RETURN(
      auto view, context.services().licences.Revoke(Admin(context), core::LicenceId(id), reason));
  return Json(200, LicenceViewJson(view));
}

Result<Response> RevokeCoupon(Context& context) {
  HD_ASSIGN_OR_RETURN(auto reason, ReasonOf(context));
  const std::string code(context.params.Get("code"));
  HD_ASSIGN_OR_RETURN(auto view,
                      context.services().licences.RevokeCoupon(Admin(context), code, reason));
  return Json(200, CouponViewJson(view));
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
  return Issued(out, out.renewed ? 200 : 201);
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
  HD_ASSIGN_OR_RETURN(Search search, SearchOf(context));
  HD_ASSIGN_OR_RETURN(auto coupons, context.services().licences.SearchCoupons(
                                        Admin(context), search.q, search.state));
  return Items(coupons, CouponViewJson);
}

Result<Response> IssueCoupon(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  HD_ASSIGN_OR_RETURN(auto holder, DecodeHolder(body));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto coupon, context.services().licences.IssueCoupon(Admin(context), holder));
  return Json(201, CouponJson(coupon));
}

namespace {

boost::json::object CategoryJson(const core::Category& c, std::string_view language) {
  return boost::json::object{{"slug", c.slug},
                             {"label", c.label.In(language)},
                             {"labels", TextsJson(c.label)},
                             {"hint", c.hint.In(language)},
                             {"hints", TextsJson(c.hint)},
                             {"group_id", c.group_id ? boost::json::value(c.group_id->value)
                                                     : boost::json::value(nullptr)},
                             {"edited", c.edited}};
}

// "group": an id, or null for none; absent: nullopt.
Result<std::optional<std::optional<core::GroupId>>> GroupOf(json::JsonObject& body) {
  if (!body.Has("group")) return std::optional<std::optional<core::GroupId>>{};
  using Group = std::optional<core::GroupId>;
  if (body.IsNull("group")) return std::optional<Group>(Group());
  HD_ASSIGN_OR_RETURN(auto id, body.OptionalInt("group"));
  if (!id || *id < 1) return Error::InvalidArgument("group must be a group id or null", "group");
  return std::optional<Group>(Group(core::GroupId(*id)));
}

}  // namespace

Result<Response> AdminCategories(Context& context) {
  HD_ASSIGN_OR_RETURN(auto categories, context.services().categories.List(Admin(context)));
  return Items(categories,
               [&](const core::Category& c) { return CategoryJson(c, context.Language()); });
}

Result<Response> AddCategory(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  core::Category c;
  HD_ASSIGN_OR_RETURN(c.slug, body.RequiredString("slug"));
  HD_ASSIGN_OR_RETURN(auto label, body.OptionalLocalText("label"));
  if (!label) return Error::InvalidArgument("label is required", "label");
  c.label = *label;
  HD_ASSIGN_OR_RETURN(auto hint, body.OptionalLocalText("hint"));
  if (hint) c.hint = *hint;
  HD_ASSIGN_OR_RETURN(auto group, GroupOf(body));
  if (group) c.group_id = *group;
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto added, context.services().categories.Add(Admin(context), c));
  return Json(201, CategoryJson(added, context.Language()));
}

Result<Response> UpdateCategory(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  service::CategoryPatch p;
  HD_ASSIGN_OR_RETURN(p.label, body.OptionalLocalText("label"));
  HD_ASSIGN_OR_RETURN(p.hint, body.OptionalLocalText("hint"));
  HD_ASSIGN_OR_RETURN(p.group, GroupOf(body));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  const std::string slug(context.params.Get("slug"));
  HD_ASSIGN_OR_RETURN(auto updated, context.services().categories.Update(Admin(context), slug, p));
  return Json(200, CategoryJson(updated, context.Language()));
}

namespace {

boost::json::value OrNull(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

boost::json::object TemplateJson(const service::TemplateEntry& e) {
  boost::json::array placeholders, used_by, texts;
  for (const std::string& p : e.placeholders) placeholders.emplace_back(p);
  for (const auto& u : e.used_by) {
    used_by.push_back(boost::json::object{
        {"process", u.process_id}, {"process_label", u.process_label}, {"label", u.label}});
  }
  for (const auto& t : e.texts) {
    texts.push_back(boost::json::object{
        {"language", t.language},
        {"text", OrNull(t.text)},
        {"file_text", OrNull(t.file_text)},
        {"edited", t.edited},
        {"updated_at", t.updated_at ? boost::json::value(core::FormatIso8601(*t.updated_at))
                                    : boost::json::value(nullptr)},
        {"updated_by",
         t.updated_by ? boost::json::value(t.updated_by->value) : boost::json::value(nullptr)}});
  }
  return boost::json::object{{"id", e.id},
                             {"kind", e.kind},
                             {"event", e.event},
                             {"part", e.part},
                             {"placeholders", std::move(placeholders)},
                             {"used_by", std::move(used_by)},
                             {"texts", std::move(texts)}};
}

}  // namespace

Result<Response> AdminTemplates(Context& context) {
  HD_ASSIGN_OR_RETURN(auto templates, context.services().templates.List(Admin(context)));
  return Items(templates, TemplateJson);
}

Result<Response> PutTemplate(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  HD_ASSIGN_OR_RETURN(std::string text, body.RequiredString("text"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto entry, context.services().templates.Put(
                                      Admin(context), std::string(context.params.Get("id")),
                                      std::string(context.params.Get("language")), text));
  return Json(200, TemplateJson(entry));
}

Result<Response> RevertTemplate(Context& context) {
  HD_ASSIGN_OR_RETURN(auto entry, context.services().templates.Revert(
                                      Admin(context), std::string(context.params.Get("id")),
                                      std::string(context.params.Get("language"))));
  return Json(200, TemplateJson(entry));
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
