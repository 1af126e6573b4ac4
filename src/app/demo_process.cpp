#include "app/demo_process.hpp"

#include <string>
#include <utility>
#include <vector>

namespace hd::app {

namespace {

using service::Actor;

struct Step {
  const char* who;  // e-mail of the demo user who fires it
  const char* transition;
  workflow::FieldValues fields;
};

class ProcessDemo {
 public:
  explicit ProcessDemo(Runtime& runtime) : runtime_(runtime), s_(*runtime.services) {}

  Result<Actor> Who(const std::string& email) {
    std::optional<core::User> user;
    HD_RETURN_IF_ERROR(runtime_.store->Read([&](core::ports::Tx& tx) -> Status {
      HD_ASSIGN_OR_RETURN(user, tx.Users().FindByEmail(email));
      return Ok();
    }));
    if (!user) return Error::NotFound("no demo user " + email);
    return Actor::From(*user);
  }

  // Opens a ticket for `customer` and fires `steps` in order.
  Status Walk(const char* customer, const char* subject, const char* body,
              const std::vector<Step>& steps) {
    HD_ASSIGN_OR_RETURN(Actor initiator, Who(customer));
    service::CreateTicketInput in;
    in.subject = subject;
    in.body = body;
    in.category = "product";
    HD_ASSIGN_OR_RETURN(auto created, s_.tickets.Create(initiator, std::move(in)));
    for (const Step& step : steps) {
      HD_ASSIGN_OR_RETURN(Actor actor, Who(step.who));
      HD_RETURN_IF_ERROR(s_.transitions.Fire(actor, created.ticket.id,
                                             {step.transition, step.fields, "", std::nullopt}));
    }
    return Ok();
  }

  Result<std::string> DeveloperId() {
    HD_ASSIGN_OR_RETURN(Actor dev, Who("dev@helpdesk.example"));
    return std::to_string(dev.id.value);
  }

 private:
  Runtime& runtime_;
  service::Services& s_;
};

constexpr const char* kL1 = "l1@helpdesk.example";
constexpr const char* kManager = "manager@helpdesk.example";
constexpr const char* kItOps = "itops@helpdesk.example";

const workflow::FieldValues kTriage = {{"complexity", "medium"},
                                       {"criticality", "high"},
                                       {"category", "checkout"},
                                       {"planned_effort", "6"},
                                       {"expected_resolution", "2026-06-30"}};

std::vector<Step> Escalated() {
  return {{kL1, "take_technical", {}},
          {kL1, "escalate", {{"escalation_reason", "Not in the FAQ; reproducible on staging."}}}};
}

std::vector<Step> Then(std::vector<Step> steps, std::vector<Step> more) {
  for (auto& s : more) steps.push_back(std::move(s));
  return steps;
}

}  // namespace

Status SeedProcessDemo(Runtime& runtime) {
  if (!runtime.services->processes.catalog().Current(
          runtime.services->processes.settings().default_process)) {
    return Ok();
  }
  ProcessDemo d(runtime);
  HD_RETURN_IF_ERROR(d.Walk("carl@globex.example", "Where do I find the API key?",
                            "The settings page has no API section for me.", {}));
  HD_RETURN_IF_ERROR(d.Walk("pavel@acme.example", "Payment page times out",
                            "Card payments time out after 30 seconds since this morning.",
                            Escalated()));
  HD_RETURN_IF_ERROR(d.Walk("anna@acme.example", "Orders export misses yesterday's orders",
                            "The nightly export stops at 23:00; later orders are missing.",
                            Then(Escalated(), {{kManager, "classify_incident", kTriage}})));
  HD_RETURN_IF_ERROR(d.Walk("carl@globex.example", "Please add export to PDF",
                            "We need invoices as PDF files.",
                            Then(Escalated(), {{kManager, "classify_rfc", kTriage},
                                               {"board@helpdesk.example", "approve_change", {}}})));
  HD_RETURN_IF_ERROR(d.Walk(
      "anna@acme.example", "Search shows deleted products", "Deleted products still appear.",
      Then(Escalated(), {{kManager, "classify_incident", kTriage},
                         {kItOps, "resolve_incident", {{"resolution", "Index rebuilt."}}}})));
  HD_ASSIGN_OR_RETURN(std::string dev, d.DeveloperId());
  HD_RETURN_IF_ERROR(d.Walk(
      "carl@globex.example", "Show the delivery date in the order e-mail",
      "Customers keep asking when their order arrives.",
      Then(Escalated(), {{kManager, "classify_rfc", kTriage},
                         {"board@helpdesk.example", "approve_change", {}},
                         {"board2@helpdesk.example", "approve_change", {}},
                         {kManager, "start_development", {{"developer", dev}}},
                         {"dev@helpdesk.example", "submit_change", {{"resolution", "Added."}}},
                         {"tester@helpdesk.example", "accept_change", {}},
                         {kItOps, "deploy_change", {}}})));  // deployed: resolved
  return d.Walk("pavel@acme.example", "What is the weather in Moscow?", "Just curious.",
                {{kL1, "answer_off_topic", {}}});
}

}  // namespace hd::app
