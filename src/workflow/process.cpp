#include "workflow/process.hpp"

#include <algorithm>

namespace hd::workflow {

namespace {

template <class T>
const T* FindById(const std::vector<T>& items, std::string_view id) {
  auto it = std::find_if(items.begin(), items.end(), [&](const T& t) { return t.id == id; });
  return it == items.end() ? nullptr : &*it;
}

}  // namespace

const State* Process::FindState(std::string_view wanted) const { return FindById(states, wanted); }
const Transition* Process::FindTransition(std::string_view wanted) const {
  return FindById(transitions, wanted);
}
const FieldDef* Process::FindField(std::string_view wanted) const {
  return FindById(fields, wanted);
}
const Group* Process::FindGroup(std::string_view wanted) const { return FindById(groups, wanted); }

const ApprovalStep* Process::FindApprovalIn(std::string_view state_id) const {
  auto it = std::find_if(approvals.begin(), approvals.end(),
                         [&](const ApprovalStep& a) { return a.state.id == state_id; });
  return it == approvals.end() ? nullptr : &*it;
}

bool LeavesState(const Process& process, const Transition& t, std::string_view state_id) {
  if (t.from_any) {
    const State* state = process.FindState(state_id);
    return state != nullptr && !state->final && t.to.id != state_id;
  }
  return std::any_of(t.from.begin(), t.from.end(), [&](const Ref& r) { return r.id == state_id; });
}

std::string_view ToString(ActionKind kind) {
  switch (kind) {
    case ActionKind::kAssign:
      return "assign";
    case ActionKind::kSet:
      return "set";
    case ActionKind::kReply:
      return "reply";
    case ActionKind::kNotify:
      return "notify";
    case ActionKind::kSla:
      return "sla";
    case ActionKind::kClose:
      return "close";
  }
  return "close";
}

std::string_view ToString(TargetKind kind) {
  switch (kind) {
    case TargetKind::kRole:
      return "role";
    case TargetKind::kGroup:
      return "group";
    case TargetKind::kUserField:
      return "user_field";
    case TargetKind::kActor:
      return "actor";
    case TargetKind::kInitiator:
      return "initiator";
  }
  return "role";
}

std::string_view ToString(SlaOp op) {
  switch (op) {
    case SlaOp::kStart:
      return "start";
    case SlaOp::kPause:
      return "pause";
    case SlaOp::kStop:
      return "stop";
  }
  return "start";
}

}  // namespace hd::workflow
