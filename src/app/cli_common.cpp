#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/cli.hpp"

namespace hd::app {

int ExitCode(const Error& error) {
  switch (error.code) {
    case ErrorCode::kInvalidArgument:
    case ErrorCode::kNotFound:
    case ErrorCode::kConflict:
    case ErrorCode::kTooLarge:
      return 2;
    case ErrorCode::kUnavailable:
    case ErrorCode::kRateLimited:
      return 75;
    default:
      return 1;
  }
}

int Fail(const Error& error) {
  std::cerr << "helpdesk: " << error.message << "\n";
  return ExitCode(error);
}

void AddCommonFlags(CLI::App& command, CommonFlags& flags) {
  command.add_option("--config", flags.config_file, "YAML configuration file (env HD_CONFIG)");
  command.add_option("--data", flags.data, "data folder (default ./data)");
  command.add_option("--database", flags.database,
                     "database URL, e.g. sqlite:./data/helpdesk.db (default in --data)");
  command.add_option("--config-dir", flags.config_dir,
                     "folder of business defaults (default config/defaults)");
  command.add_option("--log-level", flags.log_level, "trace|debug|info|warn|error|off");
  command.add_option("--set", flags.sets, "override any setting: key=value (repeatable)");
}

namespace {

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Error::InvalidArgument("cannot read the configuration file " + path, "config");
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string DefaultConfigDir() {
  if (std::filesystem::exists("config/defaults/directory.yaml")) return "config/defaults";
  return HD_SOURCE_CONFIG_DIR;
}

}  // namespace

Result<Config> ResolveConfig(const CommonFlags& flags, const std::string& listen) {
  Config config;
  std::string file = flags.config_file;
  if (file.empty()) {
    if (const char* env = std::getenv("HD_CONFIG")) file = env;
  }
  if (!file.empty()) {
    HD_ASSIGN_OR_RETURN(std::string text, ReadFile(file));
    HD_RETURN_IF_ERROR(ApplyYaml(config, text, file));
  }
  HD_RETURN_IF_ERROR(ApplyEnvironment(config, [](const char* name) { return std::getenv(name); }));
  if (!listen.empty()) HD_RETURN_IF_ERROR(ApplyOverride(config, "listen=" + listen));
  if (!flags.data.empty()) config.data_dir = flags.data;
  if (!flags.database.empty()) config.database = flags.database;
  if (!flags.config_dir.empty()) config.config_dir = flags.config_dir;
  if (!flags.log_level.empty()) {
    HD_RETURN_IF_ERROR(ApplyOverride(config, "log_level=" + flags.log_level));
  }
  for (const auto& set : flags.sets) HD_RETURN_IF_ERROR(ApplyOverride(config, set));
  if (config.config_dir.empty()) config.config_dir = DefaultConfigDir();
  return config;
}

void SetUpLogging(const Config& config) {
  auto logger = spdlog::stderr_logger_mt("helpdesk");
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(config.log_level));
  spdlog::set_default_logger(logger);
}

}  // namespace hd::app
