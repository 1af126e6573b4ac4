#include "http/json/reader.hpp"

#include <boost/json/parse.hpp>

#include "http/problem.hpp"

namespace hd::http::json {

namespace {
Error WrongType(std::string_view name, std::string_view type) {
  return Error::InvalidArgument(std::string(name) + " must be " + std::string(type),
                                std::string(name));
}
}  // namespace

Result<JsonObject> JsonObject::Parse(std::string_view body) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(body, ec);
  if (ec) {
    return Error::InvalidArgument("request body is not valid JSON: " + ec.message())
        .WithReason(std::string(kReasonMalformedJson));
  }
  if (!value.is_object()) return Error::InvalidArgument("request body must be a JSON object");
  return JsonObject(std::move(value.as_object()));
}

const boost::json::value* JsonObject::Find(std::string_view name) {
  const auto member = object_.find(name);
  if (member == object_.end()) return nullptr;
  asked_[static_cast<std::size_t>(member - object_.begin())] = true;
  return &member->value();
}

bool JsonObject::Has(std::string_view name) { return Find(name) != nullptr; }

bool JsonObject::IsNull(std::string_view name) {
  const boost::json::value* v = Find(name);
  return v != nullptr && v->is_null();
}

Result<std::optional<std::string>> JsonObject::OptionalString(std::string_view name) {
  const boost::json::value* v = Find(name);
  if (v == nullptr || v->is_null()) return std::optional<std::string>();
  if (!v->is_string()) return WrongType(name, "a string");
  const boost::json::string& s = v->get_string();
  if (s.size() > kMaxStringBytes) {
    return Error::InvalidArgument(std::string(name) + " is too long", std::string(name));
  }
  return std::optional<std::string>(std::string(s.data(), s.size()));
}

Result<std::optional<core::LocalText>> JsonObject::OptionalLocalText(std::string_view name) {
  const boost::json::value* v = Find(name);
  if (v == nullptr || v->is_null()) return std::optional<core::LocalText>();
  if (v->is_string()) {
    HD_ASSIGN_OR_RETURN(auto text, OptionalString(name));
    return std::optional<core::LocalText>(core::LocalText(std::move(*text)));
  }
  const char* expected = "a string or an object of languages (en, ru) to strings";
  if (!v->is_object() || v->get_object().empty()) return WrongType(name, expected);
  core::LocalText out;
  for (const auto& member : v->get_object()) {
    const std::string language(member.key());
    if (!core::IsKnownLanguage(language)) {
      return Error::InvalidArgument(
          std::string(name) + ": unknown language \"" + language + "\" (en or ru)",
          std::string(name));
    }
    if (!member.value().is_string()) return WrongType(name, expected);
    const boost::json::string& s = member.value().get_string();
    if (s.size() > kMaxStringBytes) {
      return Error::InvalidArgument(std::string(name) + " is too long", std::string(name));
    }
    out.Set(language, std::string(s.data(), s.size()));
  }
  return std::optional<core::LocalText>(std::move(out));
}

Result<std::string> JsonObject::RequiredString(std::string_view name) {
  HD_ASSIGN_OR_RETURN(auto value, OptionalString(name));
  if (!value) return Error::InvalidArgument(std::string(name) + " is required", std::string(name));
  return std::move(*value);
}

Result<std::optional<std::int64_t>> JsonObject::OptionalInt(std::string_view name) {
  const boost::json::value* v = Find(name);
  if (v == nullptr || v->is_null()) return std::optional<std::int64_t>();
  if (v->is_int64()) return std::optional<std::int64_t>(v->get_int64());
  if (v->is_uint64() && v->get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return std::optional<std::int64_t>(static_cast<std::int64_t>(v->get_uint64()));
  }
  return WrongType(name, "an integer");
}

Result<std::int64_t> JsonObject::RequiredInt(std::string_view name) {
  HD_ASSIGN_OR_RETURN(auto value, OptionalInt(name));
  if (!value) return Error::InvalidArgument(std::string(name) + " is required", std::string(name));
  return *value;
}

Result<std::optional<bool>> JsonObject::OptionalBool(std::string_view name) {
  const boost::json::value* v = Find(name);
  if (v == nullptr || v->is_null()) return std::optional<bool>();
  if (!v->is_bool()) return WrongType(name, "true or false");
  return std::optional<bool>(v->get_bool());
}

Result<std::optional<std::vector<std::string>>> JsonObject::OptionalStringList(
    std::string_view name, std::size_t max_items) {
  using List = std::optional<std::vector<std::string>>;
  const boost::json::value* v = Find(name);
  if (v == nullptr || v->is_null()) return List();
  if (!v->is_array()) return WrongType(name, "an array of strings");
  const boost::json::array& array = v->get_array();
  if (array.size() > max_items) {
    return Error::InvalidArgument(
        std::string(name) + " has more than " + std::to_string(max_items) + " items",
        std::string(name));
  }
  std::vector<std::string> out;
  out.reserve(array.size());
  for (const boost::json::value& item : array) {
    if (!item.is_string()) return WrongType(name, "an array of strings");
    const boost::json::string& s = item.get_string();
    if (s.size() > kMaxStringBytes) {
      return Error::InvalidArgument(std::string(name) + " is too long", std::string(name));
    }
    out.emplace_back(s.data(), s.size());
  }
  return List(std::move(out));
}

Result<std::optional<std::vector<std::int64_t>>> JsonObject::OptionalIdList(std::string_view name,
                                                                            std::size_t max_items) {
  using List = std::optional<std::vector<std::int64_t>>;
  const boost::json::value* v = Find(name);
  if (v == nullptr || v->is_null()) return List();
  if (!v->is_array()) return WrongType(name, "an array of ids");
  const boost::json::array& array = v->get_array();
  if (array.size() > max_items) {
    return Error::InvalidArgument(
        std::string(name) + " has more than " + std::to_string(max_items) + " items",
        std::string(name));
  }
  std::vector<std::int64_t> out;
  out.reserve(array.size());
  for (const boost::json::value& item : array) {
    if (!item.is_int64() || item.get_int64() <= 0) return WrongType(name, "an array of ids");
    out.push_back(item.get_int64());
  }
  return List(std::move(out));
}

Status JsonObject::RejectUnknown() const {
  for (std::size_t i = 0; i < object_.size(); ++i) {
    if (!asked_[i]) {
      std::string name(object_.begin()[i].key());
      return Error::InvalidArgument("unknown field " + name, name).WithReason("unknown-field");
    }
  }
  return Ok();
}

}  // namespace hd::http::json
