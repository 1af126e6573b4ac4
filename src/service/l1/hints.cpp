#include "service/l1/hints.hpp"

#include <algorithm>

#include "service/l1/obscenity.hpp"
#include "service/process_engine.hpp"
#include "service/visibility.hpp"

namespace hd::service::l1 {

namespace {

// The start of `text`, cut at a character boundary within `bytes`.
std::string_view Head(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  std::size_t end = bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end);
}

// The proposal for `ticket` from what its customer wrote, stored unless
// nothing is found.
Status Propose(core::ports::Tx& tx, core::TicketId ticket, std::string_view subject,
               std::string_view body, core::Timestamp now) {
  std::string text(subject);
  text += '\n';
  text += Head(body, kReadBytes);
  const std::vector<ObsceneWord> found = FindObscene(text);
  if (found.empty()) return Ok();
  core::ports::L1Hint hint;
  hint.ticket_id = ticket;
  hint.proposed_class = std::string(kObsceneClass);
  hint.source = std::string(kObscenitySource);
  for (const ObsceneWord& word : found) {
    if (std::find(hint.evidence.begin(), hint.evidence.end(), word.written) ==
        hint.evidence.end()) {
      hint.evidence.push_back(word.written);
    }
  }
  hint.proposed_at = now;
  HD_RETURN_IF_ERROR(tx.L1Hints().Propose(hint));
  return Ok();
}

}  // namespace

Status ProposeForNewTicket(core::ports::Tx& tx, core::TicketId ticket, std::string_view subject,
                           std::string_view body, core::Timestamp now) {
  return Propose(tx, ticket, subject, body, now);
}

Status ProposeForMessage(core::ports::Tx& tx, core::TicketId ticket, std::string_view body,
                         core::Timestamp now) {
  HD_ASSIGN_OR_RETURN(auto existing, tx.L1Hints().Find(ticket));
  if (existing) return Ok();
  return Propose(tx, ticket, "", body, now);
}

Status RecordDecision(core::ports::Tx& tx, core::TicketId ticket, const std::string& l1_class,
                      core::Timestamp now) {
  if (l1_class.empty()) return Ok();
  return tx.L1Hints().Decide(ticket, l1_class, now);
}

std::map<std::string, std::string> ClassLabels(const ProcessEngine& processes,
                                               std::string_view language) {
  std::map<std::string, std::string> out;
  for (const auto& process : processes.catalog().CurrentAll()) {
    const workflow::FieldDef* field = process->FindField("l1_class");
    if (field == nullptr) continue;
    for (const auto& [value, label] : field->option_labels) {
      out.try_emplace(value, label.In(language));
    }
  }
  return out;
}

std::string LabelOf(const std::map<std::string, std::string>& labels, const std::string& l1_class) {
  auto it = labels.find(l1_class);
  return it == labels.end() ? l1_class : it->second;
}

Result<HintView> Hints::Find(const Actor& actor, core::TicketId ticket) {
  if (!actor.staff()) return Error::Forbidden("proposals for L1 are for support staff");
  std::optional<core::ports::L1Hint> hint;
  HD_RETURN_IF_ERROR(store_.Read([&](core::ports::Tx& tx) -> Status {
    HD_RETURN_IF_ERROR(LoadReadableTicket(tx, actor, ticket));
    HD_ASSIGN_OR_RETURN(hint, tx.L1Hints().Find(ticket));
    return Ok();
  }));
  if (!hint) {
    return Error::NotFound("nothing was proposed for ticket " + std::to_string(ticket.value));
  }
  const auto labels = ClassLabels(processes_, actor.language);
  HintView view{*hint, LabelOf(labels, hint->proposed_class), ""};
  if (hint->decided_class) view.decided_label = LabelOf(labels, *hint->decided_class);
  return view;
}

}  // namespace hd::service::l1
