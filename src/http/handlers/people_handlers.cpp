// /api/v1/admin/users, /companies, /groups and /audit: the administrators'
// people and the audit log of every administrative change (JSON pages, or
// the whole filtered log as CSV).
#include <algorithm>
#include <boost/json/value.hpp>
#include <boost/json/value_from.hpp>
#include <cstdint>

#include "core/licence.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/formats.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode.hpp"
#include "http/json/reader.hpp"
#include "http/query.hpp"

namespace hd::http::handlers {

namespace bj = boost::json;

namespace {

bj::value PersonJson(const service::PersonView& p) {
  bj::object out = bj::value_from(p.user).as_object();
  out["company"] = p.company;
  out["groups"] = bj::value_from(p.groups);
  out["disabled"] = p.user.disabled;
  out["has_password"] = p.has_password;
  return out;
}

bj::value LinkJson(const service::PasswordLink& link) {
  return bj::object{{"user", PersonJson(link.person)},
                    {"link", "/#/set-password?token=" + link.token}};
}

bj::value CompanyJson(const core::Company& c) {
  return bj::object{{"id", c.id.value},
                    {"name", c.name},
                    {"share_tickets", c.share_tickets},
                    {"created_at", core::FormatIso8601(c.created_at)}};
}

bj::value GroupJson(const service::GroupView& g, std::string_view language) {
  bj::object names = TextsJson(g.group.name);
  bj::array members;
  for (core::UserId id : g.members) members.push_back(id.value);
  return bj::object{
      {"id", g.group.id.value},    {"slug", g.group.slug}, {"name", g.group.name.In(language)},
      {"names", std::move(names)}, {"tier", g.group.tier}, {"members", std::move(members)}};
}

Result<std::optional<core::Role>> OptionalRole(json::JsonObject& body) {
  HD_ASSIGN_OR_RETURN(auto text, body.OptionalString("role"));
  if (!text) return std::optional<core::Role>();
  auto role = core::ParseRole(*text);
  if (!role) return Error::InvalidArgument("unknown role " + *text, "role");
  return role;
}

// A page of a listing: ?limit (1..max) and the opaque ?cursor.
struct Page {
  int limit = 50;
  std::optional<std::int64_t> cursor;
};

Result<Page> PageOf(const QueryParams& query, int max) {
  Page page;
  if (auto text = query.Get("limit")) {
    HD_ASSIGN_OR_RETURN(std::int64_t limit, ParseIntParam(*text, "limit", 1, max));
    page.limit = static_cast<int>(limit);
  }
  if (auto text = query.Get("cursor"); text && !text->empty()) {
    HD_ASSIGN_OR_RETURN(page.cursor, DecodeCursor(*text));
  }
  return page;
}

// {items, next}: `next` is the cursor of the following page, null on the last.
template <class T, class Fn>
Response Listing(const std::vector<T>& rows, int limit, Fn to_json,
                 std::int64_t (*id_of)(const T&)) {
  bj::array items;
  for (const T& row : rows) items.push_back(to_json(row));
  bj::value next = nullptr;
  if (static_cast<int>(rows.size()) == limit && !rows.empty()) {
    next = bj::value(EncodeCursor(id_of(rows.back())));
  }
  return Json(200, bj::object{{"items", std::move(items)}, {"next", std::move(next)}});
}

std::string ChangesText(const std::vector<core::ports::AuditChange>& changes) {
  std::string text;
  for (const auto& c : changes) {
    if (!text.empty()) text += "; ";
    text += c.field + ": " + c.before + " -> " + c.after;
  }
  return text;
}

bj::value AuditJson(const service::AuditRow& row) {
  const auto& e = row.entry;
  bj::array changes;
  for (const auto& c : e.changes) {
    changes.push_back(bj::object{{"field", c.field}, {"before", c.before}, {"after", c.after}});
  }
  return bj::object{{"id", e.id},
                    {"at", core::FormatIso8601(e.at)},
                    {"actor_id", e.actor_id ? bj::value(e.actor_id->value) : bj::value(nullptr)},
                    {"actor", row.actor_email},
                    {"action", e.action},
                    {"subject", e.subject},
                    {"detail", e.detail},
                    {"changes", std::move(changes)}};
}

Result<core::Timestamp> DayParam(std::string_view text, std::string_view field) {
  const auto day = core::ParseDate(text);
  if (!day) {
    return Error::InvalidArgument(std::string(field) + " must be a date YYYY-MM-DD",
                                  std::string(field));
  }
  return core::Timestamp(*day);
}

Result<core::ports::AuditQuery> AuditFilter(const QueryParams& query) {
  core::ports::AuditQuery q;
  if (auto text = query.Get("actor"); text && !text->empty()) {
    HD_ASSIGN_OR_RETURN(std::int64_t id, ParseIntParam(*text, "actor", 1, INT64_MAX));
    q.actor_id = core::UserId(id);
  }
  q.action = std::string(query.Get("action").value_or(""));
  q.subject = std::string(query.Get("subject").value_or(""));
  if (auto text = query.Get("from"); text && !text->empty()) {
    HD_ASSIGN_OR_RETURN(q.from, DayParam(*text, "from"));
  }
  if (auto text = query.Get("to"); text && !text->empty()) {
    // Inclusive: the whole day `to`.
    HD_ASSIGN_OR_RETURN(core::Timestamp to, DayParam(*text, "to"));
    q.to = to + std::chrono::hours(24);
  }
  return q;
}

// The whole filtered log as CSV, newest first, read a page at a time while
// the file is sent; the cursor is the id the next page is before.
Result<Response> AuditCsv(Context& context, core::ports::AuditQuery q) {
  q.limit = 1000;
  auto page_at = [&log = context.services().audit_log, actor = context.actor(),
                  q](std::string& cursor) mutable -> Result<std::string> {
    if (!cursor.empty()) q.before_id = std::stoll(cursor);
    HD_ASSIGN_OR_RETURN(auto rows, log.List(actor, q));
    std::string csv;
    for (const auto& row : rows) {
      const auto& e = row.entry;
      // Every text quoted: a detail or change may hold anything.
      csv += std::to_string(e.id) + "," + core::FormatIso8601(e.at);
      for (const std::string& text :
           {row.actor_email, e.action, e.subject, e.detail, ChangesText(e.changes)}) {
        csv += "," + CsvField(text, true);
      }
      csv += "\r\n";
    }
    cursor = static_cast<int>(rows.size()) < q.limit ? "" : std::to_string(rows.back().entry.id);
    return csv;
  };
  std::string cursor;
  HD_ASSIGN_OR_RETURN(std::string first, page_at(cursor));
  return context.env.downloads->Start("audit",
                                      "id,at,actor,action,subject,detail,changes\r\n" + first,
                                      std::move(cursor), std::move(page_at));
}

}  // namespace

Result<Response> AdminUsers(Context& context) {
  HD_ASSIGN_OR_RETURN(QueryParams query, ParseQuery(context.request.query));
  HD_ASSIGN_OR_RETURN(Page page, PageOf(query, 500));
  core::ports::UserQuery q;
  q.limit = page.limit;
  if (page.cursor) q.after = core::UserId(*page.cursor);
  q.text = std::string(query.Get("q").value_or(""));
  HD_ASSIGN_OR_RETURN(q.roles, ParseRoleList(query.Get("role").value_or(""), "role"));
  if (auto text = query.Get("company"); text && !text->empty()) {
    HD_ASSIGN_OR_RETURN(std::int64_t id, ParseIntParam(*text, "company", 1, INT64_MAX));
    q.company_id = core::CompanyId(id);
  }
  if (auto text = query.Get("disabled"); text && !text->empty()) {
    HD_ASSIGN_OR_RETURN(q.disabled, ParseFormBool(*text, "disabled"));
  }
  HD_ASSIGN_OR_RETURN(auto people, context.services().people.Users(context.actor(), q));
  return Listing<service::PersonView>(people, page.limit, PersonJson,
                                      [](const service::PersonView& p) { return p.user.id.value; });
}

Result<Response> AdminUser(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto person,
                      context.services().people.User(context.actor(), core::UserId(id)));
  return Json(200, PersonJson(person));
}

