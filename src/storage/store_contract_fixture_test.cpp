// Fixture helpers of the storage contract suite (store_contract.hpp).
#include "store_contract.hpp"

namespace hd::storage::testing {

using core::ports::Tx;

namespace {
const core::Timestamp kT0 = core::FromUnixMillis(1'767'225'600'000);  // 2026-01-01T00:00:00Z
}  // namespace

core::Ticket SampleTicket(const core::User& initiator, const std::string& subject) {
  core::Ticket t;
  t.subject = subject;
  t.category = "printing";
  t.status = core::TicketStatus::kNew;
  t.criticality = core::Criticality::kHigh;
  t.support_level = "commercial";
  t.initiator_id = initiator.id;
  t.company_id = initiator.company_id;
  t.tier = 1;
  t.channel = "email";
  t.sources_searched = "FAQ";
  t.steps = "Print a page";
  t.expected = "A page";
  t.actual = "Paper jam";
  t.created_at = kT0;
  t.updated_at = kT0 + std::chrono::minutes(1);
  return t;
}

core::User StoreContract::AddUser(const std::string& email, core::Role role,
                                  std::optional<core::CompanyId> company) {
  core::User u;
  u.email = email;
  u.name = "Name of " + email;
  u.role = role;
  u.company_id = company;
  u.password_hash = "$argon2id$v=19$hash";
  u.created_at = kT0;
  return Must(WriteValue<core::User>([&](Tx& tx) { return tx.Users().Insert(u); }));
}

core::Company StoreContract::AddCompany(const std::string& name, bool share_tickets) {
  core::Company c{{}, name, share_tickets, kT0};
  return Must(WriteValue<core::Company>([&](Tx& tx) { return tx.Companies().Insert(c); }));
}

core::Group StoreContract::AddGroup(const std::string& slug, int tier) {
  core::Group g{{}, slug, "Group " + slug, tier};
  return Must(WriteValue<core::Group>([&](Tx& tx) { return tx.Groups().Insert(g); }));
}

core::Ticket StoreContract::AddTicket(const core::User& initiator, const std::string& subject) {
  return AddTicket(SampleTicket(initiator, subject));
}

core::Ticket StoreContract::AddTicket(core::Ticket ticket) {
  return Must(WriteValue<core::Ticket>([&](Tx& tx) { return tx.Tickets().Insert(ticket); }));
}

std::int64_t StoreContract::CountUsers() {
  return Must(ReadValue<std::int64_t>([](Tx& tx) { return tx.Users().Count(); }));
}

const core::Timestamp ConversationRepoContract::kAt = core::FromUnixMillis(1'767'300'000'123);

void ConversationRepoContract::SetUp() {
  StoreContract::SetUp();
  if (IsSkipped()) return;
  customer_ = AddUser("ann@example.com");
  agent_ = AddUser("agent@example.com", core::Role::kL1Operator);
  ticket_ = AddTicket(customer_);
}

core::Message ConversationRepoContract::Post(const core::User& author, const std::string& body,
                                             bool internal) {
  core::Message m{{}, ticket_.id, author.id, body, internal, "web", kAt, {}};
  return Must(WriteValue<core::Message>([&](Tx& tx) { return tx.Messages().Insert(m); }));
}

core::Attachment ConversationRepoContract::Upload(const std::string& filename,
                                                  std::optional<core::MessageId> message) {
  core::Attachment a{{}, ticket_.id,           message, customer_.id, filename, "text/plain",
                     42, std::string(64, 'a'), kAt};
  return Must(WriteValue<core::Attachment>([&](Tx& tx) { return tx.Attachments().Insert(a); }));
}

std::vector<core::Message> ConversationRepoContract::List(bool include_internal) {
  return Must(ReadValue<std::vector<core::Message>>(
      [&](Tx& tx) { return tx.Messages().ListForTicket(ticket_.id, include_internal); }));
}

}  // namespace hd::storage::testing
