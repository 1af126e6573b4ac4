// Administration of support levels from the command line:
//
//   helpdesk licence add --user EMAIL --edition NAME --activated YYYY-MM-DD
//                        [--support standard|operative|vip] [--limited]
//       records the licence (or renews the holder's licence of that edition)
//       and prints "licence <id> <edition> until <date>" and "coupon <code>";
//   helpdesk partner set --user EMAIL --level none|standard|operative
//   helpdesk coupon issue --user EMAIL        (audited)
//   helpdesk calendar import FILE [--calendar ru-business]
//       stores a holiday source (production-calendar JSON or .ics) so the
//       server covers its years from its next start.
//
// --company NAME may replace --user for licences, partners and coupons.
// Errors print "helpdesk: <message>" and exit non-zero (cli.hpp).
#pragma once

#include <CLI/CLI.hpp>

namespace hd::app {

void AddLicenceCommands(CLI::App& app, int& exit_code);
void AddCalendarCommands(CLI::App& app, int& exit_code);

}  // namespace hd::app
