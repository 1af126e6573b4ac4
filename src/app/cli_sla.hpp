// `helpdesk sla ...`: working-time arithmetic for operators and scripts.
//
//   helpdesk sla due --calendar ru-business --start 2025-12-30T18:30:00Z --duration 6h
//   helpdesk sla elapsed --calendar ru-business --from T1 --to T2
//   helpdesk sla timeline --calendar ru-business --from T1 --to T2
//
// Calendars are read from <config-dir>/calendars/<NAME>.json. Bad input
// prints "helpdesk: <message>" on stderr and exits non-zero (2 for bad input,
// 75 when the calendar has no data for a year).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace hd::app {

// Adds the `sla` command group to `app`; `config_dir_default` is the default
// of --config-dir (the folder that holds calendars/).
void AddSlaCommands(CLI::App& app, const std::string& config_dir_default);

}  // namespace hd::app
