// Messages, events, feedback and attachment downloads of a ticket.
#include <boost/json/value_from.hpp>

#include "http/decode.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode.hpp"

namespace hd::http::handlers {

namespace {

bool IsAttrChar(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

// Content-Disposition with an ASCII fallback and the exact UTF-8 name
// (RFC 6266 / RFC 8187).
std::string ContentDisposition(std::string_view filename) {
  std::string fallback;
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : filename) {
    bool plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
    fallback.push_back(plain ? static_cast<char>(c) : '_');
    if (IsAttrChar(c)) {
      encoded.push_back(static_cast<char>(c));
    } else {
      encoded += {'%', kHex[c >> 4], kHex[c & 0xF]};
    }
  }
  if (fallback.empty()) fallback = "attachment";
  return "attachment; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

// A stored Content-Type, unless it could break the header or is empty.
std::string SafeContentType(const std::string& type) {
  if (type.empty() || type.find_first_of("\r\n") != std::string::npos) {
    return "application/octet-stream";
  }
  return type;
}

Result<core::TicketId> TicketParam(const Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  return core::TicketId(id);
}

}  // namespace

Result<Response> ListMessages(Context& context) {
  HD_ASSIGN_OR_RETURN(auto ticket, TicketParam(context));
  HD_ASSIGN_OR_RETURN(auto messages, context.services().conversation.List(context.actor(), ticket));
  return JsonResponse(200, json::ItemsJson(messages));
}

Result<Response> PostMessage(Context& context) {
  HD_ASSIGN_OR_RETURN(auto ticket, TicketParam(context));
  HD_ASSIGN_OR_RETURN(auto input, DecodePostMessage(context.request));
  if (!context.principal->via_session) input.channel = "api";
  HD_ASSIGN_OR_RETURN(auto message, context.services().conversation.Post(context.actor(), ticket,
                                                                         std::move(input)));
  return Json(201, boost::json::value_from(message));
}

Result<Response> ListEvents(Context& context) {
  HD_ASSIGN_OR_RETURN(auto ticket, TicketParam(context));
  HD_ASSIGN_OR_RETURN(auto events,
                      context.services().conversation.History(context.actor(), ticket));
  return JsonResponse(200, json::ItemsJson(events));
}

Result<Response> ListFeedback(Context& context) {
  HD_ASSIGN_OR_RETURN(auto ticket, TicketParam(context));
  HD_ASSIGN_OR_RETURN(auto feedback,
                      context.services().conversation.ListFeedback(context.actor(), ticket));
  return JsonResponse(200, json::ItemsJson(feedback));
}

Result<Response> PostFeedback(Context& context) {
  HD_ASSIGN_OR_RETURN(auto ticket, TicketParam(context));
  HD_ASSIGN_OR_RETURN(auto input, DecodeFeedback(context.request));
  HD_ASSIGN_OR_RETURN(auto feedback,
                      context.services().conversation.GiveFeedback(context.actor(), ticket, input));
  return Json(201, boost::json::value_from(feedback));
}

Result<Response> GetAttachment(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto download, context.services().conversation.GetAttachment(
                                         context.actor(), core::AttachmentId(id)));
  Response response;
  response.SetHeader("Content-Type", SafeContentType(download.attachment.content_type));
  response.SetHeader("Content-Disposition", ContentDisposition(download.attachment.filename));
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Cache-Control", "private, max-age=3600");
  response.SetHeader("ETag", "\"" + download.attachment.sha256 + "\"");
  response.body = std::move(download.bytes);
  return response;
}

}  // namespace hd::http::handlers
