// Reference data: categories, groups and user cards.
#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode.hpp"

namespace hd::http::handlers {

Result<Response> Categories(Context& context) {
  HD_ASSIGN_OR_RETURN(auto categories, context.services().directory.Categories());
  return JsonResponse(200, json::ItemsJson(categories));
}

Result<Response> Groups(Context& context) {
  HD_ASSIGN_OR_RETURN(auto groups, context.services().directory.Groups());
  return JsonResponse(200, json::ItemsJson(groups));
}

Result<Response> GetUser(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto user,
                      context.services().directory.UserCard(context.actor(), core::UserId(id)));
  return Json(200, json::UserCard(user));
}

}  // namespace hd::http::handlers
