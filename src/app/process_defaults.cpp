#include "app/process_defaults.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "app/process_renderer.hpp"
#include "core/local_text.hpp"

namespace hd::app {

namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The files of `folder` ending in `extension`, sorted by name.
std::vector<fs::path> FilesIn(const fs::path& folder, std::string_view extension) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(folder, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

Status LoadDefinitions(const fs::path& folder, service::Services& services) {
  HD_RETURN_IF_ERROR(services.processes.catalog().Refresh(services.store));
  for (const fs::path& file : FilesIn(folder, ".yaml")) {
    auto loaded = services.process_admin.Load(std::nullopt, ReadText(file), file.string());
    if (!loaded.ok()) {
      if (loaded.error().code == ErrorCode::kUnavailable) return std::move(loaded).error();
      spdlog::error("process definition {} refused, the previous version stays in use:\n{}",
                    file.string(), loaded.error().message);
      continue;
    }
    spdlog::info("process {} version {} from {}{}", loaded->process_id, loaded->version,
                 file.string(), loaded->current ? " (current)" : "");
  }
  return Ok();
}

}  // namespace

std::map<std::string, std::string, std::less<>> ReadTemplates(const std::string& folder) {
  std::map<std::string, std::string, std::less<>> texts;
  for (const fs::path& file : FilesIn(folder, ".txt")) {
    texts[file.stem().string()] = ReadText(file);
  }
  for (std::string_view language : core::kLanguages) {
    for (const fs::path& file : FilesIn(fs::path(folder) / language, ".txt")) {
      texts[std::string(language) + "/" + file.stem().string()] = ReadText(file);
    }
  }
  return texts;
}

Result<service::TemplateSet> LoadMailTemplates(const Config& config) {
  const fs::path root = fs::path(config.config_dir) / "templates" / "mail";
  std::map<std::string, std::string, std::less<>> texts;
  std::error_code ec;
  for (const auto& language : fs::directory_iterator(root, ec)) {
    if (!language.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(language.path(), ec)) {
      const std::string ext = file.path().extension().string();
      if (!file.is_regular_file() || (ext != ".subject" && ext != ".txt" && ext != ".html")) {
        continue;
      }
      texts[language.path().filename().string() + "/" + file.path().filename().string()] =
          ReadText(file.path());
    }
  }
  if (texts.empty()) {
    return Error::Internal("no mail templates under " + root.string());
  }
  return service::TemplateSet(std::move(texts));
}

Status LoadProcessDefaults(const Config& config, Runtime& runtime) {
  const fs::path root(config.config_dir);
  service::Services& services = *runtime.services;
  HD_RETURN_IF_ERROR(LoadDefinitions(root / "processes", services));
  services.processes.SetTemplates(service::TemplateSet(ReadTemplates((root / "templates").string()),
                                                       config.mail.default_language));
  HD_ASSIGN_OR_RETURN(service::TemplateSet mail, LoadMailTemplates(config));
  services.templates.SetMailFiles(std::move(mail));
  services.processes.SetRenderer(std::make_shared<ChildProcessRenderer>());
  return Ok();
}

}  // namespace hd::app
