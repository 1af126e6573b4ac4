#include "service/process_engine.hpp"

#include <algorithm>
#include <charconv>

#include "service/history.hpp"
#include "service/process_apply.hpp"

namespace hd::service {

namespace {

// A field error from the engine names the field as the API does.
Error ApiFieldError(Error error) {
  if (error.code == ErrorCode::kInvalidArgument && !error.field.empty() &&
      error.field.rfind("fields.", 0) != 0) {
    error.field = "fields." + error.field;
  }
  return error;
}

core::TicketProcess Summary(const workflow::Process& process, const core::ProcessState& st,
                            const Actor& reader) {
  core::TicketProcess out{st.process_id, st.version, st.state, st.state, false, "", {}};
  if (const workflow::State* s = process.FindState(st.state)) {
    const bool customer_words = reader.role == core::Role::kCustomer && !s->customer_label.empty();
    out.state_label = (customer_words ? s->customer_label : s->label).In(reader.language);
    out.final = s->final;
    auto it = s->instructions.find(reader.role);
    if (it != s->instructions.end()) out.instructions = it->second.In(reader.language);
  }
  return out;
}

// ticket.process as `reader` sees it: the fields are for staff only.
void Show(core::Ticket& ticket, const workflow::Process& process, const core::ProcessState& st,
          const Actor& reader) {
  ticket.process = Summary(process, st, reader);
  if (reader.staff()) ticket.process->fields = st.fields;
}

Status PostComment(core::ports::Tx& tx, const core::Ticket& ticket, const Actor& actor,
                   const std::string& comment, core::Timestamp now) {
  const bool internal = actor.staff();
  core::Message m{{}, ticket.id, actor.id, comment, internal, "web", now, {}};
  HD_ASSIGN_OR_RETURN(m, tx.Messages().Insert(std::move(m)));
  return AppendEvent(tx, ticket, actor,
                     internal ? core::EventKind::kNoteAdded : core::EventKind::kReplied, "message",
                     "", std::to_string(m.id.value), internal);
}

}  // namespace

void ProcessEngine::SetTemplates(TemplateSet templates) {
  auto shared = std::make_shared<const TemplateSet>(std::move(templates));
  const std::lock_guard<std::mutex> lock(mutex_);
  templates_ = std::move(shared);
}

std::shared_ptr<const TemplateSet> ProcessEngine::templates() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return templates_;
}

void ProcessEngine::SetRenderer(std::shared_ptr<DiagramRenderer> renderer) {
  const std::lock_guard<std::mutex> lock(mutex_);
  renderer_ = std::move(renderer);
}

std::shared_ptr<DiagramRenderer> ProcessEngine::renderer() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return renderer_;
}

Status ProcessEngine::Start(core::ports::Tx& tx, core::Ticket& ticket, const Actor& reader,
                            core::Timestamp now) const {
  const ProcessPtr process = catalog_.Current(settings_.default_process);
  if (!process) return Ok();
  const workflow::State* initial = process->FindState(process->initial.id);
  if (initial == nullptr) return Error::Internal("process has no initial state");
  core::ProcessState st{
      ticket.id,
      process->id,
      process->version,
      initial->id,
      "",
      0,
      now,
      {},
      {core::ProcessStep{0, initial->id, "", std::nullopt, now, internal::OwnerText(*initial)}}};
  HD_RETURN_IF_ERROR(tx.Processes().InsertState(st));
  Show(ticket, *process, st, reader);
  const core::TicketStatus status = internal::StatusFor(*process, *initial);
  if (status == ticket.status && initial->tier == ticket.tier) return Ok();
  ticket.status = status;
  ticket.tier = initial->tier;
  return tx.Tickets().Update(ticket);
}

Status ProcessEngine::Describe(core::ports::Tx& tx, const Actor& reader,
                               core::Ticket& ticket) const {
  HD_ASSIGN_OR_RETURN(auto state, tx.Processes().FindState(ticket.id));
  if (!state) return Ok();
  HD_ASSIGN_OR_RETURN(ProcessPtr process, catalog_.Get(tx, state->process_id, state->version));
  Show(ticket, *process, *state, reader);
  return Ok();
}

Status ProcessEngine::DescribeAll(core::ports::Tx& tx, const Actor& reader,
                                  std::vector<core::Ticket>& tickets) const {
  std::vector<core::TicketId> ids;
  for (const auto& t : tickets) ids.push_back(t.id);
  HD_ASSIGN_OR_RETURN(auto states, tx.Processes().ListStates(ids));
  for (const core::ProcessState& st : states) {
    auto ticket = std::find_if(tickets.begin(), tickets.end(),
                               [&](const core::Ticket& t) { return t.id == st.ticket_id; });
    if (ticket == tickets.end()) continue;
    HD_ASSIGN_OR_RETURN(ProcessPtr process, catalog_.Get(tx, st.process_id, st.version));
    ticket->process = Summary(*process, st, reader);
  }
  return Ok();
}

Result<ProcessEngine::Running> ProcessEngine::Load(core::ports::Tx& tx,
                                                   core::TicketId ticket) const {
  HD_ASSIGN_OR_RETURN(auto state, tx.Processes().FindState(ticket));
  if (!state) {
    return Error::Conflict("ticket " + std::to_string(ticket.value) + " runs on no process",
                           "no-process");
  }
  HD_ASSIGN_OR_RETURN(ProcessPtr process, catalog_.Get(tx, state->process_id, state->version));
  return Running{std::move(*state), std::move(process)};
}

