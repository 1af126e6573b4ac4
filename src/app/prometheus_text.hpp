// One metric in the Prometheus text exposition format, for the metrics app/
// adds to /metrics (the SQLite writer's counters, the mail counters).
#pragma once

#include <cstdint>
#include <string>

namespace hd::app {

// Appends "# HELP name help\n# TYPE name type\nname value\n" to `text`.
inline void AppendMetric(std::string& text, const char* name, const char* type, const char* help,
                         std::uint64_t value) {
  text += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
          name + " " + std::to_string(value) + "\n";
}

}  // namespace hd::app
