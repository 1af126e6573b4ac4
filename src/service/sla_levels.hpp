// SlaLevels: loading the SLA catalogue (levels.yaml, calendar definitions,
// holiday sources shipped and imported) and the administrators' use cases on
// it: list and edit levels, re-apply a level to open tickets, import a
// calendar's holiday source.
//
// Policy versions: every change to a level's clock definition (in
// levels.yaml at start-up, or through Update) records a new version; new
// tickets use the current version, open tickets keep theirs until Reapply
// (audited) moves them. Thread-safe; blocking. Load is called once at
// start-up before serving; the others swap the SlaPolicy snapshot.
//
// Many instances: levels, imported holidays and calendar definitions live in
// the database, and every change bumps its SLA policy version; each instance
// calls Refresh every few seconds and rebuilds its snapshot when the
// version moved.
#pragma once

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/local_text.hpp"
#include "core/ports/store.hpp"
#include "core/sla_clock.hpp"
#include "service/actor.hpp"
#include "service/sla_clocks.hpp"
#include "service/sla_policy.hpp"

namespace hd::service {

// The catalogue's files as text; app/ reads them from config_dir.
struct SlaSources {
  std::string levels_yaml;
  // Calendar definition JSON by calendar id ("ru-business" -> contents).
  std::map<std::string, std::string> calendars;
  // Contents of a holiday source a definition names (a file name).
  std::function<Result<std::string>(const std::string& name)> read_source;
};

// Optional changes to a level (admin API). Durations as "4h", "90m".
struct LevelPatch {
  std::optional<core::LocalText> title;  // one text, or one per language
  std::optional<std::string> first_response;
  std::optional<std::string> next_response;  // "" removes the target
  std::optional<std::string> resolution;     // "" removes the target
  std::optional<std::string> calendar;
  std::optional<int> warning_percent;               // 1..99
  std::optional<std::string> escalate_group;        // group slug; "" = none
  std::optional<std::string> escalate_criticality;  // high | critical; "" = none
};

// A calendar an administrator sends (PUT /api/v1/admin/calendars/{id}).
struct CalendarUpload {
  std::string calendar_id;
  std::string content;
  bool ics = false;      // text/calendar: holidays as iCalendar; else JSON
  std::string source;    // holidays: the name to store them under; "" = "api-<years>.json|.ics"
  bool dry_run = false;  // check and tell what would change; store nothing
};

// One local date as a calendar counts it.
struct CalendarDayInfo {
  std::chrono::sys_days date;
  sla::DayKind kind = sla::DayKind::kWorking;
  bool transferred = false;  // a weekend day that is worked
  bool short_day = false;    // a pre-holiday day of the production calendar
  std::chrono::seconds hours{0};
  friend bool operator==(const CalendarDayInfo&, const CalendarDayInfo&) = default;
};

// A day an upload changes; `before` is empty where the calendar had no data.
struct CalendarDayChange {
  std::optional<CalendarDayInfo> before;
  CalendarDayInfo after;
};

// A year of a calendar, for the year view.
struct CalendarYear {
  std::string calendar_id;
  std::string title;
  std::string time_zone;
  int year = 0;
  bool covered = false;
  std::vector<CalendarDayInfo> days;  // every date of the year when covered
};

// A calendar in force, for administrators.
struct CalendarInfo {
  std::string id;
  std::string title;
  std::string time_zone;
  std::pair<int, int> coverage;  // first and last covered year
  // The runs of covered years ([first, last] each), which may leave gaps.
  std::vector<std::pair<int, int>> covered;
  bool in_use = false;  // a level's current version counts in it
};

struct CalendarImport {
  std::string calendar_id;
  std::string kind = "holidays";  // "holidays" (a holiday source) or "definition"
  std::string source;             // holidays: the stored source's name
  std::vector<int> years;         // holidays: the years the source covers
  std::pair<int, int> coverage;   // the calendar's covered years afterwards
  bool stored = true;             // false for a dry run
  // A dry run: the days whose kind or hours would change (at most
  // kMaxDayChanges, by date).
  std::vector<CalendarDayChange> changes;
  static constexpr std::size_t kMaxDayChanges = 1000;
};

// What a level promises, in the reader's language (GET /api/v1/levels).
struct LevelTerms {
  struct Grant {
    std::string key;    // "phone_support"
    std::string name;   // "phone / messenger support"
    std::string grant;  // "yes", "no" or "limited"
    std::string note;   // the limit of a limited grant, else empty
  };
  core::SlaLevelVersion version;  // the version in force
  std::string title;
  std::string who;
  std::vector<Grant> entitlements;  // in the order of the entitlement table
};

// The level a customer's next ticket gets, and why, in their language.
struct CustomerLevel {
  std::string id;
  std::string title;
  std::string reason;
};

class SlaLevels {
 public:
  SlaLevels(core::ports::Store& store, SlaPolicy& policy, const SlaClocks& clocks,
            const core::Clock& clock)
      : store_(store), policy_(policy), clocks_(clocks), clock_(clock) {}

