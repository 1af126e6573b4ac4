#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/process_defaults.hpp"
#include "app/runtime.hpp"
#include "app/sla_defaults.hpp"

namespace hd::app {

namespace {

std::string Field(const YAML::Node& node, const char* key) {
  return node[key] ? node[key].as<std::string>() : std::string();
}

// A text for people: one text for every language, or {en: ..., ru: ...}.
core::LocalText TextField(const YAML::Node& node, const char* key) {
  const YAML::Node value = node[key];
  if (!value || !value.IsMap()) return core::LocalText(Field(node, key));
  core::LocalText text;
  for (const auto& kv : value) text.Set(kv.first.as<std::string>(), kv.second.as<std::string>());
  return text;
}

Status LoadGroups(const YAML::Node& groups, service::Directory& directory) {
  for (const auto& g : groups) {
    core::Group group{
        {}, Field(g, "slug"), TextField(g, "name"), g["tier"] ? g["tier"].as<int>() : 1};
    auto added = directory.AddGroup(std::nullopt, group);
    if (!added.ok() && added.error().code != ErrorCode::kConflict) {
      return Error::InvalidArgument("group " + group.slug + ": " + added.error().message);
    }
  }
  return Ok();
}

// Categories an administrator edited in the app keep their edits.
Status LoadCategories(const YAML::Node& categories, service::Directory& directory) {
  HD_ASSIGN_OR_RETURN(auto groups, directory.Groups());
  HD_ASSIGN_OR_RETURN(auto stored, directory.Categories());
  for (const auto& c : categories) {
    core::Category category{Field(c, "slug"), TextField(c, "label"), std::nullopt,
                            TextField(c, "hint")};
    const bool edited = std::any_of(stored.begin(), stored.end(), [&](const core::Category& s) {
      return s.slug == category.slug && s.edited;
    });
    if (edited) continue;
    const std::string group = Field(c, "group");
    for (const auto& g : groups) {
      if (g.slug == group) category.group_id = g.id;
    }
    if (!group.empty() && !category.group_id) {
      return Error::InvalidArgument("category " + category.slug + ": unknown group " + group);
    }
    auto put = directory.PutCategory(std::nullopt, category);
    if (!put.ok()) {
      return Error::InvalidArgument("category " + category.slug + ": " + put.error().message);
    }
  }
  return Ok();
}

}  // namespace

Status LoadDirectoryDefaults(const Config& config, Runtime& runtime) {
  const auto path = std::filesystem::path(config.config_dir) / "directory.yaml";
  std::ifstream in(path);
  if (!in) return Error::InvalidArgument("cannot read " + path.string(), "config_dir");
  std::stringstream text;
  text << in.rdbuf();
  try {
    const YAML::Node root = YAML::Load(text.str());
    auto& directory = runtime.services->directory;
    HD_RETURN_IF_ERROR(LoadGroups(root["groups"], directory));
    HD_RETURN_IF_ERROR(LoadCategories(root["categories"], directory));
  } catch (const YAML::Exception& e) {
    return Error::InvalidArgument(path.string() + ":" + std::to_string(e.mark.line + 1) + ": " +
                                  e.msg);
  }
  HD_RETURN_IF_ERROR(LoadSlaDefaults(config, runtime));
  return LoadProcessDefaults(config, runtime);
}

}  // namespace hd::app
