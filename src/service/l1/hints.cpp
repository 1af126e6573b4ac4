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

}  // namespace

Status ProposeClass(core::ports::Tx& tx, core::TicketId ticket, std::string_view subject,
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

Status RecordDecision(core::ports::Tx& tx, core::TicketId ticket, const std::string& l1_class,
                      core::Timestamp now) {
  if (l1_class.empty()) return Ok();
  return tx.L1Hints().Decide(ticket, l1_class, now);
}

std::string ClassLabel(const ProcessEngine& processes, const std::string& l1_class,
                       std::string_view language) {
  for (const auto& process : processes.catalog().CurrentAll()) {
    const workflow::FieldDef* field = process->FindField("l1_class");
    if (field == nullptr) continue;
    auto label = field->option_labels.find(l1_class);
    if (label != field->option_labels.end()) return label->second.In(language);
  }
  return l1_class;
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
  HintView view{*hint, ClassLabel(processes_, hint->proposed_class, actor.language), ""};
  if (hint->decided_class) {
    view.decided_label = ClassLabel(processes_, *hint->decided_class, actor.language);
  }
  return view;
}

}  // namespace hd::service::l1
