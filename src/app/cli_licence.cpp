// helpdesk licence add | partner set | coupon issue
#include "app/cli_licence.hpp"

#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "app/runtime.hpp"

namespace hd::app {

Result<std::unique_ptr<Runtime>> OpenWithSla(const CommonFlags& flags) {
  HD_ASSIGN_OR_RETURN(Config config, ResolveConfig(flags));
  SetUpLogging(config);
  HD_ASSIGN_OR_RETURN(auto runtime, OpenRuntime(config));
  HD_RETURN_IF_ERROR(LoadDirectoryDefaults(config, *runtime));  // levels and calendars too
  return runtime;
}

namespace {

struct LicenceFlags {
  CommonFlags common;
  service::LicenceInput licence;
  std::string level;
};

void AddHolder(CLI::App& cmd, service::Holder& holder) {
  cmd.add_option("--user", holder.user_email, "the customer's e-mail");
  cmd.add_option("--company", holder.company, "or the company's name");
}

int AddLicence(const LicenceFlags& f) {
  auto runtime = OpenWithSla(f.common);
  if (!runtime.ok()) return Fail(runtime.error());
  auto out = (*runtime)->services->licences.Add(std::nullopt, f.licence);
  if (!out.ok()) return Fail(out.error());
  const auto& l = out->licence;
  std::cout << "licence " << l.id.value << " " << l.edition << " (" << core::ToString(l.support)
            << ") " << (l.expires ? "until " + core::FormatDate(*l.expires) : "unlimited")
            << (out->renewed ? " renewed" : "") << "\n"
            << "coupon " << out->coupon.code << " until "
            << core::FormatIso8601(out->coupon.expires_at) << "\n";
  return 0;
}

int SetPartner(const LicenceFlags& f) {
  auto runtime = OpenWithSla(f.common);
  if (!runtime.ok()) return Fail(runtime.error());
  auto out = (*runtime)->services->licences.SetPartner(std::nullopt, f.licence.holder, f.level);
  if (!out.ok()) return Fail(out.error());
  std::cout << "partner " << core::ToString(out->level) << "\n";
  return 0;
}

int IssueCoupon(const LicenceFlags& f) {
  auto runtime = OpenWithSla(f.common);
  if (!runtime.ok()) return Fail(runtime.error());
  auto coupon = (*runtime)->services->licences.IssueCoupon(std::nullopt, f.licence.holder);
  if (!coupon.ok()) return Fail(coupon.error());
  std::cout << "coupon " << coupon->code << " until " << core::FormatIso8601(coupon->expires_at)
            << "\n";
  return 0;
}

}  // namespace

void AddLicenceCommands(CLI::App& app, int& exit_code) {
  auto f = std::make_shared<LicenceFlags>();
  auto* licence = app.add_subcommand("licence", "customers' licences")->require_subcommand(1);
  auto* add = licence->add_subcommand("add", "record or renew a licence and issue its coupon");
  AddHolder(*add, f->licence.holder);
  add->add_option("--edition", f->licence.edition, "product edition, e.g. Business")->required();
  add->add_option("--activated", f->licence.activated, "activation date YYYY-MM-DD")->required();
  add->add_option("--support", f->licence.support, "standard, operative or vip");
  add->add_flag("--limited", f->licence.limited, "a limited licence (non-commercial support)");
  AddCommonFlags(*add, f->common);
  add->callback([f, &exit_code] { exit_code = AddLicence(*f); });

  auto* partner = app.add_subcommand("partner", "partner status")->require_subcommand(1);
  auto* set = partner->add_subcommand("set", "set the partner status of a user or company");
  AddHolder(*set, f->licence.holder);
  set->add_option("--level", f->level, "none, standard or operative")->required();
  AddCommonFlags(*set, f->common);
  set->callback([f, &exit_code] { exit_code = SetPartner(*f); });

  auto* coupon = app.add_subcommand("coupon", "special-request coupons")->require_subcommand(1);
  auto* issue = coupon->add_subcommand("issue", "issue a coupon (recorded in the audit log)");
  AddHolder(*issue, f->licence.holder);
  AddCommonFlags(*issue, f->common);
  issue->callback([f, &exit_code] { exit_code = IssueCoupon(*f); });
}

}  // namespace hd::app
