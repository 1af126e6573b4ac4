// The agents' desk: GET /queues (the role's queues with counts), presence on
// a ticket (GET/PUT/DELETE /tickets/{id}/presence), canned replies
// (GET /tickets/{id}/replies) and saved views (GET/POST /me/views,
// DELETE /me/views/{id}).
#include <boost/json/value.hpp>

#include "core/role.hpp"
#include "core/time.hpp"
#include "http/decode.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/reader.hpp"

namespace hd::http::handlers {

namespace {

namespace bj = boost::json;

Result<core::TicketId> TicketOf(const Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  return core::TicketId(id);
}

Response ViewersJson(const std::vector<service::Viewer>& viewers) {
  bj::array items;
  for (const service::Viewer& v : viewers) {
    items.push_back(bj::object{{"user_id", v.user_id.value},
                               {"name", v.name},
                               {"role", core::ToString(v.role)},
                               {"typing", v.typing},
                               {"since", core::FormatIso8601(v.since)},
                               {"seen_at", core::FormatIso8601(v.seen_at)}});
  }
  return Json(200, bj::object{{"items", std::move(items)},
                              {"fresh_seconds", service::Presence::kFresh.count()}});
}

bj::object ViewJson(const core::ports::SavedView& view) {
  return bj::object{{"id", view.id.value},
                    {"name", view.name},
                    {"query", view.query},
                    {"created_at", core::FormatIso8601(view.created_at)}};
}

}  // namespace

Result<Response> ListQueues(Context& context) {
  HD_ASSIGN_OR_RETURN(auto counts, context.services().queues.Counts(context.actor()));
  bj::array items;
  for (const service::QueueCount& q : counts) {
    items.push_back(bj::object{{"id", q.id}, {"label", q.label}, {"count", q.count}});
  }
  return Json(200, bj::object{{"items", std::move(items)}});
}

Result<Response> GetPresence(Context& context) {
  HD_ASSIGN_OR_RETURN(auto ticket, TicketOf(context));
  HD_ASSIGN_OR_RETURN(auto viewers, context.services().presence.List(context.actor(), ticket));
  return ViewersJson(viewers);
}

Result<Response> AnnouncePresence(Context& context) {
  HD_ASSIGN_OR_RETURN(auto ticket, TicketOf(context));
  bool typing = false;
  if (!context.request.body.empty()) {
    HD_RETURN_IF_ERROR(RequireJsonBody(context.request));
    HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(context.request.body));
    HD_ASSIGN_OR_RETURN(auto flag, body.OptionalBool("typing"));
    HD_RETURN_IF_ERROR(body.RejectUnknown());
    typing = flag.value_or(false);
  }
  HD_ASSIGN_OR_RETURN(auto viewers,
                      context.services().presence.Announce(context.actor(), ticket, typing));
  return ViewersJson(viewers);
}

Result<Response> LeavePresence(Context& context) {
  HD_ASSIGN_OR_RETURN(auto ticket, TicketOf(context));
  HD_RETURN_IF_ERROR(context.services().presence.Leave(context.actor(), ticket));
  Response response;
  response.status = 204;
  return response;
}

Result<Response> ListCannedReplies(Context& context) {
  HD_ASSIGN_OR_RETURN(auto ticket, TicketOf(context));
  HD_ASSIGN_OR_RETURN(auto replies, context.services().canned_replies.For(context.actor(), ticket));
  bj::array items;
  for (const service::CannedReply& r : replies) {
    items.push_back(bj::object{{"id", r.id}, {"title", r.title}, {"text", r.text}});
  }
  return Json(200, bj::object{{"items", std::move(items)}});
}

Result<Response> GetL1Hint(Context& context) {
  HD_ASSIGN_OR_RETURN(auto ticket, TicketOf(context));
  HD_ASSIGN_OR_RETURN(auto view, context.services().l1_hints.Find(context.actor(), ticket));
  const core::ports::L1Hint& h = view.hint;
  bj::array evidence;
  for (const std::string& item : h.evidence) evidence.push_back(bj::value(item));
  bj::object out{{"ticket_id", h.ticket_id.value},
                 {"proposed_class", h.proposed_class},
                 {"label", view.label},
                 {"source", h.source},
                 {"evidence", std::move(evidence)},
                 {"proposed_at", core::FormatIso8601(h.proposed_at)},
                 {"decided_class", nullptr},
                 {"decided_label", nullptr},
                 {"decided_at", nullptr},
                 {"accepted", nullptr}};
  if (h.decided_class) {
    out["decided_class"] = *h.decided_class;
    out["decided_label"] = view.decided_label;
    out["decided_at"] = core::FormatIso8601(*h.decided_at);
    out["accepted"] = *h.decided_class == h.proposed_class;
  }
  return Json(200, std::move(out));
}

Result<Response> ListViews(Context& context) {
  HD_ASSIGN_OR_RETURN(auto views, context.services().saved_views.List(context.actor()));
  bj::array items;
  for (const auto& view : views) items.push_back(ViewJson(view));
  return Json(200, bj::object{{"items", std::move(items)}});
}

Result<Response> CreateView(Context& context) {
  HD_RETURN_IF_ERROR(RequireJsonBody(context.request));
  HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(context.request.body));
  HD_ASSIGN_OR_RETURN(std::string name, body.RequiredString("name"));
  HD_ASSIGN_OR_RETURN(std::string query, body.RequiredString("query"));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  if (!query.empty() && query.front() == '?') query.erase(0, 1);
  // A view is a ticket listing: its query must be one GET /tickets accepts.
  auto listing = DecodeListTickets(query);
  if (!listing.ok()) {
    return Error::InvalidArgument("query is not a ticket listing: " + listing.error().message,
                                  "query");
  }
  if (listing->after) {
    return Error::InvalidArgument("query must not hold a cursor: a view starts at the top",
                                  "query");
  }
  HD_ASSIGN_OR_RETURN(auto view,
                      context.services().saved_views.Create(context.actor(), name, query));
  return Json(201, ViewJson(view));
}

Result<Response> DeleteView(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_RETURN_IF_ERROR(context.services().saved_views.Delete(context.actor(), core::SavedViewId(id)));
  Response response;
  response.status = 204;
  return response;
}

}  // namespace hd::http::handlers
