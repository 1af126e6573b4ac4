#include "workflow/process_validator.hpp"

#include <algorithm>
#include <set>

#include "core/role.hpp"

namespace hd::workflow::internal {

namespace {

class ReferenceChecker {
 public:
  ReferenceChecker(const Process& process, YamlReader& reader)
      : process_(process), reader_(reader) {}

  void Run() {
    CheckDuplicates();
    CheckFields();
    CheckStates();
    for (const Transition& t : process_.transitions) CheckTransition(t);
    for (const ApprovalStep& a : process_.approvals) CheckApproval(a);
  }

 private:
  template <class T>
  void CheckUnique(const std::vector<T>& items, std::string_view kind) {
    std::set<std::string, std::less<>> seen;
    for (const T& item : items) {
      if (!seen.insert(item.id).second) {
        reader_.Report(item.pos, "duplicate " + std::string(kind) + " id '" + item.id + "'");
      }
    }
  }

  void CheckDuplicates() {
    CheckUnique(process_.groups, "group");
    CheckUnique(process_.fields, "field");
    CheckUnique(process_.states, "state");
    CheckUnique(process_.approvals, "approval");
    // Approval branches are fired like transitions, so they share their ids.
    std::vector<Ref> firing_ids;
    for (const Transition& t : process_.transitions) firing_ids.push_back(Ref{t.id, t.pos});
    for (const ApprovalStep& a : process_.approvals) {
      firing_ids.push_back(Ref{a.approve.id, a.approve.pos});
      firing_ids.push_back(Ref{a.reject.id, a.reject.pos});
    }
    std::set<std::string, std::less<>> seen;
    for (const Ref& r : firing_ids) {
      if (!r.id.empty() && !seen.insert(r.id).second) {
        reader_.Report(r.pos, "duplicate transition id '" + r.id + "'");
      }
    }
  }

  void CheckFields() {
    for (const FieldDef& f : process_.fields) {
      if (f.type == FieldType::kEnum && f.options.empty()) {
        reader_.Report(f.pos, "field '" + f.id + "' of type enum needs 'options'");
      }
      if (f.type == FieldType::kUser) {
        for (const std::string& role : f.options) {
          if (!core::ParseRole(role)) {
            reader_.Report(f.pos, "field '" + f.id + "': '" + role + "' is not a role");
          }
        }
      } else if (f.type != FieldType::kEnum && !f.options.empty()) {
        reader_.Report(f.pos,
                       "field '" + f.id + "' has 'options' but is neither an enum nor a user");
      }
    }
  }

  void CheckStates() {
    if (!process_.initial.id.empty()) {
      const State* initial = RequireState(process_.initial, "initial state");
      if (initial != nullptr && initial->final) {
        reader_.Report(process_.initial.pos, "the initial state '" + initial->id + "' is final");
      }
    }
    for (const State& s : process_.states) {
      if (s.owner.kind == TargetKind::kGroup) RequireGroup(Ref{s.owner.id, s.owner_pos});
    }
  }

  const State* RequireState(const Ref& ref, std::string_view what) {
    const State* state = process_.FindState(ref.id);
    if (state == nullptr) {
      reader_.Report(ref.pos, "unknown state '" + ref.id + "' (" + std::string(what) + ")");
    }
    return state;
  }

  void RequireGroup(const Ref& ref) {
    if (process_.FindGroup(ref.id) == nullptr) {
      reader_.Report(ref.pos, "unknown group '" + ref.id + "'");
    }
  }

  const FieldDef* RequireField(const Ref& ref, std::string_view what) {
    const FieldDef* field = process_.FindField(ref.id);
    if (field == nullptr) {
      reader_.Report(ref.pos, "unknown field '" + ref.id + "' (" + std::string(what) + ")");
    }
    return field;
  }

  void CheckValue(const FieldDef& field, const std::string& value, SourcePos pos,
                  const std::string& what) {
    auto normal = NormalizeFieldValue(field, value);
    if (!normal.ok()) {
      reader_.Report(pos, what + ": " + normal.error().message + ", not '" + value + "'");
    }
  }

