// helpdesk db copy | db backup: moving an installation between databases
// and taking backups while it serves.
#include <spawn.h>
#include <sys/wait.h>

#include <cerrno>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <vector>

#include "app/cli.hpp"
#include "app/runtime.hpp"
#include "storage/copy/db_backup.hpp"
#include "storage/copy/db_copy.hpp"

extern char** environ;

namespace hd::app {

namespace {

struct CopyFlags {
  std::string from, to;
  bool replace = false;
  int batch = 500;
};

int Copy(const CopyFlags& flags) {
  auto from = storage::OpenDatabaseUrl(flags.from, false);
  if (!from.ok()) return Fail(from.error());
  auto to = storage::OpenDatabaseUrl(flags.to, true);
  if (!to.ok()) return Fail(to.error());
  storage::CopyOptions options;
  options.batch_rows = flags.batch;
  options.replace = flags.replace;
  options.on_table = [](const std::string& table, std::int64_t rows) {
    std::cout << "  " << std::left << std::setw(28) << table << rows << " rows\n" << std::flush;
  };
  std::cout << "copying " << flags.from << " to " << flags.to << "\n";
  auto report = storage::CopyDatabase(**from, **to, options);
  if (!report.ok()) return Fail(report.error());
  const double seconds = static_cast<double>(report->elapsed.count()) / 1000.0;
  std::cout << "copied " << report->rows << " rows of " << report->tables.size() << " tables in "
            << std::fixed << std::setprecision(1) << seconds << " s (" << std::setprecision(0)
            << (seconds > 0 ? static_cast<double>(report->rows) / seconds : 0.0)
            << " rows/s); the counts match\n"
            << "attachments larger than attachments.inline_bytes stay in the blobs/ folder of "
               "the data folder: keep it with the new database\n";
  return 0;
}

// Runs pg_dump (custom format) on `url`; kUnavailable when it is missing or fails.
Status PgDump(const std::string& url, const std::string& file) {
  std::vector<std::string> args = {"pg_dump", "--format=custom", "--file", file, "--dbname", url};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, "pg_dump", nullptr, nullptr, argv.data(), environ);
  if (rc != 0) {
    return Error::Unavailable(
        "pg_dump was not found: install postgresql-client (the server's major version or newer) "
        "and run: pg_dump --format=custom --file " +
        file + " --dbname '" + url + "'");
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Error::Unavailable("pg_dump failed; see its message above");
  }
  return Ok();
}

int Backup(const CommonFlags& common, const std::string& file) {
  auto config = ResolveConfig(common);
  if (!config.ok()) return Fail(config.error());
  const std::string url = config->DatabaseUrl();
  const std::string sqlite = "sqlite:";
  Status s = Ok();
  if (url.rfind(sqlite, 0) == 0) {
    s = storage::BackupSqlite(url.substr(sqlite.size()), file);
  } else if (IsPostgresUrl(url)) {
    s = PgDump(url, file);
  } else {
    s = Error::InvalidArgument("unsupported database URL " + url);
  }
  if (!s.ok()) return Fail(s.error());
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  std::cout << "backup written to " << file << " (" << (ec ? 0 : size) << " bytes)\n";
  return 0;
}

}  // namespace

void AddDbCommands(CLI::App& app, int& exit_code) {
  static CopyFlags copy_flags;
  static CommonFlags backup_flags;
  static std::string backup_file;
  auto* db = app.add_subcommand("db", "copy the database to another one, or back it up");
  db->require_subcommand(1);

  auto* copy = db->add_subcommand(
      "copy", "copy every row into an empty database (e.g. SQLite to PostgreSQL), keeping ids");
  copy->add_option("--from", copy_flags.from, "source URL: sqlite:PATH or postgresql://…")
      ->required();
  copy->add_option("--to", copy_flags.to, "target URL: postgresql://… or sqlite:PATH")->required();
  copy->add_flag("--replace", copy_flags.replace, "delete the target's rows first");
  copy->add_option("--batch", copy_flags.batch, "rows per INSERT (default 500)")
      ->check(CLI::Range(1, 10000));
  copy->callback([&] { exit_code = Copy(copy_flags); });

  auto* backup = db->add_subcommand(
      "backup", "write a consistent backup while serving (SQLite backup API, or pg_dump)");
  AddCommonFlags(*backup, backup_flags);
  backup->add_option("--to", backup_file, "the backup file")->required();
  backup->callback([&] { exit_code = Backup(backup_flags, backup_file); });
}

}  // namespace hd::app
