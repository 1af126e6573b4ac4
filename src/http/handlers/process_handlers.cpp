// The business process over HTTP: a ticket's transitions and its diagram,
// and the administrator's process versions and migrations.
#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>
#include <map>

#include "http/handlers/common.hpp"
#include "http/handlers/handler.hpp"
#include "http/json/encode.hpp"
#include "http/problem.hpp"

namespace hd::http::handlers {

namespace {

namespace bj = boost::json;

Result<bj::object> ParseObject(const Request& request) {
  HD_RETURN_IF_ERROR(RequireJsonBody(request));
  if (request.body.empty()) return bj::object();
  boost::system::error_code ec;
  bj::value value = bj::parse(request.body, ec);
  if (ec) {
    return Error::InvalidArgument("request body is not valid JSON: " + ec.message())
        .WithReason(std::string(kReasonMalformedJson));
  }
  if (!value.is_object()) return Error::InvalidArgument("request body must be a JSON object");
  return std::move(value.as_object());
}

Status OnlyMembers(const bj::object& object, std::initializer_list<std::string_view> known) {
  for (const auto& member : object) {
    if (std::find(known.begin(), known.end(), member.key()) == known.end()) {
      const std::string name(member.key());
      return Error::InvalidArgument("unknown field " + name, name).WithReason("unknown-field");
    }
  }
  return Ok();
}

// A field value as the process keeps it: text. Numbers and booleans are
// written as JSON writes them; null leaves the field out.
Result<std::optional<std::string>> FieldText(const std::string& name, const bj::value& v) {
  if (v.is_null()) return std::optional<std::string>();
  if (v.is_string()) return std::optional<std::string>(std::string(v.get_string()));
  if (v.is_bool()) return std::optional<std::string>(v.get_bool() ? "true" : "false");
  if (v.is_number()) return std::optional<std::string>(bj::serialize(v));
  return Error::InvalidArgument("fields." + name + " must be a string, number or boolean",
                                "fields." + name);
}

Result<service::FireInput> DecodeFire(const Context& context) {
  HD_ASSIGN_OR_RETURN(bj::object body, ParseObject(context.request));
  HD_RETURN_IF_ERROR(OnlyMembers(body, {"fields", "comment"}));
  service::FireInput input;
  input.transition = std::string(context.params.Get("transition"));
  if (const bj::value* fields = body.if_contains("fields"); fields && !fields->is_null()) {
    if (!fields->is_object()) return Error::InvalidArgument("fields must be an object", "fields");
    for (const auto& member : fields->as_object()) {
      const std::string name(member.key());
      HD_ASSIGN_OR_RETURN(auto text, FieldText(name, member.value()));
      if (text) input.fields[name] = std::move(*text);
    }
  }
  if (const bj::value* comment = body.if_contains("comment"); comment && !comment->is_null()) {
    if (!comment->is_string()) return Error::InvalidArgument("comment must be a string", "comment");
    input.comment = std::string(comment->get_string());
  }
  HD_ASSIGN_OR_RETURN(input.expected_version, IfMatchVersion(context.request));
  return input;
}

// `t` with its texts in `language`.
bj::value TransitionJson(const workflow::AvailableTransition& t, std::string_view language) {
  bj::array fields;
  for (const auto& f : t.fields) {
    bj::object field{{"name", f.name},
                     {"label", f.label.In(language)},
                     {"type", workflow::ToString(f.type)},
                     {"required", f.required}};
    if (!f.options.empty()) field["options"] = bj::value_from(f.options);
    if (!f.option_labels.empty()) {
      bj::array labels;
      for (const core::LocalText& label : f.option_labels) labels.emplace_back(label.In(language));
      field["option_labels"] = std::move(labels);
    }
    fields.push_back(std::move(field));
  }
  return bj::object{{"id", t.id},
                    {"label", t.label.In(language)},
                    {"to", t.to},
                    {"vote", t.vote},
                    {"fields", std::move(fields)}};
}

Result<std::int64_t> VersionMember(const bj::object& body, std::string_view name) {
  const bj::value* v = body.if_contains(name);
  if (v != nullptr && v->is_int64() && v->get_int64() > 0) return v->get_int64();
  return Error::InvalidArgument(std::string(name) + " must be a positive version number",
                                std::string(name));
}

Result<std::map<std::string, std::string>> MapMember(const bj::object& body) {
  std::map<std::string, std::string> out;
  const bj::value* v = body.if_contains("map");
  if (v == nullptr || v->is_null()) return out;
  if (!v->is_object()) return Error::InvalidArgument("map must be an object", "map");
  for (const auto& member : v->as_object()) {
    if (!member.value().is_string()) {
      return Error::InvalidArgument("map values must be state ids", "map");
    }
    out[std::string(member.key())] = std::string(member.value().get_string());
  }
  return out;
}

}  // namespace

Result<Response> ListTransitions(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto available, context.services().transitions.Available(context.actor(),
                                                                               core::TicketId(id)));
  const std::string language = context.Language();
  bj::array items;
  for (const auto& t : available) items.push_back(TransitionJson(t, language));
  Response response = Json(200, bj::object{{"items", std::move(items)}});
  response.SetHeader("Cache-Control", "private, no-cache");
  return response;
}

