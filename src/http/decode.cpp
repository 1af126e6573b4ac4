#include "http/decode.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "http/handlers/common.hpp"
#include "http/json/reader.hpp"
#include "http/multipart.hpp"
#include "http/query.hpp"
#include "service/crypto.hpp"

namespace hd::http {

namespace {

using TextField = std::pair<std::string_view, std::string service::CreateTicketInput::*>;
constexpr std::array<TextField, 11> kTicketFields = {{
    {"subject", &service::CreateTicketInput::subject},
    {"body", &service::CreateTicketInput::body},
    {"category", &service::CreateTicketInput::category},
    {"criticality", &service::CreateTicketInput::criticality},
    {"sources_searched", &service::CreateTicketInput::sources_searched},
    {"steps", &service::CreateTicketInput::steps},
    {"expected", &service::CreateTicketInput::expected},
    {"actual", &service::CreateTicketInput::actual},
    {"on_behalf_of", &service::CreateTicketInput::on_behalf_of},
    {"coupon", &service::CreateTicketInput::coupon},
    {"channel", &service::CreateTicketInput::channel},
}};
constexpr std::size_t kMaxIdempotencyKey = 200;
constexpr std::string_view kAttachmentsField = "attachments";

Error Missing(std::string_view field) {
  return Error::InvalidArgument(std::string(field) + " is required", std::string(field));
}

Error UnknownField(const std::string& name) {
  return Error::InvalidArgument("unknown field " + name, name).WithReason("unknown-field");
}

service::UploadedFile ToUpload(MultipartPart& part) {
  return service::UploadedFile{std::move(part.filename), std::move(part.content_type),
                               std::move(part.body)};
}

Status DecodeTicketJson(const Request& request, service::CreateTicketInput& input) {
  HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(request.body));
  for (const auto& [name, member] : kTicketFields) {
    HD_ASSIGN_OR_RETURN(auto value, body.OptionalString(name));
    if (value) input.*member = std::move(*value);
  }
  return body.RejectUnknown();
}

Status DecodeTicketMultipart(const Request& request, service::CreateTicketInput& input) {
  HD_ASSIGN_OR_RETURN(auto parts,
                      ParseMultipart(request.Header("Content-Type").value_or(""), request.body));
  for (MultipartPart& part : parts) {
    if (part.name == kAttachmentsField && part.is_file) {
      input.attachments.push_back(ToUpload(part));
      continue;
    }
    auto field = std::find_if(kTicketFields.begin(), kTicketFields.end(),
                              [&](const TextField& f) { return f.first == part.name; });
    if (field == kTicketFields.end() || part.is_file) return UnknownField(part.name);
    input.*(field->second) = std::move(part.body);
  }
  return Ok();
}

}  // namespace

Result<service::CreateTicketInput> DecodeCreateTicket(const Request& request) {
  service::CreateTicketInput input;
  input.channel.clear();  // empty: the body named none (the handler picks)
  HD_ASSIGN_OR_RETURN(BodyKind kind, DetectBody(request, true));
  HD_RETURN_IF_ERROR(kind == BodyKind::kJson ? DecodeTicketJson(request, input)
                                             : DecodeTicketMultipart(request, input));
  if (input.subject.empty()) return Missing("subject");
  if (input.body.empty()) return Missing("body");
  if (auto key = request.Header("Idempotency-Key")) {
    if (key->empty() || key->size() > kMaxIdempotencyKey) {
      return Error::InvalidArgument("Idempotency-Key must have 1 to 200 characters",
                                    "Idempotency-Key");
    }
    input.idempotency_key = std::string(*key);
    input.fingerprint = service::Sha256Hex(request.body);
  }
  return input;
}

Result<service::PostMessageInput> DecodePostMessage(const Request& request) {
  service::PostMessageInput input;
  HD_ASSIGN_OR_RETURN(BodyKind kind, DetectBody(request, true));
  if (kind == BodyKind::kJson) {
    HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(request.body));
    HD_ASSIGN_OR_RETURN(input.body, body.RequiredString("body"));
    HD_ASSIGN_OR_RETURN(auto internal, body.OptionalBool("internal"));
    input.internal = internal.value_or(false);
    HD_RETURN_IF_ERROR(body.RejectUnknown());
  } else {
    HD_ASSIGN_OR_RETURN(auto parts,
                        ParseMultipart(request.Header("Content-Type").value_or(""), request.body));
    for (MultipartPart& part : parts) {
      if (part.name == kAttachmentsField && part.is_file) {
        input.attachments.push_back(ToUpload(part));
      } else if (part.name == "body" && !part.is_file) {
        input.body = std::move(part.body);
      } else if (part.name == "internal" && !part.is_file) {
        HD_ASSIGN_OR_RETURN(input.internal, ParseFormBool(part.body, "internal"));
      } else {
        return UnknownField(part.name);
      }
    }
  }
  if (input.body.empty()) return Missing("body");
  return input;
}

Result<service::FeedbackInput> DecodeFeedback(const Request& request) {
  HD_RETURN_IF_ERROR(RequireJsonBody(request));
  HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(request.body));
  service::FeedbackInput input;
  HD_ASSIGN_OR_RETURN(std::int64_t rating, body.RequiredInt("rating"));
  if (rating < 1 || rating > 5) {
    return Error::InvalidArgument("rating must be from 1 to 5", "rating");
  }
  input.rating = static_cast<int>(rating);
  HD_ASSIGN_OR_RETURN(auto comment, body.OptionalString("comment"));
  input.comment = comment.value_or("");
  HD_ASSIGN_OR_RETURN(auto message_id, body.OptionalInt("message_id"));
  if (message_id) {
    if (*message_id <= 0)
      return Error::InvalidArgument("message_id must be positive", "message_id");
    input.message_id = core::MessageId(*message_id);
  }
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  return input;
}

}  // namespace hd::http
