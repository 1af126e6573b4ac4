#include "service/process_admin.hpp"

#include <optional>

#include "service/crypto.hpp"
#include "service/process_apply.hpp"
#include "workflow/diagram.hpp"

namespace hd::service {

namespace {

using core::ports::Tx;

Status RequireAdmin(const std::optional<Actor>& actor) {
  if (actor && actor->role != core::Role::kAdministrator) {
    return Error::Forbidden("only administrators manage process definitions");
  }
  return Ok();
}

std::string Where(const core::ProcessState& st) {
  return st.process_id + "@" + std::to_string(st.version) + ":" + st.state;
}

// The target state of every non-final state of `from`, or kInvalidArgument
// naming the first one without a target in `to`.
Result<std::map<std::string, std::string>> PlanStates(const workflow::Process& from,
                                                      const workflow::Process& to,
                                                      const MigrateInput& in) {
  for (const auto& [old_state, unused] : in.state_map) {
    if (from.FindState(old_state) == nullptr) {
      return Error::InvalidArgument(
          "version " + std::to_string(from.version) + " has no state '" + old_state + "'", "map");
    }
  }
  std::map<std::string, std::string> plan;
  for (const workflow::State& s : from.states) {
    if (s.final) continue;
    auto it = in.state_map.find(s.id);
    const std::string target = it == in.state_map.end() ? s.id : it->second;
    const workflow::State* found = to.FindState(target);
    if (found == nullptr || found->final) {
      return Error::InvalidArgument("state '" + s.id + "' has no open state '" + target +
                                        "' in version " + std::to_string(to.version) +
                                        "; map it with " + s.id + "=<state>",
                                    "map");
    }
    plan[s.id] = target;
  }
  return plan;
}

std::string MapText(const std::map<std::string, std::string>& plan) {
  std::string text;
  for (const auto& [from, to] : plan) {
    if (from == to) continue;
    text += (text.empty() ? "" : ",") + from + "=" + to;
  }
  return text;
}

Status MoveTicket(Tx& tx, const workflow::Process& to, const std::string& target, core::TicketId id,
                  const Actor& actor, core::Timestamp now) {
  HD_ASSIGN_OR_RETURN(core::Ticket ticket, tx.Tickets().Get(id));
  HD_ASSIGN_OR_RETURN(auto state, tx.Processes().FindState(id));
  const std::string before = Where(*state);
  std::int64_t seq = state->seq;
  for (const auto& step : state->path) seq = std::max(seq, step.seq);
  if (target != state->state) {
    state->previous_state = state->state;
    state->seq = seq + 1;
    state->entered_at = now;
  }
  const workflow::State* s = to.FindState(target);
  if (target != state->state) {
    const std::optional<core::UserId> by =
        actor.id.valid() ? std::optional(actor.id) : std::nullopt;
    HD_RETURN_IF_ERROR(tx.Processes().AppendStep(
        id, {state->seq, target, "migrate", by, now, internal::OwnerText(*s)}));
  }
  state->state = target;
  state->version = to.version;
  HD_RETURN_IF_ERROR(tx.Processes().UpdateState(*state));
  ticket.status = internal::StatusFor(to, *s);
  ticket.tier = s->tier;
  ticket.updated_at = now;
  HD_RETURN_IF_ERROR(tx.Tickets().Update(ticket));
  core::Event e;
  e.ticket_id = id;
  if (actor.id.valid()) e.actor_id = actor.id;  // empty: the system (CLI)
  e.at = now;
  e.kind = core::EventKind::kProcessMigrated;
  e.field = "process";
  e.old_value = before;
  e.new_value = Where(*state);
  e.internal = true;
  HD_RETURN_IF_ERROR(tx.Events().Append(std::move(e)));
  return Ok();
}

}  // namespace

Result<std::map<std::string, std::string>> ParseStateMap(std::string_view text) {
  std::map<std::string, std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const std::string_view pair = text.substr(0, comma);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == pair.size()) {
      return Error::InvalidArgument("write the state map as old=new,old2=new2", "map");
    }
    out[std::string(pair.substr(0, eq))] = std::string(pair.substr(eq + 1));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
  }
  return out;
}

