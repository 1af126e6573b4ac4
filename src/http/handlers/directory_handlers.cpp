// Reference data: categories, groups and user cards.
#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode.hpp"
#include "http/query.hpp"

namespace hd::http::handlers {

Result<Response> Categories(Context& context) {
  HD_ASSIGN_OR_RETURN(auto categories, context.services().directory.Categories());
  boost::json::array items;
  for (const auto& c : categories) items.push_back(json::CategoryJson(c, context.Language()));
  return Json(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> Groups(Context& context) {
  HD_ASSIGN_OR_RETURN(auto groups, context.services().directory.Groups());
  boost::json::array items;
  for (const auto& g : groups) items.push_back(json::GroupJson(g, context.Language()));
  return Json(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> GetUser(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto user,
                      context.services().directory.UserCard(context.actor(), core::UserId(id)));
  return Json(200, json::UserCard(user));
}

// GET /api/v1/users?role=developer,tester&q=ann&limit=20: staff for pickers.
Result<Response> FindStaff(Context& context) {
  HD_ASSIGN_OR_RETURN(QueryParams query, ParseQuery(context.request.query));
  HD_ASSIGN_OR_RETURN(auto roles, ParseRoleList(query.Get("role").value_or(""), "role"));
  std::int64_t limit = 20;
  if (auto text = query.Get("limit")) {
    HD_ASSIGN_OR_RETURN(limit, ParseIntParam(*text, "limit", 1, 100));
  }
  HD_ASSIGN_OR_RETURN(
      auto users, context.services().directory.FindStaff(context.actor(), std::move(roles),
                                                         std::string(query.Get("q").value_or("")),
                                                         static_cast<int>(limit)));
  boost::json::array items;
  for (const core::User& user : users) {
    boost::json::object card = json::UserCard(user).as_object();
    card["email"] = user.email;
    items.push_back(std::move(card));
  }
  return Json(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace hd::http::handlers
