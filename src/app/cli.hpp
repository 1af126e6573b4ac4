// The pieces every `helpdesk` subcommand shares: the configuration flags and
// how a command reports failure (a message on stderr and a non-zero exit).
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "app/config.hpp"
#include "core/error.hpp"

namespace hd::app {

// Exit codes: 0 success, 1 failure, 2 bad input, 75 temporarily unavailable
// (EX_TEMPFAIL: try again later).
int ExitCode(const Error& error);

// Prints "helpdesk: <message>" to stderr and returns the exit code.
int Fail(const Error& error);

struct CommonFlags {
  std::string config_file;
  std::string data;
  std::string database;
  std::string config_dir;
  std::string log_level;
  std::vector<std::string> sets;
};

// Adds --config, --data, --database, --config-dir, --log-level and --set.
void AddCommonFlags(CLI::App& command, CommonFlags& flags);

// Defaults < YAML file (--config or HD_CONFIG) < HD_* environment < flags.
// `listen` overrides the listen address when not empty.
Result<Config> ResolveConfig(const CommonFlags& flags, const std::string& listen = {});

// Sets up logging (stderr, UTC timestamps) at the configured level.
void SetUpLogging(const Config& config);

// Each registers one group of subcommands; `exit_code` receives the result.
void AddServeCommand(CLI::App& app, int& exit_code);
void AddAdminCommands(CLI::App& app, int& exit_code);
void AddDbCommands(CLI::App& app, int& exit_code);
void AddMailCommands(CLI::App& app, int& exit_code);

}  // namespace hd::app
