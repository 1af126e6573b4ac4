// helpdesk migrate | user add | token create | demo
#include <iomanip>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "app/demo.hpp"
#include "app/runtime.hpp"

namespace hd::app {

namespace {

struct UserFlags {
  std::string email, password, role, name, company;
};

Result<std::unique_ptr<Runtime>> Open(const CommonFlags& flags) {
  HD_ASSIGN_OR_RETURN(Config config, ResolveConfig(flags));
  SetUpLogging(config);
  HD_ASSIGN_OR_RETURN(auto runtime, OpenRuntime(config));
  HD_RETURN_IF_ERROR(LoadDirectoryDefaults(config, *runtime));
  return runtime;
}

int Migrate(const CommonFlags& flags) {
  auto runtime = Open(flags);
  if (!runtime.ok()) return Fail(runtime.error());
  std::cout << "database is up to date\n";
  return 0;
}

int AddUser(const CommonFlags& flags, const UserFlags& u) {
  const auto role = core::ParseRole(u.role);
  if (!role) {
    return Fail(Error::InvalidArgument(
        "unknown role " + u.role +
        "; use customer, l1_operator, incident_manager, tester, it_operator, developer, "
        "rfc_board, integrator or administrator"));
  }
  auto runtime = Open(flags);
  if (!runtime.ok()) return Fail(runtime.error());
  auto user = (*runtime)->services->accounts.AddUser(
      std::nullopt, {u.email, u.password, *role, u.name, u.company});
  if (!user.ok()) return Fail(user.error());
  std::cout << "user " << user->id.value << " " << user->email << " (" << u.role << ")\n";
  return 0;
}

int CreateToken(const CommonFlags& flags, const std::string& email, const std::string& name) {
  auto runtime = Open(flags);
  if (!runtime.ok()) return Fail(runtime.error());
  auto token = (*runtime)->services->accounts.CreateApiToken(std::nullopt, email, name);
  if (!token.ok()) return Fail(token.error());
  std::cout << *token << "\n";
  return 0;
}

int Demo(const CommonFlags& flags) {
  auto runtime = Open(flags);
  if (!runtime.ok()) return Fail(runtime.error());
  auto logins = SeedDemo(**runtime);
  if (!logins.ok()) return Fail(logins.error());
  std::cout << "Demo logins (password for all: " << kDemoPassword << "):\n";
  for (const auto& login : *logins) {
    std::cout << "  " << std::left << std::setw(18) << login.role << login.email << "\n";
  }
  return 0;
}

}  // namespace

void AddAdminCommands(CLI::App& app, int& exit_code) {
  static CommonFlags migrate_flags, user_flags, token_flags, demo_flags;
  static UserFlags user;
  static std::string token_user, token_name = "cli";

  auto* migrate = app.add_subcommand("migrate", "apply database migrations and defaults");
  AddCommonFlags(*migrate, migrate_flags);
  migrate->callback([&] { exit_code = Migrate(migrate_flags); });

  auto* user_cmd = app.add_subcommand("user", "manage users")->require_subcommand(1);
  auto* add = user_cmd->add_subcommand("add", "create a user of any role");
  add->add_option("--email", user.email, "e-mail (login)")->required();
  add->add_option("--password", user.password, "password, at least 8 characters")->required();
  add->add_option("--role", user.role, "role id, e.g. customer or l1_operator")->required();
  add->add_option("--name", user.name, "display name (default: from the e-mail)");
  add->add_option("--company", user.company, "customer's company (created when missing)");
  AddCommonFlags(*add, user_flags);
  add->callback([&] { exit_code = AddUser(user_flags, user); });

  auto* token = app.add_subcommand("token", "manage API tokens")->require_subcommand(1);
  auto* create = token->add_subcommand("create", "print a new bearer token for a user");
  create->add_option("--user", token_user, "the user's e-mail")->required();
  create->add_option("--name", token_name, "what the token is for");
  AddCommonFlags(*create, token_flags);
  create->callback([&] { exit_code = CreateToken(token_flags, token_user, token_name); });

  auto* demo = app.add_subcommand("demo", "fill the database with a demo help desk");
  AddCommonFlags(*demo, demo_flags);
  demo->callback([&] { exit_code = Demo(demo_flags); });
}

}  // namespace hd::app
