#include "app/demo.hpp"

#include <chrono>
#include <map>
#include <string>

#include "app/demo_mail.hpp"
#include "app/demo_process.hpp"
#include "app/demo_sla.hpp"
#include "core/time.hpp"

namespace hd::app {

namespace {

using core::Role;
using service::Actor;

struct DemoUser {
  const char* email;
  Role role;
  const char* name;
  const char* company;
};

constexpr DemoUser kUsers[] = {
    {"admin@helpdesk.example", Role::kAdministrator, "Alexandra Admin", ""},
    {"l1@helpdesk.example", Role::kL1Operator, "Lev Operator", ""},
    {"manager@helpdesk.example", Role::kIncidentManager, "Irina Manager", ""},
    {"tester@helpdesk.example", Role::kTester, "Timur Tester", ""},
    {"itops@helpdesk.example", Role::kItOperator, "Oleg IT Operator", ""},
    {"dev@helpdesk.example", Role::kDeveloper, "Daria Developer", ""},
    {"board@helpdesk.example", Role::kRfcBoard, "Boris Board", ""},
    {"board2@helpdesk.example", Role::kRfcBoard, "Bella Board", ""},
    {"integrator@partner.example", Role::kIntegrator, "Ivan Integrator", ""},
    {"anna@acme.example", Role::kCustomer, "Anna Petrova", "Acme Shop"},
    {"pavel@acme.example", Role::kCustomer, "Pavel Smirnov", "Acme Shop"},
    {"carl@globex.example", Role::kCustomer, "Carl Weber", "Globex Media"},
    {"dina@mail.example", Role::kCustomer, "Dina Orlova", ""},
};

class Seeder {
 public:
  explicit Seeder(service::Services& s) : s_(s) {}

  Status Users() {
    HD_RETURN_IF_ERROR(s_.people.AddCompany(std::nullopt, "Acme Shop", true));
    for (const auto& u : kUsers) {
      HD_ASSIGN_OR_RETURN(
          core::User user,
          s_.accounts.AddUser(std::nullopt, {u.email, kDemoPassword, u.role, u.name, u.company}));
      actors_[u.email] = Actor::From(user);
    }
    return Ok();
  }

  Result<core::Ticket> Open(const char* who, service::CreateTicketInput in) {
    HD_ASSIGN_OR_RETURN(auto created, s_.tickets.Create(actors_.at(who), std::move(in)));
    return created.ticket;
  }

  Result<core::Message> Say(const char* who, const core::Ticket& t, const char* body,
                            bool internal = false) {
    return s_.conversation.Post(actors_.at(who), t.id, {body, internal, "web", {}});
  }

  Status Patch(const char* who, const core::Ticket& t, service::TicketPatch patch) {
    HD_RETURN_IF_ERROR(s_.tickets.Update(actors_.at(who), t.id, patch));
    return Ok();
  }

  // The status of a ticket on the process moves by its transitions.
  Status Fire(const char* who, const core::Ticket& t, const char* transition,
              workflow::FieldValues fields = {}) {
    HD_RETURN_IF_ERROR(
        s_.transitions.Fire(actors_.at(who), t.id, {transition, std::move(fields), "", {}}));
    return Ok();
  }

  const Actor& actor(const char* who) { return actors_.at(who); }
  service::Services& s_;

