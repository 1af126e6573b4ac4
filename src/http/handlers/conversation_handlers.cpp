// Messages, events, feedback and attachment downloads of a ticket.
#include <boost/json/value_from.hpp>

#include <algorithm>
#include <cctype>
#include <iterator>

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
std::string ContentDisposition(std::string_view filename, bool shown_inline) {
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
  return std::string(shown_inline ? "inline" : "attachment") + "; filename=\"" + fallback +
         "\"; filename*=UTF-8''" + encoded;
}

// Types a browser shows without running anything the uploader wrote; every
// other file is sent as bytes to save, whatever type its uploader claimed
// (text/html or image/svg+xml would run script in this origin).
constexpr std::string_view kShownInline[] = {"image/png",      "image/jpeg", "image/gif",
                                             "image/webp",     "image/bmp",  "text/plain",
                                             "application/pdf"};

// The lower-case media type of a stored Content-Type, without parameters.
std::string MediaType(std::string_view type) {
  type = type.substr(0, type.find(';'));
  while (!type.empty() && (type.front() == ' ' || type.front() == '\t')) type.remove_prefix(1);
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  std::string out(type);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The charset parameter of a stored text type when it is a plain name.
std::string Charset(std::string_view stored) {
  std::string lower(stored);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::size_t at = lower.find("charset=");
  if (at == std::string::npos) return {};
  std::string name = lower.substr(at + 8);
  name = name.substr(0, name.find(';'));
  std::erase(name, '"');
  const bool plain =
      !name.empty() && name.size() <= 40 && std::all_of(name.begin(), name.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' ||
               c == ':';
      });
  return plain ? name : std::string();
}

// What a download is sent as: a safe type as itself (text with its charset
// when it named one), anything else as application/octet-stream.
std::string ServedType(std::string_view stored, bool& shown_inline) {
  const std::string media = MediaType(stored);
  shown_inline =
      std::find(std::begin(kShownInline), std::end(kShownInline), media) != std::end(kShownInline);
  if (!shown_inline) return "application/octet-stream";
  const std::string charset = media == "text/plain" ? Charset(stored) : std::string();
  return charset.empty() ? media : media + "; charset=" + charset;
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
  HD_ASSIGN_OR_RETURN(auto history,
                      context.services().conversation.HistoryInWords(context.actor(), ticket));
  boost::json::array items;
  for (const service::WordedEvent& w : history) {
    boost::json::value event = boost::json::value_from(w.event);
    auto& object = event.as_object();
    const auto words = [](const std::string& text) -> boost::json::value {
      if (text.empty()) return nullptr;
      return boost::json::string(text);
    };
    object["field_label"] = words(w.field_label);
    object["old_label"] = words(w.old_label);
    object["new_label"] = words(w.new_label);
    items.push_back(std::move(event));
  }
  return Json(200, boost::json::object{{"items", std::move(items)}});
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
  bool shown_inline = false;
  response.SetHeader("Content-Type", ServedType(download.attachment.content_type, shown_inline));
  response.SetHeader("Content-Disposition",
                     ContentDisposition(download.attachment.filename, shown_inline));
  response.SetHeader("Cache-Control", "private, max-age=3600");
  response.SetHeader("ETag", "\"" + download.attachment.sha256 + "\"");
  response.body = std::move(download.bytes);
  return response;
}

}  // namespace hd::http::handlers
