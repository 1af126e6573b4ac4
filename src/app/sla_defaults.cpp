#include "app/sla_defaults.hpp"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "jobs/process_job.hpp"
#include "jobs/report_jobs.hpp"
#include "jobs/sla_job.hpp"

namespace hd::app {

namespace {

Result<std::string> ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::InvalidArgument("cannot read " + path.string(), "config_dir");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string InstanceName() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host) + ":" + std::to_string(getpid());
}

}  // namespace

Status LoadSlaDefaults(const Config& config, Runtime& runtime) {
  const std::filesystem::path dir(config.config_dir);
  const std::filesystem::path calendars = dir / "calendars";
  service::SlaSources sources;
  HD_ASSIGN_OR_RETURN(sources.levels_yaml, ReadFile(dir / "levels.yaml"));
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(calendars, ec)) {
    const auto& path = entry.path();
    if (path.extension() != ".json") continue;
    HD_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    // Holiday sources (production-calendar JSON) share the folder: only
    // calendar definitions are loaded as calendars.
    if (text.find("\"helpdesk-calendar/1\"") == std::string::npos) continue;
    sources.calendars[path.stem().string()] = std::move(text);
  }
  if (ec) return Error::InvalidArgument("cannot list " + calendars.string(), "config_dir");
  sources.read_source = [calendars](const std::string& name) -> Result<std::string> {
    if (name.find_first_of("/\\") != std::string::npos) {
      return Error::InvalidArgument("holiday source must be a file name: " + name);
    }
    return ReadFile(calendars / name);
  };
  return runtime.services->sla_levels.Load(std::move(sources));
}

Result<std::unique_ptr<jobs::Scheduler>> StartJobs(const Config& config, Runtime& runtime,
                                                   MailChannel* mail) {
  jobs::SchedulerOptions options;
  options.instance = InstanceName();
  auto scheduler = std::make_unique<jobs::Scheduler>(*runtime.store, runtime.clock, options);
  scheduler->Add(jobs::SlaPolicyJob(runtime.services->sla_levels,
                                    std::chrono::seconds(config.sla_policy_check_seconds)));
  if (config.jobs_enabled) {
    scheduler->Add(jobs::SlaJob(runtime.services->sla_monitor,
                                std::chrono::seconds(config.jobs_sla_interval_seconds)));
    scheduler->Add(jobs::ProcessJob(runtime.services->process_timers,
                                    std::chrono::seconds(config.jobs_process_interval_seconds)));
    scheduler->Add(jobs::BacklogJob(runtime.services->backlog_snapshots,
                                    std::chrono::seconds(config.jobs_sla_interval_seconds)));
    spdlog::info("jobs: sla every {}s, process every {}s as {}", config.jobs_sla_interval_seconds,
                 config.jobs_process_interval_seconds, options.instance);
    if (mail != nullptr) AddMailJobs(*scheduler, *mail, runtime, config);
  }
  scheduler->Start();
  return scheduler;
}

}  // namespace hd::app
