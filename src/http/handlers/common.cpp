#include "http/handlers/common.hpp"

#include "http/json/encode.hpp"
#include "http/multipart.hpp"
#include "http/problem.hpp"
#include "http/query.hpp"

namespace hd::http {

Response Json(int status, const boost::json::value& value) {
  return JsonResponse(status, json::Serialize(value));
}

std::string ETagFor(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

Result<std::optional<std::int64_t>> IfMatchVersion(const Request& request) {
  auto header = request.Header("If-Match");
  if (!header) return std::optional<std::int64_t>();
  std::string_view text = *header;
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  if (text == "*") return std::optional<std::int64_t>();
  if (text.substr(0, 2) == "W/") text.remove_prefix(2);
  if (text.size() >= 3 && text.front() == '"' && text.back() == '"') {
    auto version = ParseIntParam(text.substr(1, text.size() - 2), "If-Match", 1, INT64_MAX);
    if (version.ok()) return std::optional<std::int64_t>(*version);
  }
  return Error::PreconditionFailed("If-Match names no version of this ticket");
}

Result<BodyKind> DetectBody(const Request& request, bool multipart_allowed) {
  auto content_type = request.Header("Content-Type");
  if (!content_type) return BodyKind::kJson;
  auto parsed = ParseHeaderValue(*content_type);
  if (parsed.ok()) {
    const std::string& type = parsed->value;
    if (type == "application/json" ||
        (type.size() > 5 && type.compare(type.size() - 5, 5, "+json") == 0)) {
      return BodyKind::kJson;
    }
    if (multipart_allowed && type == "multipart/form-data") return BodyKind::kMultipart;
  }
  return Error::InvalidArgument(multipart_allowed ? "send application/json or multipart/form-data"
                                                  : "send application/json")
      .WithReason(std::string(kReasonUnsupportedMediaType));
}

Status RequireJsonBody(const Request& request) {
  auto kind = DetectBody(request, false);
  if (!kind.ok()) return std::move(kind).error();
  return Ok();
}

Result<bool> ParseFormBool(std::string_view text, std::string_view field) {
  if (text == "true" || text == "1" || text == "on") return true;
  if (text == "false" || text == "0" || text == "off" || text.empty()) return false;
  return Error::InvalidArgument(std::string(field) + " must be true or false", std::string(field));
}

Result<std::vector<core::Role>> ParseRoleList(std::string_view list, std::string_view field) {
  std::vector<core::Role> roles;
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    const std::string_view id = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    if (id.empty()) continue;
    auto role = core::ParseRole(id);
    if (!role) return Error::InvalidArgument("unknown role " + std::string(id), std::string(field));
    roles.push_back(*role);
  }
  return roles;
}

}  // namespace hd::http