  void CheckTransition(const Transition& t) {
    const std::string what = "transition '" + t.id + "'";
    for (const Ref& from : t.from) RequireState(from, what + " 'from'");
    if (t.returns && !t.to.id.empty()) {
      reader_.Report(t.to.pos, what + " has both 'to' and 'returns'");
    } else if (!t.returns && t.to.id.empty()) {
      reader_.Report(t.pos, what + " needs 'to' or 'returns: true'");
    } else if (!t.to.id.empty()) {
      RequireState(t.to, what + " 'to'");
    }
    if (t.returns && t.from_any) reader_.Report(t.pos, what + ": 'returns' needs explicit 'from'");
    if (t.roles.empty() && t.auto_after_hours == 0) {
      reader_.Report(t.roles_pos, what +
                                      " can be fired by no role: list 'roles' or set "
                                      "'auto_after_hours'");
    }
    std::set<std::string, std::less<>> asked;
    for (const FieldRequirement& r : t.fields) {
      RequireField(r.field, what + " 'fields'");
      if (t.auto_after_hours > 0 && r.required) {
        reader_.Report(r.field.pos, what +
                                        " is fired by the system ('auto_after_hours') and "
                                        "cannot require field '" +
                                        r.field.id + "'");
      }
      if (!asked.insert(r.field.id).second) {
        reader_.Report(r.field.pos, what + " asks for field '" + r.field.id + "' twice");
      }
    }
    for (const Condition& c : t.guard) CheckCondition(c, what);
    CheckActions(t.actions, what);
  }

  void CheckCondition(const Condition& c, const std::string& what) {
    const FieldDef* field = RequireField(c.field, what + " guard");
    if (field == nullptr) return;
    if (c.op == ConditionOp::kWithinDays && field->type != FieldType::kDateTime) {
      reader_.Report(c.pos, what + ": 'within_days' needs a datetime field, '" + field->id +
                                "' is " + std::string(ToString(field->type)));
    }
    for (const std::string& value : c.values) CheckValue(*field, value, c.pos, what + " guard");
  }

  void CheckTarget(const Target& target, SourcePos pos, const std::string& what) {
    if (target.kind == TargetKind::kGroup) RequireGroup(Ref{target.id, pos});
    if (target.kind != TargetKind::kUserField) return;
    const FieldDef* field = RequireField(Ref{target.id, pos}, what);
    if (field != nullptr && field->type != FieldType::kUser) {
      reader_.Report(pos, what + ": field '" + field->id + "' is not of type user");
    }
  }

  void CheckSet(const Action& a, const std::string& what) {
    const FieldDef* field = RequireField(a.field, what + " 'set'");
    if (field == nullptr) return;
    if (a.value == "$now") {
      if (field->type != FieldType::kDateTime) {
        reader_.Report(a.pos, what + ": '$now' needs a datetime field, '" + field->id + "' is " +
                                  std::string(ToString(field->type)));
      }
    } else if (a.value == "$actor") {
      if (field->type != FieldType::kUser) {
        reader_.Report(a.pos, what + ": '$actor' needs a user field, '" + field->id + "' is " +
                                  std::string(ToString(field->type)));
      }
    } else {
      CheckValue(*field, a.value, a.pos, what + " 'set'");
    }
  }

  void CheckActions(const std::vector<Action>& actions, const std::string& what) {
    for (const Action& a : actions) {
      if (a.kind == ActionKind::kAssign || a.kind == ActionKind::kNotify) {
        CheckTarget(a.target, a.pos, what + " '" + std::string(ToString(a.kind)) + "'");
      } else if (a.kind == ActionKind::kSet) {
        CheckSet(a, what);
      }
    }
  }

  void CheckApproval(const ApprovalStep& a) {
    const std::string what = "approval '" + a.id + "'";
    if (!a.state.id.empty()) {
      const State* state = RequireState(a.state, what + " 'state'");
      if (state != nullptr && state->final) {
        reader_.Report(a.state.pos, what + " is held in final state '" + state->id + "'");
      }
      const ApprovalStep* first = process_.FindApprovalIn(a.state.id);
      if (first != &a)
        reader_.Report(a.pos, what + ": state '" + a.state.id + "' already holds approval '" +
                                  first->id + "'");
    }
    if (!a.reason_field.id.empty()) {
      const FieldDef* field = RequireField(a.reason_field, what + " 'reason_field'");
      if (field != nullptr && field->type != FieldType::kText &&
          field->type != FieldType::kString) {
        reader_.Report(a.reason_field.pos, what + ": the reason field must be text or string");
      }
    }
    for (const ApprovalBranch* b : {&a.approve, &a.reject}) {
      if (!b->to.id.empty()) RequireState(b->to, what + " branch '" + b->id + "'");
      CheckActions(b->actions, what + " branch '" + b->id + "'");
    }
  }

  const Process& process_;
  YamlReader& reader_;
};

}  // namespace

void ValidateReferences(const Process& process, YamlReader& reader) {
  ReferenceChecker(process, reader).Run();
}

}  // namespace hd::workflow::internal
