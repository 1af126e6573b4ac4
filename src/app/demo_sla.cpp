#include "app/demo_sla.hpp"

#include <iostream>

#include "app/demo.hpp"
#include "core/clock.hpp"

namespace hd::app {

namespace {

constexpr const char* kSlaDemoCustomer = "eva@retail.example";

bool Enabled(Runtime& runtime) { return runtime.services->sla_policy.Current()->enabled(); }

service::LicenceInput Licence(const char* holder_email, const char* company, const char* edition,
                              const char* support, const char* activated) {
  service::LicenceInput in;
  in.holder = {holder_email, company};
  in.edition = edition;
  in.support = support;
  in.activated = activated;
  return in;
}

// Today's date minus `days`, as YYYY-MM-DD: licences active whenever the
// demo is seeded.
std::string DaysAgo(const core::Clock& clock, int days) {
  return core::FormatDate(std::chrono::floor<std::chrono::days>(clock.Now()) -
                          std::chrono::days(days));
}

Result<service::Actor> DemoUser(Runtime& runtime, const char* email) {
  std::optional<core::User> user;
  HD_RETURN_IF_ERROR(runtime.store->Read([&](core::ports::Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(user, tx.Users().FindByEmail(email));
    return Ok();
  }));
  if (!user) return Error::NotFound(std::string("no demo user ") + email);
  return service::Actor::From(*user);
}

}  // namespace

Status SeedSlaCustomers(Runtime& runtime) {
  if (!Enabled(runtime)) return Ok();
  auto& licences = runtime.services->licences;
  const std::string recent = DaysAgo(runtime.clock, 30);
  // Globex Media (Carl's company) is a partner; Acme Shop holds a Business licence with VIP support
  // for all its customers.
  HD_RETURN_IF_ERROR(
      licences.Add(std::nullopt, Licence("", "Acme Shop", "Business", "vip", recent.c_str())));
  HD_RETURN_IF_ERROR(licences.SetPartner(std::nullopt, {"", "Globex Media"}, "operative"));
  HD_RETURN_IF_ERROR(licences.IssueCoupon(std::nullopt, {"", "Globex Media"}));
  HD_ASSIGN_OR_RETURN(
      auto dina, licences.Add(std::nullopt, Licence("dina@mail.example", "", "Start", "standard",
                                                    recent.c_str())));
  // Eva, a VIP client, opens the demo's special request with her own coupon.
  HD_RETURN_IF_ERROR(runtime.services->accounts.AddUser(
      std::nullopt, {kSlaDemoCustomer, kDemoPassword, core::Role::kCustomer, "Eva Sokolova", ""}));
  HD_RETURN_IF_ERROR(
      licences.Add(std::nullopt, Licence(kSlaDemoCustomer, "", "Business", "vip", recent.c_str())));
  // On stderr: stdout lists the demo logins for scripts.
  std::cerr << "Special-request coupon of dina@mail.example: " << dina.coupon.code << "\n";
  return Ok();
}

Status SeedSlaTickets(Runtime& runtime) {
  if (!Enabled(runtime)) return Ok();
  using namespace std::chrono_literals;
  core::FakeClock past(runtime.clock.Now() - 240h);
  service::Services then(*runtime.store, *runtime.blobs, past, runtime.services->options);
  then.sla_policy.Replace(runtime.services->sla_policy.Current());
  HD_ASSIGN_OR_RETURN(auto anna, DemoUser(runtime, "anna@acme.example"));
  service::CreateTicketInput late;
  late.subject = "Exported orders lose their currency";
  late.body = "Orders exported to CSV show amounts without the currency since last week.";
  HD_RETURN_IF_ERROR(then.tickets.Create(anna, late));

  past.Set(runtime.clock.Now() - 50min);
  HD_ASSIGN_OR_RETURN(auto eva, DemoUser(runtime, kSlaDemoCustomer));
  HD_ASSIGN_OR_RETURN(auto coupons, then.licences.MyCoupons(eva));
  service::CreateTicketInput urgent;
  urgent.subject = "Checkout fails for every customer";
  urgent.body = "No order has gone through for ten minutes; the payment step times out.";
  if (!coupons.empty()) urgent.coupon = coupons.front().code;
  HD_RETURN_IF_ERROR(then.tickets.Create(eva, urgent));

  // Waiting for the customer before any answer: the clock is paused.
  HD_ASSIGN_OR_RETURN(auto pavel, DemoUser(runtime, "pavel@acme.example"));
  HD_ASSIGN_OR_RETURN(auto agent, DemoUser(runtime, "l1@helpdesk.example"));
  service::CreateTicketInput question;
  question.subject = "Which PHP version does 24.100 need?";
  question.body = "We plan the upgrade of our server and need the supported PHP versions.";
  HD_ASSIGN_OR_RETURN(auto asked, runtime.services->tickets.Create(pavel, question));
  HD_RETURN_IF_ERROR(
      runtime.services->transitions.Fire(agent, asked.ticket.id, {"ask_customer", {}, "", {}}));
  return Ok();
}

}  // namespace hd::app