 private:
  std::map<std::string, Actor> actors_;
};

Status WaitingForCustomer(Seeder& d) {
  HD_ASSIGN_OR_RETURN(auto t,
                      d.Open("anna@acme.example",
                             {"Licence key is not accepted after renewal",
                              "After renewing our licence the update system says the key "
                              "is invalid.",
                              "licence", "",
                              "The FAQ on activation, the forum thread on "
                              "renewals",
                              "1. Renewed the licence\n2. Opened Updates\n3. "
                              "Pressed 'Check'",
                              "Updates are offered", "Error: LICENSE_KEY_INVALID (code 403)"}));
  HD_RETURN_IF_ERROR(d.Fire("l1@helpdesk.example", t, "take_technical"));
  HD_RETURN_IF_ERROR(d.Say("l1@helpdesk.example", t,
                           "Thank you. Please send the exact key shown in Settings → Licence "
                           "(the first and last four characters are enough)."));
  return d.Fire("l1@helpdesk.example", t, "ask_customer");
}

Status EscalatedOutage(Seeder& d) {
  HD_ASSIGN_OR_RETURN(
      auto t, d.Open("pavel@acme.example", {"Shop returns 500 on every page after the update",
                                            "Since the update at 09:40 the whole shop answers with "
                                            "500 Internal Server Error.",
                                            "site-down", "", "", "Installed update 24.100.0",
                                            "The shop keeps working", "HTTP 500 on every page"}));
  HD_RETURN_IF_ERROR(
      d.Say("l1@helpdesk.example", t, "We have passed your request to our incident manager."));
  // Tier, group and criticality follow the process: L1 escalates, the
  // incident manager declares an outage (critical, to IT operations).
  HD_RETURN_IF_ERROR(d.Fire("l1@helpdesk.example", t, "take_technical"));
  HD_RETURN_IF_ERROR(
      d.Fire("l1@helpdesk.example", t, "escalate",
             {{"escalation_reason", "Customer's site down after 24.100.0; not in the FAQ."}}));
  const std::string tomorrow =
      core::FormatIso8601(std::chrono::time_point_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now() + std::chrono::hours(24)))
          .substr(0, 10);
  HD_RETURN_IF_ERROR(d.Fire("manager@helpdesk.example", t, "classify_outage",
                            {{"complexity", "high"},
                             {"category", "site-down"},
                             {"planned_effort", "4"},
                             {"expected_resolution", tomorrow}}));
  service::TicketPatch p;
  p.assignee = d.actor("itops@helpdesk.example").id;
  HD_RETURN_IF_ERROR(d.Patch("manager@helpdesk.example", t, p));
  HD_RETURN_IF_ERROR(d.Say("itops@helpdesk.example", t,
                           "Rollback of module sale 24.100.0 prepared on staging.", true));
  return Ok();
}

Status ResolvedWithFeedback(Seeder& d) {
  HD_ASSIGN_OR_RETURN(
      auto t, d.Open("carl@globex.example", {"How do I rebuild the search index?",
                                             "Search finds nothing for new articles.", "product",
                                             "", "Documentation: Search module", "", "", ""}));
  HD_RETURN_IF_ERROR(d.Fire("l1@helpdesk.example", t, "take_technical"));
  HD_ASSIGN_OR_RETURN(auto answer,
                      d.Say("l1@helpdesk.example", t,
                            "Open Settings → Search → Reindex and run it once; new articles are "
                            "indexed automatically afterwards."));
  HD_RETURN_IF_ERROR(d.Fire("l1@helpdesk.example", t, "answer_technical",
                            {{"resolution", "Reindex once in Settings → Search."}}));
  HD_RETURN_IF_ERROR(d.Say("carl@globex.example", t, "That worked, thank you!"));
  HD_RETURN_IF_ERROR(d.s_.conversation.GiveFeedback(d.actor("carl@globex.example"), t.id,
                                                    {5, "Quick and clear answer.", answer.id}));
  return Ok();
}

Status ClosedAndNew(Seeder& d) {
  HD_ASSIGN_OR_RETURN(
      auto t, d.Open("anna@acme.example",
                     {"CSV export cuts Cyrillic names",
                      "Exported orders show question marks instead of names.", "product", "", "",
                      "Orders → Export → CSV", "Names in Cyrillic", "Question marks"}));
  HD_RETURN_IF_ERROR(d.Fire("l1@helpdesk.example", t, "take_technical"));
  HD_RETURN_IF_ERROR(d.Fire("l1@helpdesk.example", t, "answer_technical",
                            {{"resolution",
                              "Choose the UTF-8 encoding in the export dialog; Windows-1251 is "
                              "the default for older installations."}}));
  HD_RETURN_IF_ERROR(d.Fire("anna@acme.example", t, "confirm_resolution"));
  HD_RETURN_IF_ERROR(d.Open("dina@mail.example",
                            {"Becoming a partner", "What do we need to join the partner programme?",
                             "partner", "", "", "", "", ""}));
  // Obscene words: L1 sees the class "obscene language" proposed, and decides.
  HD_RETURN_IF_ERROR(d.Open(
      "pavel@acme.example",
      {"Какого х.у.я опять не приходит письмо с паролем?",
       "Третий раз пишу, это п*здец. Сделайте уже что-нибудь.", "product", "", "", "", "", ""}));
  service::CreateTicketInput phone{"Cannot log in to the admin panel",
                                   "Caller says the admin password reset e-mail never arrives.",
                                   "product"};
  phone.channel = "phone";
  phone.on_behalf_of = "carl@globex.example";
  // Phone support comes with a special request: Globex uses its coupon.
  HD_ASSIGN_OR_RETURN(auto coupons, d.s_.licences.MyCoupons(d.actor("carl@globex.example")));
  if (!coupons.empty()) phone.coupon = coupons.front().code;
  HD_RETURN_IF_ERROR(d.Open("l1@helpdesk.example", std::move(phone)));
  return Ok();
}

// Saved views on the operator's and the incident manager's desks.
Status SavedViews(Seeder& d) {
  auto& views = d.s_.saved_views;
  HD_RETURN_IF_ERROR(views.Create(d.actor("l1@helpdesk.example"), "VIP and special requests",
                                  "scope=queue&status=new,open,pending&level=client_vip,special"
                                  "&sort=due"));
  HD_RETURN_IF_ERROR(views.Create(d.actor("l1@helpdesk.example"), "By phone",
                                  "scope=queue&channel=phone&sort=due"));
  HD_RETURN_IF_ERROR(views.Create(d.actor("manager@helpdesk.example"), "Critical and high",
                                  "scope=queue&criticality=critical,high&sort=due"));
  return Ok();
}

}  // namespace

Result<std::vector<DemoLogin>> SeedDemo(Runtime& runtime) {
  std::vector<DemoLogin> logins;
  for (const auto& u : kUsers) {
    logins.push_back({u.email, std::string(core::ToString(u.role)), kDemoPassword});
  }
  bool seeded = false;
  HD_RETURN_IF_ERROR(runtime.store->Read([&](core::ports::Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(auto admin, tx.Users().FindByEmail(kUsers[0].email));
    seeded = admin.has_value();
    return Ok();
  }));
  if (seeded) return logins;
  Seeder d(*runtime.services);
  HD_RETURN_IF_ERROR(d.Users());
  HD_RETURN_IF_ERROR(SeedSlaCustomers(runtime));
  HD_RETURN_IF_ERROR(WaitingForCustomer(d));
  HD_RETURN_IF_ERROR(EscalatedOutage(d));
  HD_RETURN_IF_ERROR(ResolvedWithFeedback(d));
  HD_RETURN_IF_ERROR(ClosedAndNew(d));
  HD_RETURN_IF_ERROR(SeedProcessDemo(runtime));
  HD_RETURN_IF_ERROR(SeedSlaTickets(runtime));
  HD_RETURN_IF_ERROR(SeedMailDemo(runtime));
  HD_RETURN_IF_ERROR(SavedViews(d));
  return logins;
}

}  // namespace hd::app
