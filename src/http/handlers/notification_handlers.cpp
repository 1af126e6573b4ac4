// GET /notifications and POST /notifications/{id}/read: the signed-in user's
// notifications from the one outbox, delivered in the app.
#include <boost/json/value.hpp>

#include "core/time.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/query.hpp"

namespace hd::http::handlers {

namespace {

namespace bj = boost::json;

constexpr std::int64_t kMaxLimit = 1000;

bj::value OptionalTime(const std::optional<core::Timestamp>& t) {
  if (!t) return nullptr;
  return bj::string(core::FormatIso8601(*t));
}

bj::object NotificationJson(const core::ports::Notification& n) {
  bj::object out{{"id", n.id},
                 {"kind", n.kind},
                 {"subject", n.subject},
                 {"body", n.body},
                 {"audience", n.audience},
                 {"created_at", core::FormatIso8601(n.created_at)},
                 {"read", n.read_at.has_value()},
                 {"read_at", OptionalTime(n.read_at)}};
  if (n.ticket_id) {
    out["ticket_id"] = n.ticket_id->value;
  } else {
    out["ticket_id"] = nullptr;
  }
  return out;
}

}  // namespace

Result<Response> ListNotifications(Context& context) {
  HD_ASSIGN_OR_RETURN(QueryParams params, ParseQuery(context.request.query));
  std::optional<std::int64_t> before;
  if (auto cursor = params.Get("cursor"); cursor && !cursor->empty()) {
    HD_ASSIGN_OR_RETURN(before, DecodeCursor(*cursor));
  }
  int limit = 0;
  if (auto text = params.Get("limit")) {
    HD_ASSIGN_OR_RETURN(auto value, ParseIntParam(*text, "limit", 1, kMaxLimit));
    limit = static_cast<int>(value);
  }
  HD_ASSIGN_OR_RETURN(auto page,
                      context.services().notifications.List(context.actor(), before, limit));
  bj::array items;
  for (const auto& n : page.items) items.push_back(NotificationJson(n));
  bj::object body{{"items", std::move(items)}, {"unread", page.unread}};
  if (page.next_cursor) {
    body["next_cursor"] = EncodeCursor(*page.next_cursor);
  } else {
    body["next_cursor"] = nullptr;
  }
  Response response = Json(200, body);
  response.SetHeader("Cache-Control", "private, no-cache");
  return response;
}

Result<Response> ReadNotification(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto unread, context.services().notifications.MarkRead(context.actor(), id));
  return Json(200, bj::object{{"id", id}, {"read", true}, {"unread", unread}});
}

}  // namespace hd::http::handlers
