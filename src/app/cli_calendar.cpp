// helpdesk calendar import FILE [--calendar ID]
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "app/cli.hpp"
#include "app/cli_licence.hpp"
#include "app/runtime.hpp"

namespace hd::app {

Result<std::unique_ptr<Runtime>> OpenWithSla(const CommonFlags& flags);  // cli_licence.cpp

namespace {

struct CalendarFlags {
  CommonFlags common;
  std::string file;
  std::string calendar = "ru-business";
};

int Import(const CalendarFlags& f) {
  std::ifstream in(f.file, std::ios::binary);
  if (!in) return Fail(Error::InvalidArgument("cannot read " + f.file));
  std::ostringstream text;
  text << in.rdbuf();
  auto runtime = OpenWithSla(f.common);
  if (!runtime.ok()) return Fail(runtime.error());
  const std::string name = std::filesystem::path(f.file).filename().string();
  auto out =
      (*runtime)->services->sla_levels.ImportCalendar(std::nullopt, f.calendar, name, text.str());
  if (!out.ok()) return Fail(out.error());
  std::cout << "calendar " << out->calendar_id << ": imported " << name << " (";
  for (std::size_t i = 0; i < out->years.size(); ++i) std::cout << (i ? ", " : "") << out->years[i];
  std::cout << "); covers " << out->coverage.first << "-" << out->coverage.second << "\n";
  return 0;
}

}  // namespace

void AddCalendarCommands(CLI::App& app, int& exit_code) {
  auto f = std::make_shared<CalendarFlags>();
  auto* calendar = app.add_subcommand("calendar", "SLA calendars")->require_subcommand(1);
  auto* import = calendar->add_subcommand(
      "import", "store a holiday source (production-calendar JSON or .ics) for a calendar");
  import->add_option("FILE", f->file, "the file to import")->required();
  import->add_option("--calendar", f->calendar, "calendar id (default ru-business)");
  AddCommonFlags(*import, f->common);
  import->callback([f, &exit_code] { exit_code = Import(*f);
});
}  // namespace hd::app

}  // namespace hd::app