Result<workflow::TicketView> ProcessEngine::View(core::ports::Tx& tx, const core::Ticket& ticket,
                                                 const core::ProcessState& state) const {
  workflow::TicketView view;
  view.state = state.state;
  view.previous_state = state.previous_state;
  view.fields = state.fields;
  view.initiator = ticket.initiator_id;
  HD_ASSIGN_OR_RETURN(auto votes, tx.Processes().ListVotes(ticket.id, state.seq));
  for (const auto& v : votes) view.votes.push_back({v.voter_id, v.approve, v.reason});
  return view;
}

namespace {

// A user field takes an active staff member of the roles it names (any
// staff role when it names none): "Give to a developer" cannot make a
// tester the developer.
Status CheckUserFields(core::ports::Tx& tx, const workflow::Process& process,
                       const workflow::FieldValues& inputs) {
  for (const auto& [name, value] : inputs) {
    const workflow::FieldDef* field = process.FindField(name);
    if (field == nullptr || field->type != workflow::FieldType::kUser) continue;
    std::int64_t id = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), id);
    if (ec != std::errc() || end != value.data() + value.size() || id <= 0) continue;
    auto user = tx.Users().Get(core::UserId{id});
    if (!user.ok() && user.error().code != ErrorCode::kNotFound) return std::move(user).error();
    const bool fits =
        user.ok() && !user->disabled &&
        (field->options.empty() ? core::IsStaff(user->role)
                                : std::find(field->options.begin(), field->options.end(),
                                            core::ToString(user->role)) != field->options.end());
    if (!fits) {
      std::string roles;
      for (const std::string& role : field->options) roles += (roles.empty() ? "" : " or ") + role;
      return Error::InvalidArgument(
          field->label.Default() + " must be an active " + (roles.empty() ? "staff member" : roles),
          name);
    }
  }
  return Ok();
}

}  // namespace

Status ProcessEngine::Fire(core::ports::Tx& tx, core::Ticket& ticket, const Actor& actor,
                           const FireInput& input, core::Timestamp now) const {
  if (input.expected_version && *input.expected_version != ticket.version) {
    return Error::PreconditionFailed(
        "the ticket changed since version " + std::to_string(*input.expected_version) +
        "; reload it (now version " + std::to_string(ticket.version) + ")");
  }
  HD_ASSIGN_OR_RETURN(Running run, Load(tx, ticket.id));
  HD_ASSIGN_OR_RETURN(workflow::TicketView view, View(tx, ticket, run.state));
  auto outcome = workflow::Fire(*run.process, view, workflow::Actor{actor.id, actor.role},
                                workflow::FireRequest{input.transition, input.fields, now});
  if (!outcome.ok()) return ApiFieldError(std::move(outcome).error());
  if (Status users = CheckUserFields(tx, *run.process, input.fields); !users.ok()) {
    return ApiFieldError(std::move(users).error());
  }
  const auto templates = this->templates();
  internal::Firing firing{tx,  *run.process, ticket,     run.state, actor,
                          now, settings_,    *templates, sla_,      {}};
  auto applied = internal::ApplyOutcome(firing, *outcome);
  if (!applied.ok()) return ApiFieldError(std::move(applied).error());
  if (!input.comment.empty())
    HD_RETURN_IF_ERROR(PostComment(tx, ticket, actor, input.comment, now));
  return Ok();
}

Status ProcessEngine::FireTimed(core::ports::Tx& tx, core::Ticket& ticket,
                                const std::string& transition, core::Timestamp now) const {
  HD_ASSIGN_OR_RETURN(Running run, Load(tx, ticket.id));
  HD_ASSIGN_OR_RETURN(workflow::TicketView view, View(tx, ticket, run.state));
  HD_ASSIGN_OR_RETURN(workflow::Outcome outcome,
                      workflow::FireAutomatic(*run.process, view, transition, now));
  // The system acts with staff rights: its field changes are internal.
  const Actor system{core::UserId{}, core::Role::kAdministrator, std::nullopt, ""};
  const auto templates = this->templates();
  internal::Firing firing{tx,  *run.process, ticket,     run.state, system,
                          now, settings_,    *templates, sla_,      {}};
  return internal::ApplyOutcome(firing, outcome);
}

Result<bool> ProcessEngine::ResumeOnReply(core::ports::Tx& tx, core::Ticket& ticket,
                                          const Actor& actor, core::Timestamp now) const {
  if (actor.staff()) return false;
  HD_ASSIGN_OR_RETURN(auto states, tx.Processes().ListStates({ticket.id}));
  if (states.empty()) return false;
  HD_ASSIGN_OR_RETURN(Running run, Load(tx, ticket.id));
  HD_ASSIGN_OR_RETURN(workflow::TicketView view, View(tx, ticket, run.state));
  for (const auto& choice : workflow::AvailableTransitions(
           *run.process, view, workflow::Actor{actor.id, actor.role}, now)) {
    const workflow::Transition* t = run.process->FindTransition(choice.id);
    const bool needs_input = std::any_of(choice.fields.begin(), choice.fields.end(),
                                         [](const auto& f) { return f.required; });
    if (t == nullptr || !t->returns || needs_input) continue;
    HD_RETURN_IF_ERROR(Fire(tx, ticket, actor, FireInput{choice.id, {}, "", std::nullopt}, now));
    return true;
  }
  return false;
}

}  // namespace hd::service
