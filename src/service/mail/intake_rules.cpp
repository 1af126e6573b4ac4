#include "service/mail/intake_rules.hpp"

#include <algorithm>
#include <charconv>

#include "service/mail/reply_address.hpp"

namespace hd::service {

namespace {

// Every address the mail was written or delivered to.
std::vector<std::string> Recipients(const core::InboundMail& mail) {
  std::vector<std::string> out;
  for (const auto& a : mail.to) out.push_back(a.address);
  for (const auto& a : mail.cc) out.push_back(a.address);
  for (const auto& a : mail.delivered_to) out.push_back(a);
  return out;
}

Result<std::optional<core::Ticket>> TicketByNumber(core::ports::Tx& tx, std::int64_t number) {
  // A ticket's number is its id (storage sets it so in the inserting write).
  auto found = tx.Tickets().Get(core::TicketId(number));
  if (!found.ok()) {
    if (found.error().code == ErrorCode::kNotFound) return std::optional<core::Ticket>();
    return std::move(found).error();
  }
  if (found->number != number) return std::optional<core::Ticket>();
  return std::optional<core::Ticket>(std::move(*found));
}

Result<std::optional<ThreadMatch>> ByReplyAddress(core::ports::Tx& tx,
                                                  const core::InboundMail& mail,
                                                  const std::string& sender,
                                                  const std::string& secret,
                                                  const MailOptions& options) {
  for (const std::string& to : Recipients(mail)) {
    auto match = ReadReplyAddress(to, options.address, sender, secret);
    if (!match) continue;
    HD_ASSIGN_OR_RETURN(auto ticket, TicketByNumber(tx, match->ticket_number));
    if (!ticket) continue;
    return std::optional<ThreadMatch>(
        ThreadMatch{std::move(*ticket), match->signed_for_sender, "reply-address"});
  }
  return std::optional<ThreadMatch>();
}

Result<std::optional<ThreadMatch>> ByReferences(core::ports::Tx& tx,
                                                const core::InboundMail& mail) {
  std::vector<std::string> ids;
  if (mail.in_reply_to) ids.push_back(*mail.in_reply_to);
  ids.insert(ids.end(), mail.references.rbegin(), mail.references.rend());
  for (const std::string& id : ids) {
    if (id.empty()) continue;
    HD_ASSIGN_OR_RETURN(auto ticket_id, tx.Mail().FindTicketByMessageId(id));
    if (!ticket_id) continue;
    HD_ASSIGN_OR_RETURN(core::Ticket ticket, tx.Tickets().Get(*ticket_id));
    return std::optional<ThreadMatch>(ThreadMatch{std::move(ticket), false, "references"});
  }
  return std::optional<ThreadMatch>();
}

}  // namespace

std::optional<std::int64_t> SubjectTicketNumber(std::string_view subject, std::string_view prefix,
                                                std::string_view suffix) {
  if (prefix.empty()) return std::nullopt;
  for (auto at = subject.find(prefix); at != std::string_view::npos;
       at = subject.find(prefix, at + 1)) {
    const std::string_view rest = subject.substr(at + prefix.size());
    std::int64_t number = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
    if (ec != std::errc{} || number <= 0) continue;
    const std::string_view after = rest.substr(static_cast<std::size_t>(end - rest.data()));
    if (after.substr(0, suffix.size()) == suffix) return number;
  }
  return std::nullopt;
}

Result<std::optional<ThreadMatch>> FindThreadTicket(core::ports::Tx& tx,
                                                    const core::InboundMail& mail,
                                                    const std::string& sender,
                                                    const std::string& secret,
                                                    const MailOptions& options) {
  HD_ASSIGN_OR_RETURN(auto match, ByReplyAddress(tx, mail, sender, secret, options));
  if (match) return match;
  HD_ASSIGN_OR_RETURN(match, ByReferences(tx, mail));
  if (match) return match;
  const auto number = SubjectTicketNumber(mail.subject, options.tag_prefix, options.tag_suffix);
  if (!number) return std::optional<ThreadMatch>();
  HD_ASSIGN_OR_RETURN(auto ticket, TicketByNumber(tx, *number));
  if (!ticket) return std::optional<ThreadMatch>();
  return std::optional<ThreadMatch>(ThreadMatch{std::move(*ticket), false, "subject"});
}

Result<bool> MayWriteByMail(core::ports::Tx& tx, const core::Ticket& ticket,
                            const std::string& sender, const std::optional<core::User>& user) {
  if (user && !user->disabled) {
    if (core::IsStaff(user->role)) return true;
    if (user->id == ticket.initiator_id) return true;
    if (user->company_id && ticket.company_id && *user->company_id == *ticket.company_id) {
      HD_ASSIGN_OR_RETURN(core::Company company, tx.Companies().Get(*ticket.company_id));
      if (company.share_tickets) return true;
    }
  }
  HD_ASSIGN_OR_RETURN(auto participants, tx.Mail().ListParticipants(ticket.id));
  return std::any_of(participants.begin(), participants.end(),
                     [&](const auto& p) { return LowerAddress(p.address) == sender; });
}

bool IsOwnAddress(std::string_view address, const MailOptions& options) {
  const std::string lower = LowerAddress(address);
  if (lower == LowerAddress(options.address)) return true;
  if (!options.comment_address.empty() && lower == LowerAddress(options.comment_address)) {
    return true;
  }
  return ReadReplyAddress(address, options.address, "", "").has_value();
}

std::vector<core::MailAddress> OtherRecipients(const core::InboundMail& mail,
                                               const std::string& sender,
                                               const MailOptions& options) {
  std::vector<core::MailAddress> out;
  for (const auto* list : {&mail.to, &mail.cc}) {
    for (const core::MailAddress& a : *list) {
      const std::string lower = LowerAddress(a.address);
      if (lower.empty() || lower.find('@') == std::string::npos || lower == sender ||
          IsOwnAddress(lower, options)) {
        continue;
      }
      const bool seen = std::any_of(
          out.begin(), out.end(), [&](const auto& o) { return LowerAddress(o.address) == lower; });
      if (!seen) out.push_back({a.name, lower});
    }
  }
  return out;
}

bool ToCommentAddress(const core::InboundMail& mail, const MailOptions& options) {
  if (options.comment_address.empty()) return false;
  const std::string comment = LowerAddress(options.comment_address);
  for (const std::string& to : Recipients(mail)) {
    if (LowerAddress(to) == comment) return true;
  }
  return false;
}

Result<std::optional<std::string>> RouteProblem(core::ports::Tx& tx, const std::string& category,
                                                const std::string& group) {
  if (!category.empty()) {
    HD_ASSIGN_OR_RETURN(auto found, tx.Groups().FindCategory(category));
    if (!found) return std::optional<std::string>("the mailbox routes to no category " + category);
  }
  if (!group.empty()) {
    HD_ASSIGN_OR_RETURN(auto found, tx.Groups().FindBySlug(group));
    if (!found) return std::optional<std::string>("the mailbox routes to no group " + group);
  }
  return std::optional<std::string>();
}

}  // namespace hd::service
