// helpdesk process load | migrate | dot-svg: the administrator's process
// commands on the configured database, and the diagram child of the server.
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli.hpp"
#include "app/cli_process.hpp"
#include "app/process_renderer.hpp"
#include "app/runtime.hpp"

namespace hd::app {

namespace {

struct LoadFlags {
  CommonFlags common;
  std::string file;
};

struct MigrateFlags {
  CommonFlags common;
  std::string process = "support";
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::string map;
};

// Opens the runtime with the directory and process defaults loaded; throws
// the exit code on failure.
std::unique_ptr<Runtime> OpenOrExit(const CommonFlags& flags) {
  auto config = ResolveConfig(flags);
  if (!config.ok()) throw CLI::RuntimeError(Fail(config.error()));
  SetUpLogging(*config);
  auto runtime = OpenRuntime(*config);
  if (!runtime.ok()) throw CLI::RuntimeError(Fail(runtime.error()));
  if (auto loaded = LoadDirectoryDefaults(*config, **runtime); !loaded.ok()) {
    throw CLI::RuntimeError(Fail(loaded.error()));
  }
  return std::move(runtime).value();
}

void RunLoad(const LoadFlags& flags) {
  auto runtime = OpenOrExit(flags.common);
  std::ifstream in(flags.file, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in) throw CLI::RuntimeError(Fail(Error::InvalidArgument("cannot read " + flags.file)));
  auto loaded = runtime->services->process_admin.Load(std::nullopt, text.str(), flags.file);
  if (!loaded.ok()) throw CLI::RuntimeError(Fail(loaded.error()));
  std::cout << "process " << loaded->process_id << " version " << loaded->version
            << (loaded->stored ? " stored" : " was stored already")
            << (loaded->current ? "; new tickets start on it\n" : "\n");
}

void RunMigrate(const MigrateFlags& flags) {
  auto state_map = service::ParseStateMap(flags.map);
  if (!state_map.ok()) throw CLI::RuntimeError(Fail(state_map.error()));
  auto runtime = OpenOrExit(flags.common);
  service::MigrateInput input{flags.process, flags.from, flags.to, std::move(*state_map)};
  auto moved = runtime->services->process_admin.Migrate(std::nullopt, input);
  if (!moved.ok()) throw CLI::RuntimeError(Fail(moved.error()));
  std::cout << moved->tickets << " open ticket(s) moved from " << flags.process << " version "
            << flags.from << " to version " << flags.to << "\n";
}

}  // namespace

void AddProcessAdminCommands(CLI::App& process) {
  auto load = std::make_shared<LoadFlags>();
  CLI::App* load_cmd = process.add_subcommand(
      "load", "Store a process definition as a new version (new tickets start on the highest)");
  load_cmd->add_option("FILE", load->file, "Process definition (YAML)")->required();
  AddCommonFlags(*load_cmd, load->common);
  load_cmd->callback([load] { RunLoad(*load); });

  auto migrate = std::make_shared<MigrateFlags>();
  CLI::App* migrate_cmd = process.add_subcommand(
      "migrate", "Move open tickets from one process version to another, mapping states");
  migrate_cmd->add_option("--process", migrate->process, "Process id")->capture_default_str();
  migrate_cmd->add_option("--from", migrate->from, "Version the tickets are on")->required();
  migrate_cmd->add_option("--to", migrate->to, "Version to move them to")->required();
  migrate_cmd->add_option("--map", migrate->map, "State map old=new,old2=new2");
  AddCommonFlags(*migrate_cmd, migrate->common);
  migrate_cmd->callback([migrate] { RunMigrate(*migrate); });

  CLI::App* dot_svg = process.add_subcommand("dot-svg", "Render DOT from stdin to SVG on stdout");
  dot_svg->group("");  // internal: the server's diagram child
  dot_svg->callback([] {
    const int code = RunDotToSvg();
    if (code != 0) throw CLI::RuntimeError(code);
  });
}

}  // namespace hd::app
