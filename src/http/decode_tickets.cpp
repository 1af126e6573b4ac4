// DecodeTicketPatch and DecodeListTickets (decode.hpp).
#include <limits>

#include "core/ticket.hpp"
#include "http/decode.hpp"
#include "http/handlers/common.hpp"
#include "http/json/reader.hpp"
#include "http/query.hpp"

namespace hd::http {

namespace {

constexpr int kMaxTier = 3;
constexpr std::int64_t kMaxLimit = 1000;

Result<core::TicketStatus> StatusOf(std::string_view text, std::string_view field) {
  auto status = core::ParseTicketStatus(text);
  if (!status) {
    return Error::InvalidArgument(
        "unknown status " + std::string(text) + " (new, open, pending, resolved, closed)",
        std::string(field));
  }
  return *status;
}

Status DecodePatchEnums(json::JsonObject& body, service::TicketPatch& patch) {
  HD_ASSIGN_OR_RETURN(auto status, body.OptionalString("status"));
  if (status) {
    HD_ASSIGN_OR_RETURN(patch.status, StatusOf(*status, "status"));
  }
  HD_ASSIGN_OR_RETURN(auto criticality, body.OptionalString("criticality"));
  if (criticality) {
    patch.criticality = core::ParseCriticality(*criticality);
    if (!patch.criticality) {
      return Error::InvalidArgument("criticality must be low, normal, high or critical",
                                    "criticality");
    }
  }
  return Ok();
}

Status DecodePatchRouting(json::JsonObject& body, service::TicketPatch& patch) {
  if (body.IsNull("assignee_id")) {
    patch.assignee = std::optional<core::UserId>();
  } else {
    HD_ASSIGN_OR_RETURN(auto assignee, body.OptionalInt("assignee_id"));
    if (assignee) {
      if (*assignee <= 0)
        return Error::InvalidArgument("assignee_id must be positive", "assignee_id");
      patch.assignee = std::optional<core::UserId>(core::UserId(*assignee));
    }
  }
  if (body.IsNull("group")) {
    patch.group = std::string();
  } else {
    HD_ASSIGN_OR_RETURN(patch.group, body.OptionalString("group"));
  }
  HD_ASSIGN_OR_RETURN(auto tier, body.OptionalInt("tier"));
  if (tier) {
    if (*tier < 1 || *tier > kMaxTier)
      return Error::InvalidArgument("tier must be 1, 2 or 3", "tier");
    patch.tier = static_cast<int>(*tier);
  }
  return Ok();
}

Status DecodeStatuses(std::string_view list, std::vector<core::TicketStatus>& out) {
  while (!list.empty()) {
    std::size_t comma = list.find(',');
    HD_ASSIGN_OR_RETURN(auto status, StatusOf(list.substr(0, comma), "status"));
    out.push_back(status);
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return Ok();
}

}  // namespace

Result<service::TicketPatch> DecodeTicketPatch(const Request& request) {
  HD_RETURN_IF_ERROR(RequireJsonBody(request));
  HD_ASSIGN_OR_RETURN(auto body, json::JsonObject::Parse(request.body));
  service::TicketPatch patch;
  HD_ASSIGN_OR_RETURN(patch.subject, body.OptionalString("subject"));
  HD_ASSIGN_OR_RETURN(patch.category, body.OptionalString("category"));
  HD_RETURN_IF_ERROR(DecodePatchEnums(body, patch));
  HD_RETURN_IF_ERROR(DecodePatchRouting(body, patch));
  HD_RETURN_IF_ERROR(body.RejectUnknown());
  HD_ASSIGN_OR_RETURN(patch.expected_version, IfMatchVersion(request));
  return patch;
}

Result<service::ListTicketsInput> DecodeListTickets(std::string_view query) {
  HD_ASSIGN_OR_RETURN(QueryParams params, ParseQuery(query));
  service::ListTicketsInput input;
  if (auto scope = params.Get("scope")) {
    if (*scope == "queue") {
      input.scope = service::Scope::kQueue;
    } else if (*scope != "mine") {
      return Error::InvalidArgument("scope must be mine or queue", "scope");
    }
  }
  if (auto status = params.Get("status"))
    HD_RETURN_IF_ERROR(DecodeStatuses(*status, input.statuses));
  if (auto group = params.Get("group")) input.group = std::string(*group);
  if (auto sort = params.Get("sort")) {
    if (*sort != "due" && *sort != "id") {
      return Error::InvalidArgument("sort must be due or id", "sort");
    }
    input.by_due = *sort == "due";
  }
  if (auto tier = params.Get("tier")) {
    HD_ASSIGN_OR_RETURN(auto value, ParseIntParam(*tier, "tier", 1, kMaxTier));
    input.tier = static_cast<int>(value);
  }
  if (auto unassigned = params.Get("unassigned")) {
    HD_ASSIGN_OR_RETURN(input.unassigned_only, ParseFormBool(*unassigned, "unassigned"));
  }
  if (auto cursor = params.Get("cursor"); cursor && !cursor->empty()) {
    HD_ASSIGN_OR_RETURN(auto after, DecodeCursor(*cursor));
    input.after = core::TicketId(after);
  }
  if (auto limit = params.Get("limit")) {
    HD_ASSIGN_OR_RETURN(auto value, ParseIntParam(*limit, "limit", 1, kMaxLimit));
    input.limit = static_cast<int>(value);
  }
  return input;
}

}  // namespace hd::http
