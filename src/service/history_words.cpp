#include "service/history_words.hpp"

#include <charconv>
#include <map>

namespace hd::service {

using core::EventKind;
using core::ports::Tx;

namespace {

std::optional<std::int64_t> IdIn(const std::string& text) {
  std::int64_t id = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, id);
  if (ec != std::errc() || ptr != end || id <= 0) return std::nullopt;
  return id;
}

// Looks up and remembers people's and groups' names for one history.
class Names {
 public:
  Names(Tx& tx, std::string language) : tx_(tx), language_(std::move(language)) {}

  Result<std::string> Person(const std::string& id_text) {
    return NameOf(people_, id_text, [&](std::int64_t id) -> Result<std::string> {
      HD_ASSIGN_OR_RETURN(core::User user, tx_.Users().Get(core::UserId(id)));
      return user.name;
    });
  }
  Result<std::string> Group(const std::string& id_text) {
    return NameOf(groups_, id_text, [&](std::int64_t id) -> Result<std::string> {
      HD_ASSIGN_OR_RETURN(core::Group group, tx_.Groups().Get(core::GroupId(id)));
      return group.name.In(language_);
    });
  }

 private:
  // The name of the record `id_text` names ("" for no id or a record that is
  // gone), read with `get` once per id.
  template <class Get>
  static Result<std::string> NameOf(std::map<std::int64_t, std::string>& known,
                                    const std::string& id_text, Get get) {
    auto id = IdIn(id_text);
    if (!id) return std::string();
    if (auto it = known.find(*id); it != known.end()) return it->second;
    auto found = get(*id);
    if (!found.ok() && found.error().code != ErrorCode::kNotFound) return found.error();
    return known[*id] = found.ok() ? *found : std::string();
  }

  Tx& tx_;
  std::string language_;  // of group names
  std::map<std::int64_t, std::string> people_;
  std::map<std::int64_t, std::string> groups_;
};

std::string StateWords(const workflow::Process& process, const Actor& reader,
                       const std::string& id) {
  const workflow::State* state = process.FindState(id);
  if (state == nullptr) return "";
  if (!reader.staff() && !state->customer_label.empty()) {
    return state->customer_label.In(reader.language);
  }
  return state->label.In(reader.language);
}

// A transition or approval outcome fired under `id`, in words.
std::string FiringWords(const workflow::Process& process, const Actor& reader,
                        const std::string& id) {
  if (const workflow::Transition* t = process.FindTransition(id)) {
    return t->label.In(reader.language);
  }
  for (const workflow::ApprovalStep& step : process.approvals) {
    for (const workflow::ApprovalBranch* branch : {&step.approve, &step.reject}) {
      if (branch->id == id) return branch->label.In(reader.language);
    }
  }
  return "";
}

Result<std::string> ValueWords(const workflow::FieldDef& field, const Actor& reader,
                               const std::string& value, Names& names) {
  if (value.empty()) return std::string();
  if (field.type == workflow::FieldType::kUser) return names.Person(value);
  if (field.type == workflow::FieldType::kEnum) {
    auto it = field.option_labels.find(value);
    if (it != field.option_labels.end()) return it->second.In(reader.language);
  }
  return std::string();
}

Status Word(const workflow::Process* process, const Actor& reader, Names& names, WordedEvent& w) {
  const core::Event& e = w.event;
  switch (e.kind) {
    case EventKind::kAssigned: {
      HD_ASSIGN_OR_RETURN(w.old_label, names.Person(e.old_value));
      HD_ASSIGN_OR_RETURN(w.new_label, names.Person(e.new_value));
      return Ok();
    }
    case EventKind::kGroupChanged: {
      HD_ASSIGN_OR_RETURN(w.old_label, names.Group(e.old_value));
      HD_ASSIGN_OR_RETURN(w.new_label, names.Group(e.new_value));
      return Ok();
    }
    case EventKind::kTransitionFired:
      if (process == nullptr) return Ok();
      w.field_label = FiringWords(*process, reader, e.field);
      w.old_label = StateWords(*process, reader, e.old_value);
      w.new_label = StateWords(*process, reader, e.new_value);
      return Ok();
    case EventKind::kVoteCast:
      if (process != nullptr) w.field_label = FiringWords(*process, reader, e.field);
      return Ok();
    case EventKind::kFieldChanged: {
      const workflow::FieldDef* field = process ? process->FindField(e.field) : nullptr;
      if (field == nullptr) return Ok();
      w.field_label = field->label.In(reader.language);
      HD_ASSIGN_OR_RETURN(w.old_label, ValueWords(*field, reader, e.old_value, names));
      HD_ASSIGN_OR_RETURN(w.new_label, ValueWords(*field, reader, e.new_value, names));
      return Ok();
    }
    default:
      return Ok();
  }
}

}  // namespace

Result<std::vector<WordedEvent>> InWords(Tx& tx, const ProcessEngine& processes,
                                         const Actor& reader, const core::Ticket& ticket,
                                         std::vector<core::Event> events) {
  ProcessPtr process;
  auto running = processes.Load(tx, ticket.id);
  if (running.ok()) {
    process = running->process;
  } else if (running.error().code != ErrorCode::kConflict) {
    return running.error();
  }
  Names names(tx, reader.language);
  std::vector<WordedEvent> out;
  out.reserve(events.size());
  for (core::Event& event : events) {
    WordedEvent& w = out.emplace_back();
    w.event = std::move(event);
    HD_RETURN_IF_ERROR(Word(process.get(), reader, names, w));
  }
  return out;
}

}  // namespace hd::service
