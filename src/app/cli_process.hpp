// `helpdesk process …`: checking and drawing business process definitions
// (docs/workflow.md).
#pragma once

#include <CLI/CLI.hpp>

namespace hd::app {

// Adds `process check FILE` (prints every problem as file:line:col: message;
// exits 1 when there is any, 2 when FILE cannot be read) and
// `process render FILE [--format svg|dot|mermaid] [--current STATE]
// [--path S1,S2,…]` (the diagram on stdout). Exit codes travel as
// CLI::RuntimeError, which CLI::App::exit turns into the process's status.
void AddProcessCommands(CLI::App& app);

// Adds `process load FILE` (store a new version), `process migrate --from V
// --to V [--map old=new,…] [--process ID]` (move open tickets, audited) and
// the internal `process dot-svg` (cli_process_admin.cpp).
void AddProcessAdminCommands(CLI::App& process);

}  // namespace hd::app
