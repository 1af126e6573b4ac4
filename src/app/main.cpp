// helpdesk: the help-desk server and its administration commands.
#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

#include "app/cli.hpp"
#include "app/cli_licence.hpp"
#include "app/cli_process.hpp"
#include "app/cli_sla.hpp"

int main(int argc, char** argv) {
  CLI::App app{"helpdesk: a help desk and service desk server"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "helpdesk " HD_VERSION);
  int exit_code = 0;
  hd::app::AddServeCommand(app, exit_code);
  hd::app::AddAdminCommands(app, exit_code);
  hd::app::AddDbCommands(app, exit_code);
  hd::app::AddSlaCommands(app, HD_SOURCE_CONFIG_DIR);
  hd::app::AddLicenceCommands(app, exit_code);
  hd::app::AddCalendarCommands(app, exit_code);
  hd::app::AddProcessCommands(app);
  hd::app::AddMailCommands(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const std::exception& e) {
    std::cerr << "helpdesk: " << e.what() << "\n";
    return 1;
  }
  return exit_code;
}
