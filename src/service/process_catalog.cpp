#include "service/process_catalog.hpp"

#include <optional>
#include <vector>

#include "service/crypto.hpp"
#include "workflow/loader.hpp"

namespace hd::service {

namespace {

// The stored version of `id` with the highest number, if any.
std::optional<core::ProcessVersion> Highest(const std::vector<core::ProcessVersion>& all,
                                            std::string_view id) {
  std::optional<core::ProcessVersion> best;
  for (const auto& v : all) {
    if (v.process_id == id && (!best || v.version > best->version)) best = v;
  }
  return best;
}

Result<ProcessPtr> Parse(const core::ProcessVersion& stored) {
  auto loaded = workflow::LoadProcess(stored.source, stored.file_name);
  if (!loaded.ok()) {
    return Error::Internal("stored process " + stored.process_id + " version " +
                           std::to_string(stored.version) +
                           " no longer validates: " + loaded.error().message);
  }
  return ProcessPtr(std::make_shared<const workflow::Process>(std::move(loaded).value()));
}

}  // namespace

Result<LoadedProcess> ProcessCatalog::Load(core::ports::Store& store, std::string_view source,
                                           std::string_view file_name, core::Timestamp now) {
  HD_ASSIGN_OR_RETURN(workflow::Process parsed, workflow::LoadProcess(source, file_name));
  auto process = std::make_shared<const workflow::Process>(std::move(parsed));
  LoadedProcess out{process->id, process->version, Sha256Hex(source), false, false};
  std::optional<core::ProcessVersion> highest;
  HD_RETURN_IF_ERROR(store.Write([&](core::ports::Tx& tx) -> Status {
    auto& repo = tx.Processes();
    HD_ASSIGN_OR_RETURN(auto existing, repo.FindVersion(out.process_id, out.version));
    if (existing && existing->sha256 != out.sha256) {
      return Error::Conflict("process '" + out.process_id + "' version " +
                                 std::to_string(out.version) +
                                 " is stored already with a different text; give the new "
                                 "definition a higher version",
                             "process-version-exists");
    }
    if (!existing) {
      HD_RETURN_IF_ERROR(repo.InsertVersion({out.process_id, out.version, out.sha256,
                                             std::string(source), std::string(file_name), now}));
      out.stored = true;
    }
    HD_ASSIGN_OR_RETURN(auto all, repo.ListVersions());
    highest = Highest(all, out.process_id);
    return Ok();
  }));
  out.current = highest && highest->version == out.version;
  Remember(process, out.current);
  if (!out.current && highest) {
    HD_ASSIGN_OR_RETURN(ProcessPtr newer, Parse(*highest));
    Remember(std::move(newer), true);
  }
  return out;
}

Status ProcessCatalog::Refresh(core::ports::Store& store) {
  std::vector<core::ProcessVersion> all;
  HD_RETURN_IF_ERROR(store.Read([&](core::ports::Tx& tx) -> Status {
    HD_ASSIGN_OR_RETURN(all, tx.Processes().ListVersions());
    return Ok();
  }));
  for (const auto& v : all) {
    auto highest = Highest(all, v.process_id);
    if (highest->version != v.version) continue;
    HD_ASSIGN_OR_RETURN(ProcessPtr process, Parse(v));
    Remember(std::move(process), true);
  }
  return Ok();
}

Result<ProcessPtr> ProcessCatalog::Get(core::ports::Tx& tx, const std::string& process_id,
                                       std::int64_t version) const {
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    auto it = versions_.find({process_id, version});
    if (it != versions_.end()) return it->second;
  }
  HD_ASSIGN_OR_RETURN(auto stored, tx.Processes().FindVersion(process_id, version));
  if (!stored) {
    return Error::NotFound("process '" + process_id + "' has no version " +
                           std::to_string(version));
  }
  HD_ASSIGN_OR_RETURN(ProcessPtr process, Parse(*stored));
  const std::lock_guard<std::mutex> lock(mutex_);
  return versions_.emplace(std::make_pair(process_id, version), process).first->second;
}

ProcessPtr ProcessCatalog::Current(std::string_view process_id) const {
  const std::lock_guard<std::mutex> lock(mutex_);
  auto it = current_.find(process_id);
  return it == current_.end() ? nullptr : it->second;
}

std::vector<ProcessPtr> ProcessCatalog::CurrentAll() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  std::vector<ProcessPtr> all;
  for (const auto& [id, process] : current_) all.push_back(process);
  return all;
}

void ProcessCatalog::Remember(ProcessPtr process, bool make_current) {
  const std::lock_guard<std::mutex> lock(mutex_);
  versions_[{process->id, process->version}] = process;
  if (make_current) current_[process->id] = std::move(process);
}

}  // namespace hd::service