Result<LoadedProcess> ProcessAdmin::Load(const std::optional<Actor>& actor, std::string_view source,
                                         std::string_view file_name) {
  HD_RETURN_IF_ERROR(RequireAdmin(actor));
  const auto now = clock_.Now();
  HD_ASSIGN_OR_RETURN(auto loaded, engine_.catalog().Load(store_, source, file_name, now));
  if (!loaded.stored) return loaded;
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    return tx.Audit().Record(
        {0,
         actor ? std::optional(actor->id) : std::nullopt,
         "process.load",
         "process:" + loaded.process_id,
         "version " + std::to_string(loaded.version) + " (" + std::string(file_name) + ")",
         now,
         {{"version", "", std::to_string(loaded.version)}}});
  }));
  return loaded;
}

Result<ProcessCheck> ProcessAdmin::Check(const Actor& actor, std::string_view source,
                                         std::string_view file_name, const std::string& language) {
  HD_RETURN_IF_ERROR(RequireAdmin(actor));
  workflow::CheckResult checked = workflow::CheckProcess(source, file_name);
  ProcessCheck out;
  out.problems = std::move(checked.problems);
  if (!checked.process) return out;
  const workflow::Process& process = *checked.process;
  out.process_id = process.id;
  out.version = process.version;
  out.states = static_cast<int>(process.states.size());
  out.transitions = static_cast<int>(process.transitions.size());
  const std::string sha = Sha256Hex(source);
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto existing, tx.Processes().FindVersion(process.id, process.version));
    if (existing && existing->sha256 == sha) out.stored_as = existing->version;
    if (existing && existing->sha256 != sha) {
      out.problems.push_back({std::string(file_name),
                              {},
                              "version " + std::to_string(process.version) +
                                  " is stored already with a different text; give this "
                                  "definition a higher version"});
    }
    return Ok();
  }));
  if (!out.problems.empty()) return out;
  if (auto renderer = engine_.renderer()) {
    workflow::DiagramOptions options;
    if (!language.empty()) options.language = language;
    HD_ASSIGN_OR_RETURN(out.svg, renderer->RenderSvg(workflow::ToDot(process, options)));
  }
  return out;
}

Result<std::vector<core::ProcessVersion>> ProcessAdmin::Versions(const Actor& actor) {
  if (!actor.staff()) return Error::Forbidden("process versions are for support staff");
  std::vector<core::ProcessVersion> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(out, tx.Processes().ListVersions());
    return Ok();
  }));
  return out;
}

Result<MigrateResult> ProcessAdmin::Migrate(const std::optional<Actor>& actor,
                                            const MigrateInput& in) {
  HD_RETURN_IF_ERROR(RequireAdmin(actor));
  const Actor who = actor.value_or(Actor{});
  MigrateResult result;
  const auto now = clock_.Now();
  HD_RETURN_IF_ERROR(store_.Write([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(ProcessPtr from, engine_.catalog().Get(tx, in.process_id, in.from_version));
    HD_ASSIGN_OR_RETURN(ProcessPtr to, engine_.catalog().Get(tx, in.process_id, in.to_version));
    HD_ASSIGN_OR_RETURN(auto plan, PlanStates(*from, *to, in));
    std::vector<std::string> open;
    for (const auto& [state, unused] : plan) open.push_back(state);
    HD_ASSIGN_OR_RETURN(auto ids,
                        tx.Processes().ListTicketsIn(in.process_id, in.from_version, open));
    for (core::TicketId id : ids) {
      HD_ASSIGN_OR_RETURN(auto state, tx.Processes().FindState(id));
      HD_RETURN_IF_ERROR(MoveTicket(tx, *to, plan.at(state->state), id, who, now));
    }
    result.tickets = static_cast<std::int64_t>(ids.size());
    const auto by = who.id.valid() ? std::optional(who.id) : std::nullopt;
    HD_RETURN_IF_ERROR(tx.Processes().RecordMigration(
        {in.process_id, in.from_version, in.to_version, MapText(plan), by, result.tickets, now}));
    return tx.Audit().Record(
        {0,
         by,
         "process.migrate",
         "process:" + in.process_id,
         std::to_string(result.tickets) + " open tickets; " + MapText(plan),
         now,
         {{"version", std::to_string(in.from_version), std::to_string(in.to_version)}}});
  }));
  return result;
}

}  // namespace hd::service