  // Parses and builds everything, records a version of each level whose
  // definition in the file changed, and makes the result current.
  // kInvalidArgument naming the file at fault; kNotFound for a calendar a
  // level names but `sources` lacks.
  Status Load(SlaSources sources);

  // The current version of every level. Any signed-in user may read them.
  Result<std::vector<core::SlaLevelVersion>> List();
  // The current version of every level with who it serves and what support
  // does at that level, in the reader's language, in the file's order.
  Result<std::vector<LevelTerms>> Terms(const Actor& reader);
  // The level the customer's next ticket (without a coupon) gets from their
  // licences and partner status today; nullopt for staff and while no
  // levels are loaded.
  Result<std::optional<CustomerLevel>> LevelOf(const Actor& customer);
  // Records a new version of the level (new tickets use it). Administrators.
  Result<core::SlaLevelVersion> Update(const std::optional<Actor>& actor,
                                       const std::string& level_id, const LevelPatch& patch);
  // Moves the open tickets of the level to its current version and
  // recomputes their clocks; returns how many moved. Audited.
  Result<int> Reapply(const std::optional<Actor>& actor, const std::string& level_id);

  // Validates and stores a holiday source (production-calendar JSON, or .ics
  // by the name's extension) for a calendar, and rebuilds the catalogue so
  // the years it adds are used at once. Administrators (the command line
  // passes no actor). kInvalidArgument naming "calendar" for an unknown
  // calendar, or the place in the source at fault.
  Result<CalendarImport> ImportCalendar(const std::optional<Actor>& actor,
                                        const std::string& calendar_id, const std::string& name,
                                        const std::string& content);

  // Stores what an administrator sends for a calendar, by its kind: a
  // calendar definition (JSON, format "helpdesk-calendar/1": a new calendar,
  // or one replacing the shipped definition of that id; its holiday_sources
  // must be shipped files) or holidays for an existing calendar (JSON, format
  // "ru-production-calendar/1", or iCalendar). Effective at once here; other
  // instances see it at their next Refresh. Audited. kInvalidArgument naming
  // the field at fault: "calendar" (the id), "format", "id", "week.mon",
  // "time_zone", "holiday_sources", "source", "years"...
  Result<CalendarImport> PutCalendar(const std::optional<Actor>& actor,
                                     const CalendarUpload& upload);

  // The calendars in force, by id. Administrators.
  Result<std::vector<CalendarInfo>> Calendars(const std::optional<Actor>& actor);
  // Every day of `year` in calendar `calendar_id` (kNotFound for an unknown
  // calendar; kInvalidArgument naming "year" outside 1970..2199).
  // Administrators.
  Result<CalendarYear> YearOf(const std::optional<Actor>& actor, const std::string& calendar_id,
                              int year);

  // Rebuilds the catalogue when the database's SLA policy version differs
  // from the current snapshot's (another instance edited a level or a
  // calendar); true when it did. One cheap query otherwise. Nothing before
  // Load.
  Result<bool> Refresh();

 private:
  // Builds a catalogue from the sources, the stored holiday sources and
  // definitions and the stored versions; `record` records changed file
  // definitions first (in a write transaction; otherwise a read).
  Result<std::shared_ptr<SlaCatalog>> Build(bool record);
  Result<std::int64_t> PolicyVersion();
  // ImportCalendar and PutCalendar's two kinds, with mu_ held.
  Result<CalendarImport> ImportLocked(const std::optional<Actor>& actor,
                                      const std::string& calendar_id, const std::string& name,
                                      const std::string& content, bool dry_run);
  Result<CalendarImport> DefineLocked(const std::optional<Actor>& actor,
                                      const CalendarUpload& upload);
  // Calendar `calendar_id` built from `definition` (empty: the one in
  // force) and the stored holiday sources with `extra` added (replacing a
  // stored source of its name), for a dry run.
  Result<sla::Calendar> BuildWith(const std::string& calendar_id, const std::string& definition,
                                  const std::optional<core::ports::SlaRepo::CalendarSource>& extra);

  core::ports::Store& store_;
  SlaPolicy& policy_;
  const SlaClocks& clocks_;
  const core::Clock& clock_;
  std::mutex mu_;  // serialises Load, Update and imports
  SlaSources sources_;
};

}  // namespace hd::service
