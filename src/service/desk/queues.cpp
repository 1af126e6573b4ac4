#include "service/desk/queues.hpp"

#include <algorithm>

#include "service/access.hpp"

namespace hd::service {

using core::TicketStatus;
using core::ports::Tx;

namespace {

const std::vector<TicketStatus> kActive = {TicketStatus::kNew, TicketStatus::kOpen,
                                           TicketStatus::kPending};
const std::vector<TicketStatus> kToDo = {TicketStatus::kNew, TicketStatus::kOpen};

std::string Words(std::string_view language, std::string en, std::string ru) {
  return language == "ru" ? std::move(ru) : std::move(en);
}

// The staff group slug a process group id stands for.
std::string GroupSlug(const ProcessSettings& settings, const std::string& process_group) {
  auto it = settings.group_slugs.find(process_group);
  return it == settings.group_slugs.end() ? process_group : it->second;
}

// True when `state` is the actor's to work on: owned by their role, or by
// the process group that stands for their role's group.
bool OwnsState(const Actor& actor, const ProcessSettings& settings, const workflow::State& state) {
  if (state.final) return false;
  if (state.owner.kind == workflow::TargetKind::kRole) {
    return state.owner.id == core::ToString(actor.role);
  }
  if (state.owner.kind != workflow::TargetKind::kGroup) return false;
  auto mine = settings.role_groups.find(actor.role);
  return mine != settings.role_groups.end() && GroupSlug(settings, state.owner.id) == mine->second;
}

// Queues from the business processes: the approval rounds the actor votes
// in, and each state the actor owns.
void ProcessQueues(const Actor& actor, const ProcessEngine& processes, std::vector<QueueDef>& out) {
  QueueDef vote{"awaiting_my_vote", Words(actor.language, "Awaiting my vote", "Ждут моего голоса")};
  vote.not_voted = true;
  std::vector<QueueDef> owned;
  for (const ProcessPtr& process : processes.catalog().CurrentAll()) {
    for (const workflow::ApprovalStep& step : process->approvals) {
      if (step.role == actor.role) vote.states.push_back(step.state.id);
    }
    for (const workflow::State& state : process->states) {
      if (process->FindApprovalIn(state.id) != nullptr) continue;
      if (!OwnsState(actor, processes.settings(), state)) continue;
      const std::string id = "state:" + state.id;
      auto same =
          std::find_if(owned.begin(), owned.end(), [&](const QueueDef& q) { return q.id == id; });
      if (same != owned.end()) continue;  // the same state id in another process
      QueueDef queue{id, state.label.In(actor.language)};
      queue.states = {state.id};
      owned.push_back(std::move(queue));
    }
  }
  if (!vote.states.empty()) out.push_back(std::move(vote));
  for (QueueDef& queue : owned) out.push_back(std::move(queue));
}

}  // namespace

std::vector<QueueDef> QueuesOf(const Actor& actor, const ProcessEngine& processes) {
  std::vector<QueueDef> out;
  if (!actor.staff()) return out;
  const std::string_view lang = actor.language;
  QueueDef mine{"mine", Words(lang, "Assigned to me", "Назначенные мне"), kActive};
  mine.mine = true;
  out.push_back(std::move(mine));
  ProcessQueues(actor, processes, out);
  QueueDef my_groups{"my_group", Words(lang, "My groups", "Мои группы"), kActive};
  my_groups.my_groups = true;
  auto group = processes.settings().role_groups.find(actor.role);
  if (group != processes.settings().role_groups.end()) my_groups.group = group->second;
  QueueDef my_groups_unassigned{
      "my_group_unassigned",
      Words(lang, "Unassigned in my groups", "Без исполнителя в моих группах"), kToDo};
  my_groups_unassigned.my_groups = true;
  my_groups_unassigned.unassigned = true;
  my_groups_unassigned.group = my_groups.group;
  out.push_back(std::move(my_groups));
  out.push_back(std::move(my_groups_unassigned));
  QueueDef unassigned{"unassigned", Words(lang, "Unassigned", "Без исполнителя"), kToDo};
  unassigned.unassigned = true;
  out.push_back(std::move(unassigned));
  QueueDef breaching{"breaching_soon", Words(lang, "Breaching soon", "Скоро срок SLA"), kActive};
  breaching.breaching = true;
  out.push_back(std::move(breaching));
  for (int tier = 1; tier <= 3; ++tier) {
    const std::string n = std::to_string(tier);
    QueueDef queue{"tier_" + n, Words(lang, "Tier L" + n, "Линия L" + n), kActive};
    queue.tier = tier;
    out.push_back(std::move(queue));
  }
  return out;
}

Result<QueueDef> FindQueue(const Actor& actor, const ProcessEngine& processes,
                           std::string_view id) {
  for (QueueDef& queue : QueuesOf(actor, processes)) {
    if (queue.id == id) return std::move(queue);
  }
  return Error::InvalidArgument("queue must be one of your queues (GET /api/v1/queues)", "queue");
}

Status NarrowToQueue(Tx& tx, const Actor& actor, const QueueDef& queue, core::Timestamp now,
                     core::ports::TicketQuery& q) {
  // The queue's own filters replace the caller's of the same kind.
  q.statuses = queue.statuses;
  q.assignee_id = queue.mine ? std::optional(actor.id) : std::nullopt;
  q.unassigned_only = queue.unassigned;
  q.tier = queue.tier;
  q.states = queue.states;
  q.group_id.reset();
  q.group_ids.clear();
  if (queue.not_voted) q.not_voted_by = actor.id;
  if (queue.breaching) q.due_before = now + kBreachingSoon;
  if (queue.my_groups) {
    // The groups the actor is a member of; without any, their role's group.
    HD_ASSIGN_OR_RETURN(q.group_ids, tx.Groups().GroupsOf(actor.id));
    if (!q.group_ids.empty()) return Ok();
    if (queue.group.empty()) return Error::InvalidArgument("you are in no group", "queue");
  }
  if (!queue.group.empty()) {
    HD_ASSIGN_OR_RETURN(auto group, tx.Groups().FindBySlug(queue.group));
    if (!group) return Error::InvalidArgument("the group of this queue is gone", "queue");
    q.group_id = group->id;
  }
  return Ok();
}

Result<std::vector<QueueCount>> Queues::Counts(const Actor& actor) {
  if (!actor.staff()) return Error::Forbidden("queues are for support staff");
  const std::vector<QueueDef> queues = QueuesOf(actor, processes_);
  const core::Timestamp now = clock_.Now();
  std::vector<QueueCount> counts;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    counts.clear();
    for (const QueueDef& queue : queues) {
      core::ports::TicketQuery q;
      if (ReadsByProcess(actor)) q.process_reader = ProcessReaderOf(actor);
      QueueCount count{queue.id, queue.label};
      Status narrowed = NarrowToQueue(tx, actor, queue, now, q);
      if (narrowed.ok()) {
        HD_ASSIGN_OR_RETURN(count.count, tx.Tickets().CountMatching(q));
      } else if (narrowed.error().code != ErrorCode::kInvalidArgument) {
        return narrowed;  // a queue whose group is gone counts nothing
      }
      counts.push_back(std::move(count));
    }
    return Ok();
  }));
  return counts;
}

}  // namespace hd::service
