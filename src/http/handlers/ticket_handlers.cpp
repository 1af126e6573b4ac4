// POST/GET /tickets and GET/PATCH /tickets/{id}.
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value_from.hpp>

#include "http/decode.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode.hpp"
#include "http/query.hpp"

namespace hd::http::handlers {

namespace {

std::string TicketPath(core::TicketId id) { return "/api/v1/tickets/" + std::to_string(id.value); }

// The ticket with its ETag. The JSON tree lives in one stack buffer instead
// of a heap allocation per member.
Response TicketResponse(int status, const core::Ticket& ticket) {
  unsigned char buffer[8192];
  boost::json::monotonic_resource memory(buffer, sizeof buffer);
  Response response = Json(status, boost::json::value_from(ticket, &memory));
  response.SetHeader("ETag", ETagFor(ticket.version));
  response.SetHeader("Cache-Control", "private, no-cache");
  return response;
}

}  // namespace

Result<Response> CreateTicket(Context& context) {
  HD_ASSIGN_OR_RETURN(auto input, DecodeCreateTicket(context.request));
  // A channel the body names is checked as given; without one, a browser
  // session is the web form and a token an integration.
  if (input.channel.empty()) input.channel = context.principal->via_session ? "web" : "api";
  HD_ASSIGN_OR_RETURN(auto created,
                      context.services().tickets.Create(context.actor(), std::move(input)));
  Response response = TicketResponse(201, created.ticket);
  response.SetHeader("Location", TicketPath(created.ticket.id));
  if (created.replayed) response.SetHeader("Idempotent-Replayed", "true");
  return response;
}

Result<Response> ListTickets(Context& context) {
  HD_ASSIGN_OR_RETURN(auto input, DecodeListTickets(context.request.query));
  HD_ASSIGN_OR_RETURN(auto page, context.services().tickets.List(context.actor(), input));
  boost::json::monotonic_resource memory;
  boost::json::object body(2, &memory);
  body.emplace("items", boost::json::value_from(page.items, &memory));
  if (page.next_cursor) {
    body["next_cursor"] = EncodeCursor(page.next_cursor->value);
  } else {
    body["next_cursor"] = nullptr;
  }
  return Json(200, body);
}

Result<Response> GetTicket(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto ticket,
                      context.services().tickets.Get(context.actor(), core::TicketId(id)));
  if (context.request.Header("If-None-Match") ==
      std::optional<std::string_view>(ETagFor(ticket.version))) {
    // Not modified: the validators again, no body and so no Content-Type.
    Response response;
    response.status = 304;
    response.SetHeader("ETag", ETagFor(ticket.version));
    response.SetHeader("Cache-Control", "private, no-cache");
    return response;
  }
  return TicketResponse(200, ticket);
}

Result<Response> PatchTicket(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto patch, DecodeTicketPatch(context.request));
  HD_ASSIGN_OR_RETURN(
      auto ticket, context.services().tickets.Update(context.actor(), core::TicketId(id), patch));
  return TicketResponse(200, ticket);
}

}  // namespace hd::http::handlers
