// DecodeTicketPatch and DecodeListTickets (decode.hpp).
#include <algorithm>
#include <cstdint>
#include <limits>

#include "core/ticket.hpp"
#include "core/time.hpp"
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

// True when `id` is 1 to `max` letters, digits, '_', '-' or one of `extra`.
bool IsIdText(std::string_view id, std::size_t max, std::string_view extra = {}) {
  return !id.empty() && id.size() <= max && std::all_of(id.begin(), id.end(), [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || extra.find(c) != std::string_view::npos;
  });
}

// A comma-separated list of ids ("client_vip,special"): each 1 to 64
// letters, digits, '_' or '-', at most 20 of them.
Result<std::vector<std::string>> DecodeIdList(std::string_view list, const std::string& field) {
  std::vector<std::string> out;
  while (true) {
    const std::size_t comma = list.find(',');
    const std::string_view id = list.substr(0, comma);
    if (!IsIdText(id, 64) || out.size() == 20) {
      return Error::InvalidArgument(field + " must be up to 20 comma-separated ids", field);
    }
    out.emplace_back(id);
    if (comma == std::string_view::npos) return out;
    list.remove_prefix(comma + 1);
  }
}

// A queue id of GET /api/v1/queues: "mine", "state:l1_new"…
Result<std::string> DecodeQueueId(std::string_view id) {
  if (!IsIdText(id, 100, ":"))
    return Error::InvalidArgument("queue must be a queue id of GET /api/v1/queues", "queue");
  return std::string(id);
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
  if (auto status = params.Get("status")) {
    HD_RETURN_IF_ERROR(DecodeStatuses(*status, input.statuses));
  }
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
  if (auto level = params.Get("level")) {
    HD_ASSIGN_OR_RETURN(input.levels, DecodeIdList(*level, "level"));
  }
  if (auto channel = params.Get("channel")) {
    HD_ASSIGN_OR_RETURN(input.channels, DecodeIdList(*channel, "channel"));
  }
  if (auto criticality = params.Get("criticality")) {
    HD_ASSIGN_OR_RETURN(auto ids, DecodeIdList(*criticality, "criticality"));
    for (const std::string& id : ids) {
      auto parsed = core::ParseCriticality(id);
      if (!parsed) {
        return Error::InvalidArgument("criticality must be low, normal, high or critical",
                                      "criticality");
      }
      input.criticalities.push_back(*parsed);
    }
  }
  if (auto category = params.Get("category"); category && !category->empty()) {
    HD_ASSIGN_OR_RETURN(auto ids, DecodeIdList(*category, "category"));
    if (ids.size() != 1) return Error::InvalidArgument("category must be one slug", "category");
    input.category = ids.front();
  }
  if (auto state = params.Get("state"); state && !state->empty()) {
    HD_ASSIGN_OR_RETURN(input.states, DecodeIdList(*state, "state"));
  }
  if (auto company = params.Get("company")) {
    HD_ASSIGN_OR_RETURN(auto id, ParseIntParam(*company, "company", 1, INT64_MAX));
    input.company = core::CompanyId(id);
  }
  if (auto from = params.Get("created_from"); from && !from->empty()) {
    HD_ASSIGN_OR_RETURN(input.created_from, core::ParseIso8601(*from, "created_from"));
  }
  if (auto to = params.Get("created_to"); to && !to->empty()) {
    HD_ASSIGN_OR_RETURN(input.created_to, core::ParseIso8601(*to, "created_to"));
  }
  if (auto queue = params.Get("queue"); queue && !queue->empty()) {
    HD_ASSIGN_OR_RETURN(input.queue, DecodeQueueId(*queue));
  }
  if (auto assignee = params.Get("assignee")) {
    HD_ASSIGN_OR_RETURN(auto id, ParseIntParam(*assignee, "assignee", 1, INT64_MAX));
    input.assignee = core::UserId(id);
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
