#include "http/handlers/formats.hpp"

#include "http/handlers/common.hpp"

namespace hd::http::handlers {

Result<json::JsonObject> JsonBody(const Context& context) {
  HD_RETURN_IF_ERROR(RequireJsonBody(context.request));
  return json::JsonObject::Parse(context.request.body);
}

std::string CsvField(std::string_view text, bool always_quoted) {
  std::string value;
  const bool formula =
      !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@');
  if (formula) value = "'";
  value += text;
  if (!always_quoted && value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Response CsvResponse(std::string body, const std::string& name) {
  Response response;
  response.status = 200;
  response.SetHeader("Content-Type", "text/csv; charset=utf-8");
  response.SetHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
  response.SetHeader("Cache-Control", "private, no-cache");
  response.body = std::move(body);
  return response;
}

boost::json::object TextsJson(const core::LocalText& text) {
  boost::json::object out;
  for (const auto& [lang, value] : text.all()) out[lang.empty() ? "en" : lang] = value;
  return out;
}

}  // namespace hd::http::handlers
