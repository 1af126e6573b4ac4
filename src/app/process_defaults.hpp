// Start-up loading of the business process data under config_dir: every
// processes/*.yaml definition (stored as a version; an invalid file is
// refused with its problems logged and the previous version stays current)
// and the reply templates templates/*.txt; the mail templates
// templates/mail/ for the administrators' editing. Also plugs the diagram
// renderer into the use cases. Single-threaded, at start-up.
#pragma once

#include <map>
#include <string>

#include "app/config.hpp"
#include "app/runtime.hpp"
#include "core/error.hpp"
#include "service/templates.hpp"

namespace hd::app {

// Loads the process definitions and templates of config.config_dir (or the
// built-in defaults folder) into `runtime`. kInvalidArgument when the folder
// cannot be read; an invalid definition is logged, not fatal.
Status LoadProcessDefaults(const Config& config, Runtime& runtime);

// The reply templates in `folder`: <id>.txt by id, and <language>/<id>.txt
// (a folder per language the product speaks) by "<language>/<id>".
std::map<std::string, std::string, std::less<>> ReadTemplates(const std::string& folder);

// The mail templates under config.config_dir/templates/mail/ by
// "<language>/<event>.<part>". kInternal when there are none.
Result<service::TemplateSet> LoadMailTemplates(const Config& config);

}  // namespace hd::app