Result<Response> InviteUser(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  service::InviteInput in;
  HD_ASSIGN_OR_RETURN(in.email, body.RequiredString("email"));
  HD_ASSIGN_OR_RETURN(auto role, OptionalRole(body));
  if (!role) return Error::InvalidArgument("role is required", "role");
  in.role = *role;
  HD_ASSIGN_OR_RETURN(auto name, body.OptionalString("name"));
  HD_ASSIGN_OR_RETURN(auto company, body.OptionalString("company"));
  HD_ASSIGN_OR_RETURN(auto language, body.OptionalString("language"));
  HD_ASSIGN_OR_RETURN(auto time_zone, body.OptionalString("time_zone"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  in.name = name.value_or("");
  in.company = company.value_or("");
  in.language = language.value_or("");
  in.time_zone = time_zone.value_or("");
  HD_ASSIGN_OR_RETURN(auto link, context.services().people.Invite(context.actor(), in));
  return Json(201, LinkJson(link));
}

Result<Response> PatchUser(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  service::PersonPatch p;
  HD_ASSIGN_OR_RETURN(p.email, body.OptionalString("email"));
  HD_ASSIGN_OR_RETURN(p.name, body.OptionalString("name"));
  HD_ASSIGN_OR_RETURN(p.role, OptionalRole(body));
  HD_ASSIGN_OR_RETURN(p.company, body.OptionalString("company"));
  if (body.IsNull("company")) p.company = "";
  HD_ASSIGN_OR_RETURN(p.language, body.OptionalString("language"));
  HD_ASSIGN_OR_RETURN(p.time_zone, body.OptionalString("time_zone"));
  HD_ASSIGN_OR_RETURN(p.disabled, body.OptionalBool("disabled"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto person,
                      context.services().people.UpdateUser(context.actor(), core::UserId(id), p));
  return Json(200, PersonJson(person));
}

Result<Response> ResetUserPassword(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto link,
                      context.services().people.ResetPassword(context.actor(), core::UserId(id)));
  return Json(200, LinkJson(link));
}

Result<Response> CreateUserToken(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  HD_ASSIGN_OR_RETURN(std::string name, body.RequiredString("name"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  if (name.empty() || name.size() > 200) {
    return Error::InvalidArgument("name must be 1 to 200 characters", "name");
  }
  HD_ASSIGN_OR_RETURN(auto person,
                      context.services().people.User(context.actor(), core::UserId(id)));
  HD_ASSIGN_OR_RETURN(std::string token, context.services().accounts.CreateApiToken(
                                             context.actor(), person.user.email, name));
  return Json(201, bj::object{{"token", token}, {"user_id", id}, {"name", name}});
}

Result<Response> AdminCompanies(Context& context) {
  HD_ASSIGN_OR_RETURN(auto companies, context.services().people.Companies(context.actor()));
  bj::array items;
  for (const auto& c : companies) items.push_back(CompanyJson(c));
  return Json(200, bj::object{{"items", std::move(items)}});
}

Result<Response> AddCompany(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  HD_ASSIGN_OR_RETURN(std::string name, body.RequiredString("name"));
  HD_ASSIGN_OR_RETURN(auto share, body.OptionalBool("share_tickets"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto company, context.services().people.AddCompany(context.actor(), name,
                                                                         share.value_or(false)));
  return Json(201, CompanyJson(company));
}

Result<Response> PatchCompany(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  service::CompanyPatch p;
  HD_ASSIGN_OR_RETURN(p.name, body.OptionalString("name"));
  HD_ASSIGN_OR_RETURN(p.share_tickets, body.OptionalBool("share_tickets"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto company, context.services().people.UpdateCompany(
                                        context.actor(), core::CompanyId(id), p));
  return Json(200, CompanyJson(company));
}

Result<Response> AdminGroups(Context& context) {
  HD_ASSIGN_OR_RETURN(auto groups, context.services().people.Groups(context.actor()));
  bj::array items;
  for (const auto& g : groups) items.push_back(GroupJson(g, context.Language()));
  return Json(200, bj::object{{"items", std::move(items)}});
}

Result<Response> AddGroup(Context& context) {
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  core::Group group;
  HD_ASSIGN_OR_RETURN(group.slug, body.RequiredString("slug"));
  HD_ASSIGN_OR_RETURN(auto name, body.OptionalLocalText("name"));
  if (!name) return Error::InvalidArgument("name is required", "name");
  group.name = std::move(*name);
  HD_ASSIGN_OR_RETURN(std::int64_t tier, body.RequiredInt("tier"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  group.tier = static_cast<int>(std::clamp<std::int64_t>(tier, 0, 4));
  HD_ASSIGN_OR_RETURN(auto view, context.services().people.AddGroup(context.actor(), group));
  return Json(201, GroupJson(view, context.Language()));
}

Result<Response> PatchGroup(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto body, JsonBody(context));
  service::GroupPatch p;
  HD_ASSIGN_OR_RETURN(p.name, body.OptionalLocalText("name"));
  HD_ASSIGN_OR_RETURN(auto tier, body.OptionalInt("tier"));
  if (tier) p.tier = static_cast<int>(std::clamp<std::int64_t>(*tier, 0, 4));
  HD_ASSIGN_OR_RETURN(auto members, body.OptionalIdList("members", 1001));
  if (members) {
    p.members.emplace();
    for (std::int64_t m : *members) p.members->push_back(core::UserId(m));
  }
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(auto view,
                      context.services().people.UpdateGroup(context.actor(), core::GroupId(id), p));
  return Json(200, GroupJson(view, context.Language()));
}

Result<Response> AuditLog(Context& context) {
  HD_ASSIGN_OR_RETURN(QueryParams query, ParseQuery(context.request.query));
  HD_ASSIGN_OR_RETURN(core::ports::AuditQuery q, AuditFilter(query));
  const std::string_view format = query.Get("format").value_or("json");
  if (format == "csv") return AuditCsv(context, std::move(q));
  if (format != "json") return Error::InvalidArgument("format must be json or csv", "format");
  HD_ASSIGN_OR_RETURN(Page page, PageOf(query, 1000));
  q.limit = page.limit;
  q.before_id = page.cursor;
  HD_ASSIGN_OR_RETURN(auto rows, context.services().audit_log.List(context.actor(), q));
  return Listing<service::AuditRow>(rows, page.limit, AuditJson,
                                    [](const service::AuditRow& r) { return r.entry.id; });
}

}  // namespace hd::http::handlers
