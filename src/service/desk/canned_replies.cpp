#include "service/desk/canned_replies.hpp"

#include <algorithm>

#include "service/process_engine.hpp"
#include "service/visibility.hpp"

namespace hd::service {

using core::ports::Tx;

namespace {

// "request_information" → "Request information".
std::string Humanized(std::string id) {
  std::replace(id.begin(), id.end(), '_', ' ');
  if (!id.empty() && id.front() >= 'a' && id.front() <= 'z') id.front() -= 'a' - 'A';
  return id;
}

}  // namespace

std::vector<std::string> ReplyLabels(const workflow::Process& process, std::string_view template_id,
                                     std::string_view language) {
  auto replies = [&](const std::vector<workflow::Action>& actions) {
    return std::any_of(actions.begin(), actions.end(), [&](const workflow::Action& a) {
      return a.kind == workflow::ActionKind::kReply && a.template_id == template_id;
    });
  };
  std::vector<std::string> labels;
  for (const workflow::Transition& t : process.transitions) {
    if (replies(t.actions)) labels.push_back(t.label.In(language));
  }
  for (const workflow::ApprovalStep& step : process.approvals) {
    for (const workflow::ApprovalBranch* branch : {&step.approve, &step.reject}) {
      if (replies(branch->actions)) labels.push_back(branch->label.In(language));
    }
  }
  return labels;
}

Result<std::vector<CannedReply>> CannedReplies::For(const Actor& reader, core::TicketId id) {
  if (!reader.staff()) return Error::Forbidden("canned replies are for support staff");
  const auto files = processes_.templates();
  std::vector<CannedReply> out;
  HD_RETURN_IF_ERROR(store_.Read([&](Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(const TemplateSet templates, EditedReplies(tx, *files));
    HD_ASSIGN_OR_RETURN(core::Ticket ticket, LoadReadableTicket(tx, reader, id));
    HD_ASSIGN_OR_RETURN(core::User requester, tx.Users().Get(ticket.initiator_id));
    HD_ASSIGN_OR_RETURN(core::User agent, tx.Users().Get(reader.id));
    ProcessEngine::Running running;
    auto loaded = processes_.Load(tx, ticket.id);
    if (loaded.ok()) {
      running = std::move(loaded).value();
    } else if (loaded.error().code != ErrorCode::kConflict) {  // kConflict: no process
      return std::move(loaded).error();
    }
    const TemplateVars vars = ReplyVars(ticket, running.state.fields, agent);
    for (const std::string& template_id : templates.Ids()) {
      HD_ASSIGN_OR_RETURN(std::string text,
                          templates.RenderIn(requester.language, template_id, vars));
      const auto labels = running.process
                              ? ReplyLabels(*running.process, template_id, reader.language)
                              : std::vector<std::string>();
      std::string title = labels.empty() ? Humanized(template_id) : labels.front();
      out.push_back({template_id, std::move(title), std::move(text)});
    }
    return Ok();
  }));
  std::stable_sort(out.begin(), out.end(),
                   [](const CannedReply& a, const CannedReply& b) { return a.title < b.title; });
  return out;
}

}  // namespace hd::service