Result<Response> FireTransition(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(auto input, DecodeFire(context));
  HD_ASSIGN_OR_RETURN(
      auto ticket, context.services().transitions.Fire(context.actor(), core::TicketId(id), input));
  Response response = Json(200, bj::value_from(ticket));
  response.SetHeader("ETag", ETagFor(ticket.version));
  response.SetHeader("Cache-Control", "private, no-cache");
  return response;
}

Result<Response> TicketProcessSvg(Context& context) {
  HD_ASSIGN_OR_RETURN(std::int64_t id, IdParam(context, "id"));
  HD_ASSIGN_OR_RETURN(std::string svg,
                      context.services().transitions.Diagram(context.actor(), core::TicketId(id)));
  Response response;
  response.status = 200;
  response.body = std::move(svg);
  response.SetHeader("Content-Type", "image/svg+xml");
  response.SetHeader("Cache-Control", "private, no-cache");
  return response;
}

Result<Response> ListProcessVersions(Context& context) {
  HD_ASSIGN_OR_RETURN(auto versions, context.services().process_admin.Versions(context.actor()));
  bj::array items;
  for (const auto& v : versions) {
    const auto current = context.services().processes.catalog().Current(v.process_id);
    items.push_back(bj::object{{"id", v.process_id},
                               {"version", v.version},
                               {"sha256", v.sha256},
                               {"file_name", v.file_name},
                               {"loaded_at", core::FormatIso8601(v.loaded_at)},
                               {"current", current && current->version == v.version}});
  }
  return Json(200, bj::object{{"items", std::move(items)}});
}

namespace {

struct SourceBody {
  std::string source;
  std::string file_name = "api.yaml";
};

// {source, file_name?} of POST /api/v1/processes and /processes/check.
Result<SourceBody> DecodeSource(const Context& context) {
  HD_ASSIGN_OR_RETURN(bj::object body, ParseObject(context.request));
  HD_RETURN_IF_ERROR(OnlyMembers(body, {"source", "file_name"}));
  const bj::value* source = body.if_contains("source");
  if (source == nullptr || !source->is_string()) {
    return Error::InvalidArgument("source must hold the process definition (YAML)", "source");
  }
  SourceBody out;
  out.source = std::string(source->get_string());
  if (const bj::value* name = body.if_contains("file_name"); name && !name->is_null()) {
    if (!name->is_string() || name->get_string().empty() || name->get_string().size() > 200) {
      return Error::InvalidArgument("file_name must be a file name of 1 to 200 characters",
                                    "file_name");
    }
    out.file_name = std::string(name->get_string());
  }
  return out;
}

}  // namespace

Result<Response> CheckProcessVersion(Context& context) {
  HD_ASSIGN_OR_RETURN(SourceBody in, DecodeSource(context));
  HD_ASSIGN_OR_RETURN(
      auto checked, context.services().process_admin.Check(context.actor(), in.source, in.file_name,
                                                           context.Language()));
  bj::array problems;
  for (const auto& p : checked.problems) {
    problems.push_back(
        bj::object{{"line", p.pos.line}, {"column", p.pos.column}, {"message", p.message}});
  }
  bj::object out{{"valid", checked.problems.empty()}, {"problems", std::move(problems)}};
  if (checked.problems.empty()) {
    out["id"] = checked.process_id;
    out["version"] = checked.version;
    out["states"] = checked.states;
    out["transitions"] = checked.transitions;
    out["stored_as"] = checked.stored_as ? bj::value(*checked.stored_as) : bj::value(nullptr);
    if (!checked.svg.empty()) out["svg"] = checked.svg;
  }
  return Json(200, out);
}

Result<Response> LoadProcessVersion(Context& context) {
  HD_ASSIGN_OR_RETURN(SourceBody in, DecodeSource(context));
  const std::string& file_name = in.file_name;
  HD_ASSIGN_OR_RETURN(auto loaded,
                      context.services().process_admin.Load(context.actor(), in.source, file_name));
  return Json(loaded.stored ? 201 : 200, bj::object{{"id", loaded.process_id},
                                                    {"version", loaded.version},
                                                    {"sha256", loaded.sha256},
                                                    {"stored", loaded.stored},
                                                    {"current", loaded.current}});
}

Result<Response> MigrateProcess(Context& context) {
  HD_ASSIGN_OR_RETURN(bj::object body, ParseObject(context.request));
  HD_RETURN_IF_ERROR(OnlyMembers(body, {"from", "to", "map"}));
  service::MigrateInput input;
  input.process_id = std::string(context.params.Get("id"));
  HD_ASSIGN_OR_RETURN(input.from_version, VersionMember(body, "from"));
  HD_ASSIGN_OR_RETURN(input.to_version, VersionMember(body, "to"));
  HD_ASSIGN_OR_RETURN(input.state_map, MapMember(body));
  HD_ASSIGN_OR_RETURN(auto result,
                      context.services().process_admin.Migrate(context.actor(), input));
  return Json(200, bj::object{{"tickets", result.tickets}});
}

}  // namespace hd::http::handlers
