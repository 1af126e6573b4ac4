// The mail channel over HTTP: a received message as it arrived (staff) and
// the state of mailboxes, outbox, held and failing mail (administrators).
#include <string>

#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode_mail.hpp"
#include "http/json/reader.hpp"
#include "http/query.hpp"

namespace hd::http::handlers {

namespace {

constexpr std::int64_t kDefaultListLimit = 50;
constexpr std::int64_t kMaxListLimit = 500;

// "ticket-1042-message-77.eml": the number people know the ticket by. Only
// digits, so the plain quoted form needs no escaping.
std::string RawFileName(std::int64_t ticket_number, core::MessageId message) {
  return "ticket-" + std::to_string(ticket_number) + "-message-" + std::to_string(message.value) +
         ".eml";
}

}  // namespace

// MailAdmin::Raw decides who may read it: staff who may read the ticket;
// everyone else gets 404, as for a message that did not come by mail.
Result<Response> GetRawMessage(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t ticket_id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(std::int64_t message_id, IdParam(context, "mid"));
  const service::Actor actor = context.actor();
  const core::TicketId ticket(ticket_id);
  const core::MessageId message(message_id);
  HD_ASSIGN_OR_RETURN(auto raw, context.services().mail_admin.Raw(actor, ticket, message));
  Response response;
  response.SetHeader("Content-Type", "message/rfc822");
  response.SetHeader("Content-Disposition",
                     "attachment; filename=\"" + RawFileName(raw.ticket_number, message) + "\"");
  response.SetHeader("Cache-Control", "private, no-store");
  response.body = std::move(raw.bytes);
  return response;
}

Result<Response> AdminMail(Context& context) {
  HD_ASSIGN_OR_RETURN(QueryParams params, ParseQuery(context.request.query));
  std::int64_t limit = kDefaultListLimit;
  if (auto text = params.Get("limit")) {
    HD_ASSIGN_OR_RETURN(limit, ParseIntParam(*text, "limit", 1, kMaxListLimit));
  }
  HD_ASSIGN_OR_RETURN(auto overview, context.services().mail_admin.Overview(
                                         context.actor(), static_cast<int>(limit)));
  Response response = Json(200, json::MailOverviewJson(overview));
  response.SetHeader("Cache-Control", "no-store");
  return response;
}

// {"ticket_id": N} puts the held mail into that ticket; without it the
// mail opens a ticket of its own.
Result<Response> ReleaseHeldMail(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  std::optional<std::int64_t> into;
  if (!context.request.body.empty()) {
    HD_RETURN_IF_ERROR(RequireJsonBody(context.request));
    HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(context.request.body));
    HD_ASSIGN_OR_RETURN(into, body.OptionalInt("ticket_id"));
    HD_RETURN_IF_ERROR(body.RejectUnknown());
  }
  service::MailIntake* intake = context.services().mail_intake;
  if (intake == nullptr) return Error::Unavailable("mail is not set up on this server");
  HD_ASSIGN_OR_RETURN(auto outcome,
                      intake->Release(context.actor(), id,
                                      into ? std::optional(core::TicketId(*into)) : std::nullopt));
  return Json(200, boost::json::object{
                       {"id", outcome.inbound_id},
                       {"status", core::ports::ToString(outcome.status)},
                       {"reason", outcome.reason},
                       {"ticket_id", outcome.ticket ? boost::json::value(outcome.ticket->value)
                                                    : boost::json::value(nullptr)},
                       {"message_id", outcome.message ? boost::json::value(outcome.message->value)
                                                      : boost::json::value(nullptr)},
                   });
}

}  // namespace hd::http::handlers
